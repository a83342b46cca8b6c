import { createForwardProxy } from './forward-proxy.js';
import { listenOn, urlHost } from './listen-on.js';
import { OnionMirrors, type OnionMirror } from './onion-mirrors.js';
import { createOriginServer } from './origin-server.js';
import { RegistrationWorld } from './registry/registration-world.js';
import { startRegistryServers, type RegistryControl, type RunningRegistry, type WhoisEndpoints } from './registry/registry-servers.js';
import { RequestLog, type RequestFilter, type RequestLogEntry } from './request-log.js';
import { siteList, type TestbedSite } from './site-hosts.js';
import { SocketRegistry } from './socket-registry.js';
import { createSocksProxy, type SocksConnection } from './socks-proxy.js';
import { resolveContentOptions, resolvePort } from './testbed-options.js';
import { TestbedLayout } from './testbed-layout.js';
import { VirtualHosts } from './virtual-hosts.js';

export interface TestbedOptions {
  /** Default 1. The same seed serves the same sites in every process. */
  seed?: number;
  /** Default 200; ads are generated per request, so 100,000+ costs little memory. */
  ads?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: a free port. */
  proxyPort?: number;
  originPort?: number;
  /** SOCKS5 proxy (sites and their onion mirrors). Default 0: a free port. */
  socksPort?: number;
  /** Default true. Benchmarks turn it off; counts by `via` are kept either way. */
  logRequests?: boolean;
  /** WHOIS registry server (every TLD of the world). Default 0: a free port. */
  whoisPort?: number;
  /** The one WHOIS server answering for every registrar. Default 0. */
  registrarWhoisPort?: number;
  rdapPort?: number;
  /** UDP. Default 0. */
  dnsPort?: number;
  /** Queries per rolling second each WHOIS server answers; later ones get "WHOIS LIMIT EXCEEDED". Default: no limit. */
  whoisQueriesPerSecond?: number;
  /** Requests per rolling second the RDAP server answers; later ones get 429 with Retry-After. Default: no limit. */
  rdapRequestsPerSecond?: number;
  /** The 429's Retry-After in seconds. Default 1. */
  rdapRetryAfterSeconds?: number;
}

export interface RunningTestbed {
  /** 'http://127.0.0.1:PORT': HTTP forward proxy (absolute-form and CONNECT) for every site. */
  proxyUrl: string;
  /** The same sites served directly by Host header; every request here counts as direct. */
  originUrl: string;
  /**
   * 'socks5h://127.0.0.1:PORT': SOCKS5 proxy for every site and for the onion mirrors, which answer
   * nowhere else (the HTTP proxy says 502, the origin 404). Names only: a CONNECT by address is refused.
   */
  socksUrl: string;
  /** Stop and start the SOCKS proxy on the same port (fail-closed tests); what it saw (isolation tests). */
  socksControl: SocksControl;
  /** Sites also served under an onion address, through SOCKS only (onionGroundTruth has their ads). */
  onionMirrors: OnionMirror[];
  sites: TestbedSite[];
  seedUrls: string[];
  /** Every request served, in order (empty when logRequests is false). */
  requestLog: RequestLogEntry[];
  countRequests(filter?: RequestFilter): number;
  /** CONNECT tunnels opened so far. */
  tunnels(): number;
  /** The clock WHOIS and RDAP answer as of (default the real time): `registry.setClock('2024-01-01')` shows older records. */
  registry: RegistryControl;
  /** WHOIS (RFC 3912) servers; give `whois.connect` to a client as its host → host:port override. */
  whois: WhoisEndpoints;
  /** 'http://127.0.0.1:PORT/': RDAP base URL for every TLD of the world (/domain/{name}). */
  rdapUrl: string;
  /** '127.0.0.1:PORT': authoritative UDP DNS for every domain of the world (and www.), never recursive. */
  dnsServer: string;
  /** Closes every server and every socket, keep-alive and tunnelled ones too. */
  close(): Promise<void>;
}

export interface SocksControl {
  /** Closes the listener and ends every SOCKS connection: clients then get ECONNREFUSED. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  running(): boolean;
  /** Every SOCKS connection accepted, in order, with the username it authenticated with. */
  connections(): SocksConnection[];
  /** CONNECTs by address (a client that resolved a name itself): refused and counted. */
  refusedLocalResolution(): number;
}

export async function startTestbed(options: TestbedOptions = {}): Promise<RunningTestbed> {
  const { seed, ads } = resolveContentOptions(options);
  const host = options.host ?? '127.0.0.1';
  const proxyPort = resolvePort(options.proxyPort, 'proxyPort');
  const originPort = resolvePort(options.originPort, 'originPort');
  const log = new RequestLog(options.logRequests ?? true);
  const layout = new TestbedLayout(seed, ads);
  const deps = { hosts: new VirtualHosts(layout), log };
  const proxy = createForwardProxy(deps);
  const origin = createOriginServer(deps);
  const mirrors = new OnionMirrors(seed);
  const socks = createSocksProxy(deps, mirrors);
  const sockets = new SocketRegistry();
  for (const server of [proxy.server, origin]) sockets.watch(server);

  const proxyPortBound = await listenOn(proxy.server, host, proxyPort, 'proxy');
  let originPortBound: number;
  let socksPortBound: number;
  try {
    originPortBound = await listenOn(origin, host, originPort, 'origin');
    socksPortBound = await listenOn(socks.server, host, resolvePort(options.socksPort, 'socksPort'), 'socks');
  } catch (error) {
    proxy.server.close();
    origin.close();
    throw error;
  }
  let socksListening = true;
  const socksControl: SocksControl = {
    async stop() {
      if (!socksListening) return;
      socksListening = false;
      const closed = new Promise<void>((resolve) => socks.server.close(() => resolve()));
      socks.destroySockets();
      await closed;
    },
    async start() {
      if (socksListening) return;
      await listenOn(socks.server, host, socksPortBound, 'socks');
      socksListening = true;
    },
    running: () => socksListening,
    connections: () => [...socks.connections],
    refusedLocalResolution: () => socks.refusedLocalResolution(),
  };
  let registry: RunningRegistry;
  try {
    registry = await startRegistryServers(new RegistrationWorld(seed, layout.operators), {
      host,
      whoisPort: resolvePort(options.whoisPort, 'whoisPort'),
      registrarWhoisPort: resolvePort(options.registrarWhoisPort, 'registrarWhoisPort'),
      rdapPort: resolvePort(options.rdapPort, 'rdapPort'),
      dnsPort: resolvePort(options.dnsPort, 'dnsPort'),
      whoisQueriesPerSecond: options.whoisQueriesPerSecond,
      rdapRequestsPerSecond: options.rdapRequestsPerSecond,
      rdapRetryAfterSeconds: options.rdapRetryAfterSeconds,
    });
  } catch (error) {
    proxy.server.close();
    origin.close();
    await socksControl.stop();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const sites = siteList();
  return {
    proxyUrl: `http://${urlHost(host)}:${proxyPortBound}`,
    originUrl: `http://${urlHost(host)}:${originPortBound}`,
    socksUrl: `socks5h://${urlHost(host)}:${socksPortBound}`,
    socksControl,
    onionMirrors: mirrors.list.map((mirror) => ({ ...mirror })),
    sites,
    seedUrls: sites.map((site) => site.seedUrl),
    requestLog: log.entries,
    countRequests: (filter) => log.count(filter),
    tunnels: proxy.tunnels,
    registry: registry.registry,
    whois: registry.whois,
    rdapUrl: registry.rdapUrl,
    dnsServer: registry.dnsServer,
    close() {
      closing ??= (async () => {
        const closed = [proxy.server, origin].map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
        sockets.destroyAll();
        await Promise.all([...closed, registry.close(), socksControl.stop()]);
      })();
      return closing;
    },
  };
}

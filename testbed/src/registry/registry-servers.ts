import type { Socket as UdpSocket } from 'node:dgram';
import type { Server } from 'node:net';
import { UsageError } from '@indicia/core';
import { createDnsServer } from './dns-server.js';
import { createRdapServer } from './rdap-server.js';
import { RegistryClock } from './registry-clock.js';
import { registryWhoisHosts } from './registry-data.js';
import type { RegistrationWorld } from './registration-world.js';
import { createWhoisServer } from './whois-server.js';
import { listenOn, urlHost } from '../listen-on.js';

export interface RegistryServerOptions {
  host: string;
  whoisPort: number;
  registrarWhoisPort: number;
  rdapPort: number;
  dnsPort: number;
  /** Queries per rolling second each WHOIS server answers; later ones get "WHOIS LIMIT EXCEEDED". */
  whoisQueriesPerSecond?: number;
  /** Requests per rolling second the RDAP server answers; later ones get 429 + Retry-After. */
  rdapRequestsPerSecond?: number;
  rdapRetryAfterSeconds?: number;
}

/** The clock the WHOIS and RDAP servers answer as of. */
export interface RegistryControl {
  /** A Date or ISO string; null returns to the real time (the default). */
  setClock(at: Date | string | null): void;
  now(): Date;
}

export interface WhoisEndpoints {
  /** 'host:port' of the registry server: it answers for every TLD (thick for .test, thin for the others). */
  registry: string;
  /** Every registrar's WHOIS host name (as "Registrar WHOIS Server:" names it) → the one registrar server's 'host:port'. */
  registrars: Record<string, string>;
  /** Every WHOIS host name of the world (registries' and registrars') → 'host:port': a client's `connect` override. */
  connect: Record<string, string>;
}

export interface RunningRegistry {
  registry: RegistryControl;
  whois: WhoisEndpoints;
  /** 'http://host:port/': RDAP base URL (a bootstrap override's value). */
  rdapUrl: string;
  /** '127.0.0.1:PORT' (UDP). */
  dnsServer: string;
  close(): Promise<void>;
}

export async function startRegistryServers(world: RegistrationWorld, options: RegistryServerOptions): Promise<RunningRegistry> {
  const clock = new RegistryClock();
  const hostForUrl = urlHost(options.host);
  let rdapUrl = '';
  const registryWhois = createWhoisServer(world, clock, { role: 'registry', queriesPerSecond: options.whoisQueriesPerSecond });
  const registrarWhois = createWhoisServer(world, clock, { role: 'registrar', queriesPerSecond: options.whoisQueriesPerSecond });
  const rdap = createRdapServer(world, clock, { requestsPerSecond: options.rdapRequestsPerSecond, retryAfterSeconds: options.rdapRetryAfterSeconds }, () => rdapUrl);
  const dns = createDnsServer(world, { ipv6: options.host.includes(':') });
  const started: Array<() => Promise<void>> = [];
  const closeStarted = () => Promise.all(started.map((close) => close())).then(() => undefined);
  try {
    const registryPort = await listenOn(registryWhois.server, options.host, options.whoisPort, 'whoisPort');
    started.push(closeTcp(registryWhois.server, registryWhois.destroySockets));
    const registrarPort = await listenOn(registrarWhois.server, options.host, options.registrarWhoisPort, 'registrarWhoisPort');
    started.push(closeTcp(registrarWhois.server, registrarWhois.destroySockets));
    const rdapPort = await listenOn(rdap, options.host, options.rdapPort, 'rdapPort');
    started.push(closeTcp(rdap, () => rdap.closeAllConnections()));
    const dnsPort = await bindUdp(dns, options.host, options.dnsPort);
    started.push(() => new Promise<void>((resolve) => dns.close(() => resolve())));
    rdapUrl = `http://${hostForUrl}:${rdapPort}/`;
    const registry = `${hostForUrl}:${registryPort}`;
    const registrarEndpoint = `${hostForUrl}:${registrarPort}`;
    const registrars = Object.fromEntries(world.registrars.map((registrar) => [registrar.whoisServer, registrarEndpoint]));
    const registries = Object.fromEntries(Object.values(registryWhoisHosts).map((server) => [server, registry]));
    let closing: Promise<void> | undefined;
    return {
      registry: { setClock: (at) => clock.set(at), now: () => clock.now() },
      whois: { registry, registrars, connect: { ...registries, ...registrars } },
      rdapUrl,
      dnsServer: `${hostForUrl}:${dnsPort}`,
      close: () => (closing ??= closeStarted()),
    };
  } catch (error) {
    await closeStarted();
    throw error;
  }
}

function closeTcp(server: Server, destroySockets: () => void): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      destroySockets();
    });
}

function bindUdp(socket: UdpSocket, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new UsageError(`testbed dnsPort cannot bind ${host}:${port}: ${error.code ?? error.message}`, { cause: error }));
    socket.once('error', failed);
    socket.bind(port, host, () => {
      socket.off('error', failed);
      resolve(socket.address().port);
    });
  });
}

import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { socks5Connect, type SocksCredentials } from './socks5-client.js';
import { socksCredentialsFor } from './stream-isolation.js';

export interface SocksAgentOptions {
  proxyHost: string;
  proxyPort: number;
  remoteDns: boolean;
  /** From the proxy URL; the base of per-site credentials. */
  credentials: SocksCredentials | null;
  isolateStreams: boolean;
  greetingTimeoutMs: number;
  connectTimeoutMs: number;
}

/**
 * Keep-alive agents whose connections are SOCKS5 tunnels, one pair (http, https) per set of SOCKS
 * credentials: with stream isolation, per site, so a kept-alive connection is only ever reused for
 * the site (and circuit) it was opened for. A failure to reach the proxy fails the request; no
 * agent here can open a direct connection.
 */
export class SocksAgents {
  private readonly byCredentials = new Map<string, AgentPair>();
  /** host → its agents, so a request does not hash its site again (bounded: cleared when full). */
  private readonly byHost = new Map<string, AgentPair>();

  constructor(private readonly options: SocksAgentOptions) {}

  agentFor(url: URL): http.Agent {
    let pair = this.byHost.get(url.hostname);
    if (!pair) {
      pair = this.pairFor(url.hostname);
      if (this.byHost.size >= maxCachedHosts) this.byHost.clear();
      this.byHost.set(url.hostname, pair);
    }
    return url.protocol === 'https:' ? pair.https : pair.http;
  }

  destroy(): void {
    for (const pair of this.byCredentials.values()) {
      pair.http.destroy();
      pair.https.destroy();
    }
    this.byCredentials.clear();
    this.byHost.clear();
  }

  private pairFor(host: string): AgentPair {
    const credentials = socksCredentialsFor(host, { base: this.options.credentials, isolateStreams: this.options.isolateStreams });
    const key = credentials ? `${credentials.username}\u0000${credentials.password}` : '';
    let pair = this.byCredentials.get(key);
    if (!pair) {
      const tunnel = (host: string, port: number) =>
        socks5Connect({
          proxyHost: this.options.proxyHost,
          proxyPort: this.options.proxyPort,
          targetHost: host,
          targetPort: port,
          remoteDns: this.options.remoteDns,
          credentials,
          greetingTimeoutMs: this.options.greetingTimeoutMs,
          connectTimeoutMs: this.options.connectTimeoutMs,
        });
      pair = { http: new SocksHttpAgent(tunnel), https: new SocksHttpsAgent(tunnel) };
      this.byCredentials.set(key, pair);
    }
    return pair;
  }
}

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

const maxCachedHosts = 10_000;

type Tunnel = (host: string, port: number) => Promise<Socket>;
type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

class SocksHttpAgent extends http.Agent {
  constructor(private readonly tunnel: Tunnel) {
    super({ keepAlive: true, scheduling: 'lifo' });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): undefined {
    this.tunnel(hostOf(options), Number(options.port ?? 80)).then(
      (socket) => callback?.(null, socket),
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

class SocksHttpsAgent extends https.Agent {
  constructor(private readonly tunnel: Tunnel) {
    super({ keepAlive: true, scheduling: 'lifo', rejectUnauthorized: false });
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback): undefined {
    const host = hostOf(options);
    this.tunnel(host, Number(options.port ?? 443)).then(
      (socket) => callback?.(null, tls.connect({ socket, servername: isIP(host) ? undefined : host, rejectUnauthorized: false })),
      (error: Error) => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

function hostOf(options: http.ClientRequestArgs): string {
  return (options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
}

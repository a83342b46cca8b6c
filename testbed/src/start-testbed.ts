import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '@indicia/core';
import { createForwardProxy } from './forward-proxy.js';
import { createOriginServer } from './origin-server.js';
import { RequestLog, type RequestFilter, type RequestLogEntry } from './request-log.js';
import { siteList, type TestbedSite } from './site-hosts.js';
import { SocketRegistry } from './socket-registry.js';
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
  /** Default true. Benchmarks turn it off; counts by `via` are kept either way. */
  logRequests?: boolean;
}

export interface RunningTestbed {
  /** 'http://127.0.0.1:PORT': HTTP forward proxy (absolute-form and CONNECT) for every site. */
  proxyUrl: string;
  /** The same sites served directly by Host header; every request here counts as direct. */
  originUrl: string;
  sites: TestbedSite[];
  seedUrls: string[];
  /** Every request served, in order (empty when logRequests is false). */
  requestLog: RequestLogEntry[];
  countRequests(filter?: RequestFilter): number;
  /** CONNECT tunnels opened so far. */
  tunnels(): number;
  /** Closes both servers and every socket, keep-alive and tunnelled ones too. */
  close(): Promise<void>;
}

export async function startTestbed(options: TestbedOptions = {}): Promise<RunningTestbed> {
  const { seed, ads } = resolveContentOptions(options);
  const host = options.host ?? '127.0.0.1';
  const proxyPort = resolvePort(options.proxyPort, 'proxyPort');
  const originPort = resolvePort(options.originPort, 'originPort');
  const log = new RequestLog(options.logRequests ?? true);
  const deps = { hosts: new VirtualHosts(new TestbedLayout(seed, ads)), log };
  const proxy = createForwardProxy(deps);
  const origin = createOriginServer(deps);
  const sockets = new SocketRegistry();
  for (const server of [proxy.server, origin]) sockets.watch(server);

  const proxyAddress = await listen(proxy.server, host, proxyPort, 'proxy');
  let originAddress: AddressInfo;
  try {
    originAddress = await listen(origin, host, originPort, 'origin');
  } catch (error) {
    proxy.server.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const sites = siteList();
  return {
    proxyUrl: `http://${urlHost(host)}:${proxyAddress.port}`,
    originUrl: `http://${urlHost(host)}:${originAddress.port}`,
    sites,
    seedUrls: sites.map((site) => site.seedUrl),
    requestLog: log.entries,
    countRequests: (filter) => log.count(filter),
    tunnels: proxy.tunnels,
    close() {
      closing ??= (async () => {
        const closed = [proxy.server, origin].map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
        sockets.destroyAll();
        await Promise.all(closed);
      })();
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number, name: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new UsageError(`testbed ${name} cannot listen on ${host}:${port}: ${error.code ?? error.message}`, { cause: error }));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

import type { SocksCredentials } from './socks5-client.js';

/** How requests leave the crawler: never directly when a proxy is set. */
export type ProxyRoute =
  | { kind: 'direct' }
  | { kind: 'http'; url: URL }
  | {
      kind: 'socks';
      host: string;
      port: number;
      /** socks5h: names go to the proxy; socks5: resolved here, sent as addresses. */
      remoteDns: boolean;
      /** From the proxy URL; null when it has none. */
      credentials: SocksCredentials | null;
    };

/** Parses a proxy URL of the crawl settings (http://, socks5h://, socks5://; credentials allowed). */
export function proxyRouteOf(proxyUrl: string | null): ProxyRoute {
  if (proxyUrl === null) return { kind: 'direct' };
  const url = new URL(proxyUrl);
  if (url.protocol === 'http:') return { kind: 'http', url };
  if (url.protocol !== 'socks5h:' && url.protocol !== 'socks5:') throw new RangeError(`unsupported proxy scheme ${url.protocol}`);
  return {
    kind: 'socks',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 1080),
    remoteDns: url.protocol === 'socks5h:',
    credentials: url.username ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : null,
  };
}

/** Where the proxy listens, and what it speaks (how to ask whether it is there). */
export interface ProxyAddress {
  host: string;
  port: number;
  protocol: 'http' | 'socks5';
}

/** Where the proxy listens; null for a direct route. */
export function proxyAddressOf(route: ProxyRoute): ProxyAddress | null {
  if (route.kind === 'socks') return { host: route.host, port: route.port, protocol: 'socks5' };
  if (route.kind === 'http') return { host: route.url.hostname.replace(/^\[|\]$/g, ''), port: Number(route.url.port || 80), protocol: 'http' };
  return null;
}

import { connect } from 'node:net';

/**
 * Whether something still accepts TCP connections at the proxy's address. Asked only after a
 * proxied request broke mid-way ("socket hang up", a reset): from inside a tunnel a proxy that
 * died and a target that hung up look the same, and only the first is a proxy error. Nothing is
 * sent; the connection is closed at once.
 */
export function proxyAcceptsConnections(proxy: { host: string; port: number }, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: proxy.host, port: proxy.port });
    const done = (accepts: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(accepts);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

import { connect } from 'node:net';
import type { ProxyAddress } from './proxy-route.js';

/** Offers "no authentication" and "username/password": any SOCKS5 server picks one or refuses both, either way answering. */
const socksGreeting = Buffer.from([0x05, 0x02, 0x00, 0x02]);

/**
 * Whether the proxy is there to take requests. Asked after a proxied request failed in a way that
 * hides who failed (a tunnel reset mid-page: the proxy died, or the site hung up?), and by the
 * outage gate while it waits for a proxy to come back.
 *
 * An http:// proxy is there when it accepts a TCP connection. A SOCKS5 proxy must also answer the
 * SOCKS greeting: a port forwarded to it (ssh -L, socat, a network namespace's relay) accepts
 * connections while the proxy behind it is down. Nothing more is sent, and the connection is
 * closed before any request: the probe never asks the proxy to reach anything.
 */
export function proxyAnswers(proxy: ProxyAddress, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: proxy.host, port: proxy.port });
    let replied = 0;
    const done = (answers: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answers);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => {
      if (proxy.protocol === 'http') return done(true);
      socket.write(socksGreeting);
    });
    // Any two bytes are an answer: a server refusing both methods is there, only misconfigured.
    socket.on('data', (chunk: Buffer) => {
      replied += chunk.length;
      if (replied >= 2) done(true);
    });
    socket.once('close', () => done(false));
    socket.once('error', () => done(false));
  });
}

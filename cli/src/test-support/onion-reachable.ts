import { socksConnect } from './socks-connect.js';

/**
 * Resolves once `http://ONION/` answers with an HTTP status line through the SOCKS proxy. A freshly
 * published onion service needs a few seconds before its descriptor can be fetched, and Tor answers
 * "host unreachable" until then.
 */
export async function waitUntilOnionAnswers(socksUrl: string, onion: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let lastError = '';
  while (Date.now() - started < timeoutMs) {
    try {
      const socket = await socksConnect(socksUrl, onion, 80, 30_000);
      const statusLine = await new Promise<string>((resolve, reject) => {
        let head = '';
        socket.setTimeout(30_000, () => reject(new Error('no answer within 30 s')));
        socket.on('data', (chunk: Buffer) => {
          head += chunk.toString('latin1');
          if (head.includes('\r\n')) resolve(head.slice(0, head.indexOf('\r\n')));
        });
        socket.once('error', reject);
        socket.once('end', () => reject(new Error(`closed after ${JSON.stringify(head)}`)));
        socket.write(`GET / HTTP/1.1\r\nHost: ${onion}\r\nConnection: close\r\n\r\n`);
      }).finally(() => socket.destroy());
      if (/^HTTP\/1\.[01] \d{3}/.test(statusLine)) return Date.now() - started;
      lastError = `answered ${JSON.stringify(statusLine)}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${onion} did not answer through ${socksUrl} within ${timeoutMs} ms: ${lastError}`);
}

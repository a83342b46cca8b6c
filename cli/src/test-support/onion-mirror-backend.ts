import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { socksConnect } from './socks-connect.js';

export interface OnionMirrorBackendOptions {
  /** The testbed's SOCKS proxy, the only place its onion mirror answers. */
  testbedSocksUrl: string;
  /** The mirror's onion name: the testbed's, which the real onion service is published under (onionServiceKeyOf). */
  mirrorHost: string;
}

/**
 * The local target of a real onion service in the private Tor network. Tor forwards each stream of
 * `<mirror>.onion:80` here; this server passes the request on, unchanged, to the testbed's onion
 * mirror by name through the testbed's SOCKS proxy, the only place the mirror answers. The onion
 * service is published with the mirror's own key, so the names already agree: nothing is rewritten.
 */
export class OnionMirrorBackend {
  private constructor(private readonly server: Server) {}

  static async start(options: OnionMirrorBackendOptions): Promise<OnionMirrorBackend> {
    const server = createServer((incoming, outgoing) => {
      const fail = (error: Error) => {
        if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`onion mirror backend: ${error.message}\n`);
      };
      socksConnect(options.testbedSocksUrl, options.mirrorHost, 80).then((socket) => {
        const upstream = request(
          { createConnection: () => socket, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, connection: 'close' } },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        upstream.on('error', fail);
        incoming.pipe(upstream);
      }, fail);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new OnionMirrorBackend(server);
  }

  /** 127.0.0.1:PORT, for ADD_ONION's Port=80,<target>. */
  get target(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

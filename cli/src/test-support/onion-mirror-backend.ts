import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { socksConnect } from './socks-connect.js';

export interface OnionMirrorBackendOptions {
  /** The testbed's SOCKS proxy, the only place its onion mirror answers. */
  testbedSocksUrl: string;
  /** The mirror's onion name in the testbed (derived from the seed; no Tor key behind it). */
  mirrorHost: string;
}

const textual = /^(text\/|application\/(json|javascript|xml|xhtml))/;

/**
 * The local target of a real onion service in the private Tor network. Tor forwards each stream of
 * `<real>.onion:80` here; this server passes the request on to the testbed's onion mirror by name
 * through the testbed's SOCKS proxy (as the mirror answers nowhere else), with the real onion
 * address written in place of the mirror's name both ways: the Host header on the way in,
 * Location and textual bodies on the way out. Both names are 62 characters, so lengths hold.
 * The mirror's links are relative, so the rewrite only matters for the odd absolute URL.
 */
export class OnionMirrorBackend {
  private realHost: string | null = null;
  private constructor(
    private readonly server: Server,
    private readonly options: OnionMirrorBackendOptions,
  ) {}

  static async start(options: OnionMirrorBackendOptions): Promise<OnionMirrorBackend> {
    const server = createServer();
    const backend = new OnionMirrorBackend(server, options);
    server.on('request', (incoming, outgoing) => {
      const fail = (error: Error) => {
        if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`onion mirror backend: ${error.message}\n`);
      };
      socksConnect(options.testbedSocksUrl, options.mirrorHost, 80).then((socket) => {
        const upstream = request(
          {
            createConnection: () => socket,
            method: incoming.method,
            path: incoming.url,
            headers: { ...backend.toMirror(incoming.headers), host: options.mirrorHost, 'accept-encoding': 'identity', connection: 'close' },
          },
          (answer) => {
            const headers = { ...answer.headers };
            if (typeof headers.location === 'string') headers.location = backend.fromMirror(headers.location);
            if (!textual.test(answer.headers['content-type'] ?? '')) {
              outgoing.writeHead(answer.statusCode ?? 502, headers);
              answer.pipe(outgoing);
              return;
            }
            const chunks: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => chunks.push(chunk));
            answer.on('error', fail);
            answer.on('end', () => {
              const body = Buffer.from(backend.fromMirror(Buffer.concat(chunks).toString('latin1')), 'latin1');
              outgoing.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
              outgoing.end(body);
            });
          },
        );
        upstream.on('error', fail);
        incoming.pipe(upstream);
      }, fail);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return backend;
  }

  /** 127.0.0.1:PORT, for ADD_ONION's Port=80,<target>. */
  get target(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The real onion address in front of this backend, once it is known (Tor gives it on ADD_ONION). */
  setRealHost(host: string): void {
    if (host.length !== this.options.mirrorHost.length) throw new RangeError(`${host} and ${this.options.mirrorHost} differ in length`);
    this.realHost = host;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private toMirror(headers: IncomingHttpHeaders): IncomingHttpHeaders {
    const copy = { ...headers };
    delete copy.host;
    if (typeof copy.referer === 'string' && this.realHost !== null) copy.referer = copy.referer.replaceAll(this.realHost, this.options.mirrorHost);
    return copy;
  }

  private fromMirror(text: string): string {
    return this.realHost === null ? text : text.replaceAll(this.options.mirrorHost, this.realHost);
  }
}

import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { FetchTimeoutError } from '../fetch-errors.js';
import { OnionRequiresTorError } from '../onion-routing.js';
import { SocketReader } from './socket-reader.js';
import type { SocksAgentOptions } from './socks-agents.js';
import { socks5Connect } from './socks5-client.js';
import { SocksConnectFailedError } from './socks-errors.js';
import { socksCredentialsFor } from './stream-isolation.js';

/** The real proxy behind the relay, and how to reach it: the same options the HTTP side's agents take. */
export type SocksRelayOptions = SocksAgentOptions;

/** A local client (Chromium) that connects and then never finishes its greeting is dropped. */
const clientHandshakeTimeoutMs = 10_000;
/** Upstream failures kept for failureFor(), newest last. */
const rememberedFailures = 256;

const reply = { generalFailure: 0x01, notAllowed: 0x02, ttlExpired: 0x06, commandNotSupported: 0x07, addressTypeNotSupported: 0x08 } as const;

/**
 * A SOCKS5 server on 127.0.0.1 (an ephemeral port) in front of the crawl's real SOCKS proxy, for
 * Chromium, which cannot send SOCKS credentials: Chromium connects here without authentication,
 * and each CONNECT is forwarded to the real proxy with the credentials of the target's site
 * (socksCredentialsFor, as the HTTP side does), so Tor's IsolateSOCKSAuth gives the browser's
 * pages of a site the same circuit as that site's HTTP fetches, and two sites never share one.
 *
 * Fail-closed: the relay only ever connects to the proxy (socks5Connect); when the proxy is down
 * or refuses, the client gets a SOCKS failure reply, and the upstream error is kept for
 * failureFor() so the browser fetcher can say what really happened.
 */
export class SocksRelay {
  private readonly open = new Set<Socket>();
  private readonly failures = new Map<string, Error>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly server: Server,
    private readonly options: SocksRelayOptions,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(options: SocksRelayOptions): Promise<SocksRelay> {
    const server = createServer();
    const relay = new SocksRelay(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return relay;
  }

  /** `socks5://127.0.0.1:PORT`, for Chromium's --proxy-server. */
  get url(): string {
    return `socks5://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The last failure to reach `host` through the real proxy, if the last attempt failed. */
  failureFor(host: string): Error | null {
    return this.failures.get(normalHost(host)) ?? null;
  }

  /** Stops listening and ends every relayed connection. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.open) socket.destroy();
      this.open.clear();
    });
    return this.closing;
  }

  private accept(client: Socket): void {
    this.track(client);
    // A handshake that throws (client gone, malformed) only ends that client's connection.
    client.on('error', () => client.destroy());
    const timer = setTimeout(() => client.destroy(), clientHandshakeTimeoutMs);
    client.once('close', () => clearTimeout(timer));
    this.relay(client, timer).then(
      () => undefined,
      () => client.destroy(),
    );
  }

  private async relay(client: Socket, timer: NodeJS.Timeout): Promise<void> {
    const reader = new SocketReader(client);
    const [version, methodCount] = await reader.read(2);
    if (version !== 0x05) {
      client.destroy();
      return;
    }
    const methods = [...(await reader.read(methodCount!))];
    if (!methods.includes(0x00)) {
      client.end(Buffer.from([0x05, 0xff]));
      return;
    }
    client.write(Buffer.from([0x05, 0x00]));
    const [, command, , addressType] = await reader.read(4);
    const host = await readAddress(reader, addressType!);
    const port = host === null ? 0 : (await reader.read(2)).readUInt16BE(0);
    clearTimeout(timer);
    if (command !== 0x01 || host === null) {
      answer(client, command !== 0x01 ? reply.commandNotSupported : reply.addressTypeNotSupported);
      return;
    }
    let upstream: Socket;
    try {
      upstream = await socks5Connect({
        proxyHost: this.options.proxyHost,
        proxyPort: this.options.proxyPort,
        targetHost: host,
        targetPort: port,
        remoteDns: this.options.remoteDns,
        credentials: socksCredentialsFor(host, { base: this.options.credentials, isolateStreams: this.options.isolateStreams }),
        greetingTimeoutMs: this.options.greetingTimeoutMs,
        connectTimeoutMs: this.options.connectTimeoutMs,
      });
    } catch (error) {
      this.remember(host, error instanceof Error ? error : new Error(String(error)));
      answer(client, replyCodeFor(error));
      return;
    }
    this.failures.delete(normalHost(host));
    this.track(upstream);
    if (client.destroyed || this.closing) {
      upstream.destroy();
      client.destroy();
      return;
    }
    // Bound address 0.0.0.0:0: Chromium does not use it.
    client.write(Buffer.from([0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
    const released = reader.release();
    upstream.on('error', () => released.destroy());
    released.on('error', () => upstream.destroy());
    upstream.once('close', () => released.destroy());
    released.once('close', () => upstream.destroy());
    released.pipe(upstream);
    upstream.pipe(released);
  }

  private remember(host: string, error: Error): void {
    const key = normalHost(host);
    this.failures.delete(key);
    this.failures.set(key, error);
    if (this.failures.size > rememberedFailures) this.failures.delete(this.failures.keys().next().value!);
  }

  private track(socket: Socket): void {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
  }
}

function answer(client: Socket, code: number): void {
  client.end(Buffer.from([0x05, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
}

/** What the relay's client is told; the real error is kept for failureFor(). */
function replyCodeFor(error: unknown): number {
  if (error instanceof SocksConnectFailedError) return error.replyCode;
  if (error instanceof FetchTimeoutError) return reply.ttlExpired;
  if (error instanceof OnionRequiresTorError) return reply.notAllowed;
  return reply.generalFailure;
}

async function readAddress(reader: SocketReader, addressType: number): Promise<string | null> {
  if (addressType === 0x01) return [...(await reader.read(4))].join('.');
  if (addressType === 0x03) {
    const [length] = await reader.read(1);
    return (await reader.read(length!)).toString('utf8');
  }
  if (addressType === 0x04) {
    const bytes = await reader.read(16);
    return Array.from({ length: 8 }, (_, group) => bytes.readUInt16BE(group * 2).toString(16)).join(':');
  }
  return null;
}

function normalHost(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

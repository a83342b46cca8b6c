import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, isIP, type Server, type Socket } from 'node:net';
import type { OnionMirrors } from './onion-mirrors.js';
import { writePlain, writeResponse, type ServeDependencies } from './serve-site.js';

/** One SOCKS connection the proxy accepted, as tests look at it (stream isolation). */
export interface SocksConnection {
  /** RFC 1929 username, or null when the client chose no authentication. */
  username: string | null;
  /** The target as the client sent it: a name (ATYP 3) or an address (ATYP 1/4). */
  target: string;
  /** 0 when the connection was made; else the SOCKS5 reply code sent. */
  reply: number;
}

export interface SocksProxy {
  server: Server;
  connections: SocksConnection[];
  /** CONNECTs by IP address: a client resolved a name itself (a DNS leak on a real network). */
  refusedLocalResolution(): number;
  /** Ends every open SOCKS connection (the server's own close() waits for them). */
  destroySockets(): void;
}

const reply = { succeeded: 0x00, notAllowed: 0x02, hostUnreachable: 0x04, connectionRefused: 0x05, commandNotSupported: 0x07, addressTypeNotSupported: 0x08 } as const;

/**
 * A SOCKS5 proxy (RFC 1928; no authentication or RFC 1929 username/password, any accepted) in
 * front of the virtual hosts and their onion mirrors, the way Tor's SocksPort sits in front of the
 * web and of onion services. Only names (ATYP 3) are served: a CONNECT by address means the client
 * resolved the name itself, which on the real network would be a DNS leak, so it is refused
 * (0x02), counted and logged. Unknown names get "host unreachable" (0x04), ports other than 80
 * "connection refused" (0x05). Every HTTP request through it is logged with `via: 'socks'`.
 */
export function createSocksProxy(deps: ServeDependencies, mirrors: OnionMirrors): SocksProxy {
  const targets = new WeakMap<object, { served: string; content: string }>();
  const connections: SocksConnection[] = [];
  const open = new Set<Socket>();
  let refusedByAddress = 0;

  const tunnelServer: HttpServer = createHttpServer({ keepAliveTimeout: 30_000 }, (request, response) => {
    const target = targets.get(request.socket);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    if (target === undefined || !path.startsWith('/')) {
      writePlain(response, 400, 'testbed SOCKS tunnel: send origin-form requests\n');
      return;
    }
    const answer = deps.hosts.respond(target.content, method, path);
    deps.log.record({ host: target.served, path, method, via: 'socks', status: answer.status, at: Date.now() });
    writeResponse(response, answer, method);
  });

  const server = createServer((socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    void handshake(socket).then(
      (outcome) => {
        if (outcome === null) return;
        targets.set(socket, outcome);
        tunnelServer.emit('connection', socket);
      },
      () => socket.destroy(),
    );
  });

  async function handshake(socket: Socket): Promise<{ served: string; content: string } | null> {
    const reader = new HandshakeReader(socket);
    const [version, methodCount] = await reader.read(2);
    if (version !== 0x05) {
      socket.destroy();
      return null;
    }
    const methods = [...(await reader.read(methodCount!))];
    let username: string | null = null;
    if (methods.includes(0x02)) {
      socket.write(Buffer.from([0x05, 0x02]));
      const [, userLength] = await reader.read(2);
      username = (await reader.read(userLength!)).toString('utf8');
      const [passwordLength] = await reader.read(1);
      await reader.read(passwordLength!);
      socket.write(Buffer.from([0x01, 0x00]));
    } else if (methods.includes(0x00)) {
      socket.write(Buffer.from([0x05, 0x00]));
    } else {
      socket.end(Buffer.from([0x05, 0xff]));
      return null;
    }
    const [, command, , addressType] = await reader.read(4);
    const target = await readAddress(reader, addressType!);
    const port = (await reader.read(2)).readUInt16BE(0);
    const answer = (code: number) => {
      connections.push({ username, target: target ?? `address type ${addressType}`, reply: code });
      const bound = Buffer.from([0x05, code, 0x00, 0x01, 127, 0, 0, 1, 0, 0]);
      if (code === reply.succeeded) socket.write(bound);
      else socket.end(bound);
    };
    if (command !== 0x01 || target === null) {
      answer(command !== 0x01 ? reply.commandNotSupported : reply.addressTypeNotSupported);
      return null;
    }
    if (addressType !== 0x03 || isIP(target) !== 0) {
      refusedByAddress++;
      deps.log.record({ host: target, path: '', method: 'CONNECT', via: 'socks', status: 502, at: Date.now() });
      answer(reply.notAllowed);
      return null;
    }
    const served = target.toLowerCase().replace(/\.$/, '');
    const content = mirrors.clearHostOf(served) ?? (deps.hosts.has(served) ? served : undefined);
    if (content === undefined || port !== 80) {
      deps.log.record({ host: served, path: '', method: 'CONNECT', via: 'socks', status: 502, at: Date.now() });
      answer(content === undefined ? reply.hostUnreachable : reply.connectionRefused);
      return null;
    }
    answer(reply.succeeded);
    reader.release();
    return { served, content };
  }

  return {
    server,
    connections,
    refusedLocalResolution: () => refusedByAddress,
    destroySockets() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}

async function readAddress(reader: HandshakeReader, addressType: number): Promise<string | null> {
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

/** Exact-length reads during the handshake; afterwards the socket goes to the HTTP server with nothing lost. */
class HandshakeReader {
  private buffered = Buffer.alloc(0);
  private waiting: { length: number; resolve: (bytes: Buffer) => void; reject: (error: Error) => void } | null = null;
  private ended = false;
  private readonly onData = (chunk: Buffer) => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.deliver();
  };
  private readonly onEnd = () => {
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(new Error('client closed during the SOCKS handshake'));
  };

  constructor(private readonly socket: Socket) {
    socket.on('data', this.onData);
    socket.once('end', this.onEnd);
    socket.once('close', this.onEnd);
  }

  read(length: number): Promise<Buffer> {
    if (this.ended && this.buffered.length < length) return Promise.reject(new Error('client closed during the SOCKS handshake'));
    return new Promise((resolve, reject) => {
      this.waiting = { length, resolve, reject };
      this.deliver();
    });
  }

  release(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.pause();
    if (this.buffered.length > 0) this.socket.unshift(this.buffered);
  }

  private deliver(): void {
    if (!this.waiting || this.buffered.length < this.waiting.length) return;
    const { length, resolve } = this.waiting;
    this.waiting = null;
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    resolve(bytes);
  }
}

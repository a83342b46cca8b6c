/**
 * A tiny SOCKS5 server on 127.0.0.1 for the crawler's tests, whose behaviour a test picks (and may
 * change between requests): forward every CONNECT to a loopback origin, or fail in one of the ways
 * a real proxy (Tor's SocksPort) does. Not part of the package's API.
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { SocketReader } from './socket-reader.js';

export type LoopbackSocksBehaviour =
  /** Every CONNECT, whatever the name, goes to 127.0.0.1:originPort. */
  | { kind: 'forward'; originPort: number }
  /** The CONNECT is answered with this RFC 1928 / Tor reply code. */
  | { kind: 'reply'; code: number }
  /** RFC 1929 status 0x01 for any username/password. */
  | { kind: 'refuse-auth' }
  /** Method 0xff: none of the client's methods is acceptable. */
  | { kind: 'no-acceptable-method' }
  /** Accepts TCP and never says a word. */
  | { kind: 'silent' }
  /** Reads the greeting and closes the connection. */
  | { kind: 'close-after-greeting' }
  /** Completes the greeting, reads the CONNECT and never answers it. */
  | { kind: 'silent-after-connect' };

export interface LoopbackSocksConnection {
  username: string | null;
  password: string | null;
  /** 1 (IPv4), 3 (name), 4 (IPv6). */
  addressType: number;
  target: string;
  port: number;
}

export interface LoopbackSocksServer {
  /** `socks5h://127.0.0.1:PORT` */
  url: string;
  port: number;
  behaviour: LoopbackSocksBehaviour;
  /** Every CONNECT request read, in order. */
  connections: LoopbackSocksConnection[];
  /** Ends every connection (tunnels included) and stops listening: the proxy died. */
  close(): Promise<void>;
}

export async function startLoopbackSocksServer(behaviour: LoopbackSocksBehaviour): Promise<LoopbackSocksServer> {
  const open = new Set<Socket>();
  const connections: LoopbackSocksConnection[] = [];
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((socket) => {
    track(socket);
    handle(socket).catch(() => socket.destroy());
  });
  const self: LoopbackSocksServer = {
    url: '',
    port: 0,
    behaviour,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };

  async function handle(socket: Socket): Promise<void> {
    const current = self.behaviour;
    if (current.kind === 'silent') return;
    const reader = new SocketReader(socket);
    const [, methodCount] = await reader.read(2);
    const methods = [...(await reader.read(methodCount!))];
    if (current.kind === 'close-after-greeting') {
      socket.destroy();
      return;
    }
    if (current.kind === 'no-acceptable-method') {
      socket.end(Buffer.from([0x05, 0xff]));
      return;
    }
    let username: string | null = null;
    let password: string | null = null;
    if (methods.includes(0x02)) {
      socket.write(Buffer.from([0x05, 0x02]));
      const [, userLength] = await reader.read(2);
      username = (await reader.read(userLength!)).toString('utf8');
      const [passwordLength] = await reader.read(1);
      password = (await reader.read(passwordLength!)).toString('utf8');
      if (current.kind === 'refuse-auth') {
        socket.end(Buffer.from([0x01, 0x01]));
        return;
      }
      socket.write(Buffer.from([0x01, 0x00]));
    } else {
      socket.write(Buffer.from([0x05, 0x00]));
    }
    const [, , , addressType] = await reader.read(4);
    let target: string;
    if (addressType === 0x03) target = (await reader.read((await reader.read(1))[0]!)).toString('utf8');
    else if (addressType === 0x01) target = [...(await reader.read(4))].join('.');
    else target = (await reader.read(16)).toString('hex');
    const port = (await reader.read(2)).readUInt16BE(0);
    connections.push({ username, password, addressType: addressType!, target, port });
    if (current.kind === 'silent-after-connect') return;
    if (current.kind === 'reply' || current.kind === 'refuse-auth') {
      socket.end(Buffer.from([0x05, current.kind === 'reply' ? current.code : 0x01, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: current.originPort });
    track(upstream);
    await new Promise<void>((resolve, reject) => {
      upstream.once('connect', resolve);
      upstream.once('error', reject);
    });
    // A bound address given as a name, as some proxies answer: the client must read it whole.
    const bound = Buffer.from('bound.example', 'utf8');
    socket.write(Buffer.concat([Buffer.from([0x05, 0x00, 0x00, 0x03, bound.length]), bound, Buffer.from([0x00, 0x50])]));
    const released = reader.release();
    upstream.once('close', () => released.destroy());
    released.once('close', () => upstream.destroy());
    released.pipe(upstream);
    upstream.pipe(released);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self.port = (server.address() as AddressInfo).port;
  self.url = `socks5h://127.0.0.1:${self.port}`;
  return self;
}

import { lookup } from 'node:dns/promises';
import { isIP, type Socket, connect } from 'node:net';
import { FetchTimeoutError, ProxyUnreachableError } from '../fetch-errors.js';
import { isOnionHost, OnionRequiresTorError } from '../onion-routing.js';
import { SocketReader } from './socket-reader.js';
import { SocksAuthRefusedError, SocksConnectFailedError } from './socks-errors.js';

export interface SocksCredentials {
  username: string;
  password: string;
}

export interface Socks5ConnectOptions {
  proxyHost: string;
  proxyPort: number;
  targetHost: string;
  targetPort: number;
  /**
   * true (socks5h): the name goes to the proxy (ATYP 3), which resolves it; nothing is looked up
   * here. false (socks5): resolved here, sent as an address; refused for .onion names.
   */
  remoteDns: boolean;
  credentials: SocksCredentials | null;
  /** Greeting and authentication: a proxy that accepts the connection and then says nothing. */
  greetingTimeoutMs: number;
  /** The CONNECT reply: Tor builds a circuit (and for .onion a rendezvous) before it answers. */
  connectTimeoutMs: number;
}

const version = 0x05;
const methodNoAuth = 0x00;
const methodUserPass = 0x02;
const noAcceptableMethod = 0xff;

/**
 * Opens a TCP connection to the target through a SOCKS5 proxy (RFC 1928, with RFC 1929
 * username/password) and resolves the socket once the proxy has connected it, ready for HTTP or
 * TLS. Every failure is one of the crawl's errors: the proxy down or not speaking SOCKS5 is
 * ProxyUnreachableError, a reply code is SocksConnectFailedError, refused credentials stop the run.
 * Nothing here ever connects anywhere but the proxy.
 */
export async function socks5Connect(options: Socks5ConnectOptions): Promise<Socket> {
  const target = `${options.targetHost}:${options.targetPort}`;
  const address = await targetAddress(options);
  const socket = connect({ host: options.proxyHost, port: options.proxyPort });
  const reader = new SocketReader(socket);
  let phase: 'connecting' | 'greeting' | 'connect' = 'connecting';
  const timer = { handle: setTimeout(() => socket.destroy(timeoutError()), options.greetingTimeoutMs) };
  function timeoutError(): Error {
    return phase === 'connect'
      ? new FetchTimeoutError(`SOCKS5 proxy did not connect to ${target} within ${options.connectTimeoutMs} ms`)
      : new ProxyUnreachableError(`SOCKS5 proxy ${options.proxyHost}:${options.proxyPort} did not answer within ${options.greetingTimeoutMs} ms`);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    phase = 'greeting';
    // With credentials only username/password is offered: a proxy choosing "no auth" instead would
    // silently drop stream isolation (Tor's IsolateSOCKSAuth keys circuits on the credentials).
    const methods = options.credentials ? [methodUserPass] : [methodNoAuth];
    socket.write(Buffer.from([version, methods.length, ...methods]));
    const [replyVersion, method] = await reader.read(2);
    if (replyVersion !== version) throw new ProxyUnreachableError(`the proxy at ${options.proxyHost}:${options.proxyPort} does not speak SOCKS5 (it answered 0x${hex(replyVersion)})`);
    if (method === noAcceptableMethod) {
      throw new SocksAuthRefusedError(`the SOCKS5 proxy accepts none of our authentication methods (${options.credentials ? 'username/password, for stream isolation or from the proxy URL: drop them or use --no-isolate-streams' : 'none: put credentials in the proxy URL'})`);
    }
    if (method === methodUserPass) {
      if (!options.credentials) throw new SocksAuthRefusedError('the SOCKS5 proxy asks for a username and password: put them in the proxy URL (socks5h://user:pass@host:port)');
      socket.write(userPassRequest(options.credentials));
      const [, status] = await reader.read(2);
      if (status !== 0x00) throw new SocksAuthRefusedError('the SOCKS5 proxy refused the username/password: check the credentials in the proxy URL');
    } else if (method !== methodNoAuth) {
      throw new ProxyUnreachableError(`the SOCKS5 proxy chose an authentication method we did not offer (0x${hex(method)})`);
    }
    phase = 'connect';
    clearTimeout(timer.handle);
    timer.handle = setTimeout(() => socket.destroy(timeoutError()), options.connectTimeoutMs);
    socket.write(Buffer.concat([Buffer.from([version, 0x01, 0x00]), address, port16(options.targetPort)]));
    const [, reply, , addressType] = await reader.read(4);
    if (reply !== 0x00) throw new SocksConnectFailedError(reply!, target);
    await reader.read(boundAddressLength(addressType!, await peekLength(reader, addressType!)) + 2);
    clearTimeout(timer.handle);
    return reader.release();
  } catch (error) {
    clearTimeout(timer.handle);
    socket.destroy();
    throw classify(error, { phase, proxy: `${options.proxyHost}:${options.proxyPort}` });
  }
}

/** ATYP + address, as the CONNECT request carries it. */
async function targetAddress(options: Socks5ConnectOptions): Promise<Buffer> {
  const host = options.targetHost.replace(/^\[|\]$/g, '');
  let ip = isIP(host) ? host : null;
  if (ip === null && !options.remoteDns) {
    // socks5:// means "resolve here": never for a .onion name, which only Tor can resolve.
    if (isOnionHost(host)) throw new OnionRequiresTorError(`refusing to resolve ${host} locally: use a socks5h:// proxy (Tor resolves .onion names)`);
    ip = (await lookup(host)).address;
  }
  if (ip === null) {
    const name = Buffer.from(host, 'utf8');
    if (name.length > 255) throw new ProxyUnreachableError(`host name too long for SOCKS5: ${host.slice(0, 80)}...`);
    return Buffer.concat([Buffer.from([0x03, name.length]), name]);
  }
  if (isIP(ip) === 4) return Buffer.from([0x01, ...ip.split('.').map(Number)]);
  return Buffer.concat([Buffer.from([0x04]), ipv6Bytes(ip)]);
}

function ipv6Bytes(ip: string): Buffer {
  const [head = '', tail = ''] = ip.split('::');
  const parts = (text: string) => (text === '' ? [] : text.split(':'));
  const headParts = parts(head);
  const tailParts = parts(tail);
  const groups = ip.includes('::') ? [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill('0'), ...tailParts] : headParts;
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(Number.parseInt(group, 16), index * 2));
  return bytes;
}

function userPassRequest(credentials: SocksCredentials): Buffer {
  const username = Buffer.from(credentials.username, 'utf8');
  const password = Buffer.from(credentials.password, 'utf8');
  if (username.length < 1 || username.length > 255 || password.length > 255) {
    throw new SocksAuthRefusedError('a SOCKS5 username must be 1 to 255 bytes, a password at most 255');
  }
  return Buffer.concat([Buffer.from([0x01, username.length]), username, Buffer.from([password.length]), password]);
}

function port16(port: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(port);
  return buffer;
}

/** For a domain-name bound address the length byte comes first: read it. */
async function peekLength(reader: SocketReader, addressType: number): Promise<number> {
  if (addressType !== 0x03) return 0;
  const [length] = await reader.read(1);
  return length!;
}

function boundAddressLength(addressType: number, domainLength: number): number {
  if (addressType === 0x01) return 4;
  if (addressType === 0x04) return 16;
  if (addressType === 0x03) return domainLength;
  throw new ProxyUnreachableError(`the SOCKS5 proxy answered with an unknown address type 0x${hex(addressType)}`);
}

function classify(error: unknown, where: { phase: string; proxy: string }): Error {
  if (error instanceof ProxyUnreachableError || error instanceof FetchTimeoutError || error instanceof SocksConnectFailedError) return error;
  if (error instanceof SocksAuthRefusedError || error instanceof OnionRequiresTorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (where.phase === 'connect') return new ProxyUnreachableError(`SOCKS5 proxy ${where.proxy} dropped the connection before answering: ${message}`, { cause: error });
  return new ProxyUnreachableError(`proxy unreachable: ${message}`, { cause: error });
}

function hex(value: number | undefined): string {
  return (value ?? 0).toString(16).padStart(2, '0');
}

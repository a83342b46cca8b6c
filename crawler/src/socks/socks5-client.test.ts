import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FetchTimeoutError, ProxyUnreachableError } from '../fetch-errors.js';
import { HttpFetcher } from '../http-fetcher.js';
import { closedPort, sendHtml, startOrigin, type OriginServer } from '../loopback-fixtures.js';
import { OnionRequiresTorError } from '../onion-routing.js';
import { startLoopbackSocksServer, type LoopbackSocksServer } from './loopback-socks-server.js';
import { socks5Connect, type Socks5ConnectOptions } from './socks5-client.js';
import { SocksAuthRefusedError, SocksConnectFailedError } from './socks-errors.js';

const onionHost = `${'a'.repeat(56)}.onion`;

function connectOptions(proxy: { port: number }, overrides: Partial<Socks5ConnectOptions> = {}): Socks5ConnectOptions {
  return {
    proxyHost: '127.0.0.1',
    proxyPort: proxy.port,
    targetHost: 'site-a.test',
    targetPort: 80,
    remoteDns: true,
    credentials: null,
    greetingTimeoutMs: 2_000,
    connectTimeoutMs: 2_000,
    ...overrides,
  };
}

function fetcherThrough(proxyUrl: string): HttpFetcher {
  return new HttpFetcher({ proxyUrl, userAgent: 'IndiciaTest/1.0', timeoutMs: 5_000, maxBodyBytes: 1024 * 1024, maxRedirects: 5 });
}

describe('socks5Connect (RFC 1928/1929) against a loopback SOCKS5 server', () => {
  let origin: OriginServer;
  let proxy: LoopbackSocksServer;
  before(async () => {
    origin = await startOrigin((request, response) => sendHtml(response, `<p>${request.headers.host}${request.url}</p>`));
    proxy = await startLoopbackSocksServer({ kind: 'forward', originPort: origin.port });
  });
  after(async () => {
    await proxy.close();
    await origin.close();
  });

  it('sends the name to the proxy (ATYP 3) with socks5h and the credentials with RFC 1929, then carries HTTP', async () => {
    proxy.behaviour = { kind: 'forward', originPort: origin.port };
    const from = proxy.connections.length;
    const socket = await socks5Connect(connectOptions(proxy, { targetHost: onionHost, credentials: { username: 'case-1', password: 'pw' } }));
    socket.write(`GET /x HTTP/1.1\r\nhost: ${onionHost}\r\nconnection: close\r\n\r\n`);
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    assert.match(Buffer.concat(chunks).toString(), new RegExp(`^HTTP/1.1 200[^]*<p>${onionHost}/x</p>`));
    assert.deepEqual(proxy.connections.slice(from), [{ username: 'case-1', password: 'pw', addressType: 3, target: onionHost, port: 80 }]);
  });

  it('resolves the name here and sends an address (ATYP 1) with socks5://, and refuses to resolve a .onion name', async () => {
    proxy.behaviour = { kind: 'forward', originPort: origin.port };
    const from = proxy.connections.length;
    const socket = await socks5Connect(connectOptions(proxy, { targetHost: 'localhost', remoteDns: false }));
    socket.destroy();
    assert.equal(proxy.connections[from]?.addressType, 1);
    assert.equal(proxy.connections[from]?.target, '127.0.0.1');
    await assert.rejects(socks5Connect(connectOptions(proxy, { targetHost: onionHost, remoteDns: false })), OnionRequiresTorError);
    assert.equal(proxy.connections.length, from + 1, 'the refused .onion name never reached the proxy');
  });

  it('stops the run when the proxy refuses the username/password or accepts none of our methods', async () => {
    proxy.behaviour = { kind: 'refuse-auth' };
    await assert.rejects(socks5Connect(connectOptions(proxy, { credentials: { username: 'u', password: 'p' } })), (error: Error) => {
      assert.ok(error instanceof SocksAuthRefusedError);
      assert.match(error.message, /refused the username\/password/);
      assert.doesNotMatch(error.message, /\bp\b.*\bu\b|\bu\b.*\bp\b/, 'no credentials in the message');
      return true;
    });
    proxy.behaviour = { kind: 'no-acceptable-method' };
    await assert.rejects(socks5Connect(connectOptions(proxy, { credentials: { username: 'u', password: 'p' } })), /accepts none of our authentication methods.*--no-isolate-streams/);
    await assert.rejects(socks5Connect(connectOptions(proxy)), SocksAuthRefusedError);
  });

  it('turns every reply code into a retryable SocksConnectFailedError that names it', async () => {
    const expected: Array<[number, RegExp]> = [
      [0x01, /general SOCKS server failure \(reply 0x01\)/],
      [0x02, /not allowed by ruleset/],
      [0x03, /network unreachable/],
      [0x04, /host unreachable \(for \.onion/],
      [0x05, /connection refused/],
      [0x06, /TTL expired/],
      [0x07, /command not supported/],
      [0x08, /address type not supported/],
      [0xf0, /onion service descriptor not found \(reply 0xf0\)/],
      [0xf1, /descriptor is invalid/],
      [0xf2, /introduction failed/],
      [0xf3, /rendezvous failed/],
      [0xf4, /needs client authorization/],
      [0xf5, /authorization was refused/],
      [0xf6, /invalid onion address/],
      [0xf7, /introduction timed out/],
      [0x42, /unknown SOCKS5 reply \(reply 0x42\)/],
    ];
    for (const [code, message] of expected) {
      proxy.behaviour = { kind: 'reply', code };
      await assert.rejects(socks5Connect(connectOptions(proxy, { targetHost: onionHost })), (error: Error) => {
        assert.ok(error instanceof SocksConnectFailedError, `0x${code.toString(16)}: ${error.name}`);
        assert.equal(error.replyCode, code);
        assert.match(error.message, new RegExp(`^SOCKS5 proxy could not connect to ${onionHost}:80: `));
        assert.match(error.message, message);
        return true;
      });
    }
  });

  it('gives up on a proxy that says nothing (greeting timeout: proxy unreachable) or never answers the CONNECT (timeout)', async () => {
    proxy.behaviour = { kind: 'silent' };
    await assert.rejects(socks5Connect(connectOptions(proxy, { greetingTimeoutMs: 150 })), (error: Error) => {
      assert.ok(error instanceof ProxyUnreachableError, error.name);
      assert.match(error.message, /did not answer within 150 ms/);
      return true;
    });
    proxy.behaviour = { kind: 'silent-after-connect' };
    await assert.rejects(socks5Connect(connectOptions(proxy, { greetingTimeoutMs: 2_000, connectTimeoutMs: 150 })), (error: Error) => {
      assert.ok(error instanceof FetchTimeoutError, error.name);
      assert.match(error.message, /did not connect to site-a\.test:80 within 150 ms/);
      return true;
    });
  });

  it('fails as proxy unreachable when the proxy closes mid-handshake, is down, or does not speak SOCKS5', async () => {
    proxy.behaviour = { kind: 'close-after-greeting' };
    await assert.rejects(socks5Connect(connectOptions(proxy)), (error: Error) => {
      assert.ok(error instanceof ProxyUnreachableError, error.name);
      assert.match(error.message, /closed during the SOCKS5 handshake/);
      return true;
    });
    await assert.rejects(socks5Connect(connectOptions({ port: await closedPort() })), ProxyUnreachableError);
    await assert.rejects(socks5Connect(connectOptions({ port: origin.port })), ProxyUnreachableError, 'an HTTP server is not a SOCKS5 proxy');
  });
});

describe('HttpFetcher through a SOCKS5 proxy that dies', () => {
  it('fails a request on a kept-alive tunnel as proxy unreachable, never as a network error, and never goes direct', async () => {
    const origin = await startOrigin((request, response) => sendHtml(response, `<p>${request.url}</p>`));
    const proxy = await startLoopbackSocksServer({ kind: 'forward', originPort: origin.port });
    const fetcher = fetcherThrough(proxy.url);
    try {
      const first = await fetcher.fetch('http://site-a.test/one');
      assert.equal(first.status, 200);
      assert.equal(proxy.connections.length, 1);
      const second = await fetcher.fetch('http://site-a.test/two');
      assert.equal(proxy.connections.length, 1, 'the second request reused the kept-alive tunnel');
      assert.equal(second.status, 200);

      // The proxy dies with the tunnel idle in the agent: the request issued at once may be given
      // the dead tunnel ("socket hang up"); the one after it finds no proxy at all.
      const dying = proxy.close();
      const onDeadTunnel = fetcher.fetch('http://site-a.test/three');
      await dying;
      await assert.rejects(onDeadTunnel, ProxyUnreachableError);
      await assert.rejects(fetcher.fetch('http://site-a.test/four'), ProxyUnreachableError);
      assert.deepEqual(
        origin.requests.map((request) => request.path),
        ['/one', '/two'],
        'nothing reached the origin after the proxy died',
      );
    } finally {
      fetcher.close();
      await proxy.close();
      await origin.close();
    }
  });

  it('keeps a NetworkError a network error when the proxy is alive and the target hung up', async () => {
    const origin = await startOrigin((request) => request.socket.destroy());
    const proxy = await startLoopbackSocksServer({ kind: 'forward', originPort: origin.port });
    const fetcher = fetcherThrough(proxy.url);
    try {
      await assert.rejects(fetcher.fetch('http://site-a.test/'), (error: Error) => {
        assert.equal(error.name, 'NetworkError', error.message);
        return true;
      });
    } finally {
      fetcher.close();
      await proxy.close();
      await origin.close();
    }
  });
});

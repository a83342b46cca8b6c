// test-runner: alone — real Chromium rendering pages, like browser-fetcher.test.ts.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { ProxyUnreachableError } from '../fetch-errors.js';
import { HttpFetcher } from '../http-fetcher.js';
import { startOrigin } from '../loopback-fixtures.js';
import { startLoopbackSocksServer } from '../socks/loopback-socks-server.js';
import { SocksConnectFailedError } from '../socks/socks-errors.js';
import { findBrowserExecutable } from './browser-executable.js';
import { BrowserFetcher } from './browser-fetcher.js';
import { inTestScope, testSiteRoute } from './browser-test-site.js';

function browserPath(): string {
  const found = findBrowserExecutable();
  if (!found.found) assert.fail(`these tests need Chromium: ${found.message}`);
  return found.path;
}

function browserThrough(proxyUrl: string): BrowserFetcher {
  return new BrowserFetcher({
    executablePath: browserPath(),
    proxyUrl,
    userAgent: 'IndiciaTest/1.0',
    maxBodyBytes: 1024 * 1024,
    inScope: inTestScope,
    settings: { networkIdleMs: 150, settleTimeoutMs: 8_000, maxScrolls: 0, navigationTimeoutMs: 15_000 },
  });
}

function relayAccepts(relayUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(relayUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('BrowserFetcher through a SOCKS5 proxy (local relay adding per-site credentials)', () => {
  it('gives each site its own SOCKS username, the same one the HTTP fetcher uses, names resolved by the proxy only', async () => {
    const origin = await startOrigin(testSiteRoute);
    const proxy = await startLoopbackSocksServer({ kind: 'forward', originPort: origin.port });
    const proxyUrl = proxy.url.replace('socks5h://', 'socks5h://case7:s3cret@');
    const browser = browserThrough(proxyUrl);
    const http = new HttpFetcher({ proxyUrl, userAgent: 'IndiciaTest/1.0', timeoutMs: 5_000, maxBodyBytes: 1024 * 1024, maxRedirects: 5 });
    let relayUrl: string | null = null;
    try {
      const spa = await browser.fetch('http://spa.test/spa');
      assert.ok(spa.links.includes('http://spa.test/ads/1'), 'the SPA rendered through the relay and the proxy');
      assert.equal(spa.proxy, proxy.url, 'the capture records the real proxy, without credentials');
      const other = await browser.fetch('http://other.test/ads/2');
      assert.equal(other.status, 200);
      relayUrl = browser.chromiumProxyUrl;
      assert.match(relayUrl ?? '', /^socks5:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(new URL(relayUrl!).port, String(proxy.port), "Chromium's proxy is the relay");

      const browserConnections = [...proxy.connections];
      assert.ok(browserConnections.length >= 2);
      assert.ok(browserConnections.every((connection) => connection.addressType === 3), 'names only: nothing resolved locally');
      const usernames = new Map<string, Set<string | null>>();
      for (const connection of browserConnections) usernames.set(connection.target, (usernames.get(connection.target) ?? new Set()).add(connection.username));
      assert.deepEqual([...usernames.keys()].sort(), ['other.test', 'spa.test']);
      const spaUser = [...usernames.get('spa.test')!];
      const otherUser = [...usernames.get('other.test')!];
      assert.equal(spaUser.length, 1, 'one username for every connection to spa.test');
      assert.equal(otherUser.length, 1);
      assert.notEqual(spaUser[0], otherUser[0], 'two sites, two usernames');
      assert.match(spaUser[0] ?? '', /^case7-[0-9a-f]{16}$/);

      await http.fetch('http://spa.test/ads/3');
      assert.equal(proxy.connections.at(-1)?.username, spaUser[0], 'the HTTP fetcher uses the same credentials (circuit) for the site');
      assert.ok(origin.requests.every((request) => request.host === 'spa.test' || request.host === 'other.test'));
    } finally {
      http.close();
      await browser.close();
      await proxy.close();
      await origin.close();
    }
    assert.equal(await relayAccepts(relayUrl!), false, 'the relay closed with the fetcher');
  });

  it('fails closed with the real cause: a refusal keeps its SOCKS reply code, a proxy dying mid-page or down is a proxy error; nothing goes direct', async () => {
    const origin = await startOrigin(testSiteRoute);
    const proxy = await startLoopbackSocksServer({ kind: 'reply', code: 0xf0 });
    const browser = browserThrough(proxy.url);
    try {
      await assert.rejects(browser.fetch('http://spa.test/ads/1'), (error: Error) => {
        assert.ok(error instanceof SocksConnectFailedError, `${error.name}: ${error.message}`);
        assert.equal(error.replyCode, 0xf0);
        return true;
      });
      proxy.behaviour = { kind: 'forward', originPort: origin.port };
      // /slow answers after 1.5 s: the proxy dies while the page waits for it.
      const cut = browser.fetch('http://spa.test/slow');
      while (origin.hits('/slow') === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await proxy.close();
      // Chromium may try the cut request again itself: then the relay's refused connection says why.
      await assert.rejects(cut, (error: Error) => {
        assert.ok(error instanceof ProxyUnreachableError, `${error.name}: ${error.message}`);
        assert.match(error.message, /proxy unreachable/);
        return true;
      });
      await assert.rejects(browser.fetch('http://spa.test/ads/2'), (error: Error) => {
        assert.ok(error instanceof ProxyUnreachableError, `${error.name}: ${error.message}`);
        assert.match(error.message, /proxy unreachable/);
        return true;
      });
      await assert.rejects(browser.fetch(`${origin.url}/ads/3`), ProxyUnreachableError, 'a loopback URL does not go around the proxy either');
      assert.deepEqual(
        origin.requests.map((request) => request.path),
        ['/slow'],
        'nothing reached the origin but through the proxy',
      );
    } finally {
      await browser.close();
      await proxy.close();
      await origin.close();
    }
  });
});

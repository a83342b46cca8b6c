// test-runner: alone — every page must hand over its DOM within the 5 s script-call limit, which a
// machine busy with a second test file's browsers and Elasticsearch has exceeded.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { HttpFetcher } from '../http-fetcher.js';
import { ProxyUnreachableError } from '../fetch-errors.js';
import { startForwardProxy, startOrigin, type OriginServer } from '../loopback-fixtures.js';
import { OffScopeNavigationError } from './browser-errors.js';
import { findBrowserExecutable } from './browser-executable.js';
import { BrowserFetcher, type BrowserFetcherOptions } from './browser-fetcher.js';
import { isProcessAlive, launchedBrowserProcesses } from './chromium-processes.js';
import { inTestScope, scrollPages, spaAdCount, testSiteRoute } from './browser-test-site.js';

function browserPath(): string {
  const found = findBrowserExecutable();
  if (!found.found) assert.fail(`these tests need Chromium: ${found.message}`);
  return found.path;
}

function fetcherFor(overrides: Partial<BrowserFetcherOptions> = {}): BrowserFetcher {
  return new BrowserFetcher({
    executablePath: browserPath(),
    proxyUrl: null,
    userAgent: 'IndiciaTest/1.0',
    maxBodyBytes: 1024 * 1024,
    inScope: inTestScope,
    settings: { networkIdleMs: 150, settleTimeoutMs: 8_000, ...overrides.settings },
    ...overrides,
  });
}

describe('BrowserFetcher', () => {
  let origin: OriginServer;
  let fetcher: BrowserFetcher;
  before(async () => {
    origin = await startOrigin(testSiteRoute);
    fetcher = fetcherFor();
  });
  after(async () => {
    await fetcher.close();
    await origin.close();
  });

  it('renders a single-page app and captures what plain HTTP does not see', async () => {
    const http = new HttpFetcher({ proxyUrl: null, userAgent: 'IndiciaTest/1.0', timeoutMs: 5_000, maxBodyBytes: 1024 * 1024, maxRedirects: 5 });
    const plain = await http.fetch(`${origin.url}/spa`);
    http.close();
    assert.doesNotMatch(plain.body.toString(), /\/ads\/1/, 'the links exist only after the script ran');

    const capture = await fetcher.fetch(`${origin.url}/spa`);
    assert.equal(capture.status, 200);
    assert.equal(capture.url, `${origin.url}/spa`);
    assert.equal(capture.settled, true, capture.unsettledReason ?? '');
    for (let i = 1; i <= spaAdCount; i++) {
      assert.ok(capture.links.includes(`${origin.url}/ads/${i}`), `link to ad ${i}`);
      assert.ok(capture.imageUrls.includes(`${origin.url}/img/ad-${i}.png`), `image of ad ${i}`);
    }
    assert.match(capture.html, /Ad number 3/);
    assert.deepEqual([...capture.screenshotPng.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join(''), 'PNG');
    const json = capture.exchanges.find((exchange) => exchange.url.endsWith('/api/ads.json'));
    assert.ok(json, 'the XHR is recorded');
    assert.equal(json.status, 200);
    assert.equal(JSON.parse(json.body.toString()).length, spaAdCount);
    assert.equal(capture.exchanges[0]?.resourceType, 'document', 'the main document comes first');
    assert.match(capture.exchanges[0]!.body.toString(), /<div id="root"><\/div>/, 'the document as the server sent it');
    assert.ok(capture.exchanges[0]!.requestHeaders.some((header) => header.name.toLowerCase() === 'user-agent' && header.value === 'IndiciaTest/1.0'));
    assert.ok(capture.headers.some((header) => header.name === 'content-type' && header.value.startsWith('text/html')));
  });

  it('scrolls an infinite listing to its end and loads lazy images', async () => {
    const capture = await fetcher.fetch(`${origin.url}/scroll`);
    assert.equal(capture.settled, true, capture.unsettledReason ?? '');
    for (let page = 1; page <= scrollPages; page++) {
      assert.ok(capture.links.includes(`${origin.url}/feed/${page}-1`), `item of feed page ${page}`);
      assert.ok(origin.hits(`/img/feed-${page}-1.png`) >= 1, `lazy image of feed page ${page} requested`);
    }
    assert.ok(origin.hits('/img/native-lazy.png') >= 1, 'loading=lazy image far down requested');
    assert.equal(origin.hits(`/api/feed?page=${scrollPages + 1}`), 0);
    assert.ok(capture.pageHeight > 700 * 2 * scrollPages, `page grew to ${capture.pageHeight}px`);
  });

  it('blocks off-scope frames and media, not the images a page shows', async () => {
    const capture = await fetcher.fetch(`${origin.url}/frames`);
    assert.equal(origin.hits('/outside/frame'), 0, 'the off-scope iframe never reached the server');
    assert.equal(origin.hits('/outside/clip.mp4'), 0, 'off-scope media never reached the server');
    assert.equal(origin.hits('/outside/beacon'), 0, 'off-scope beacon never reached the server');
    assert.ok(origin.hits('/outside/banner.png') >= 1, 'an image is fetched wherever it is');
    const reasons = capture.blockedRequests.map((blocked) => `${blocked.reason} ${new URL(blocked.url).pathname}`);
    assert.ok(reasons.includes('off-scope-navigation /outside/frame'), reasons.join(', '));
    assert.ok(capture.blockedCount >= 2);
  });

  it('follows redirects in scope and refuses one out of scope before it is sent', async () => {
    const capture = await fetcher.fetch(`${origin.url}/redirect-in`);
    assert.equal(capture.url, `${origin.url}/ads/7`);
    assert.deepEqual(capture.redirectUrls, [`${origin.url}/ads/7`]);
    assert.ok(capture.exchanges.some((exchange) => exchange.status === 302 && exchange.bodyUnavailable === 'redirect'), 'the redirect response is recorded');
    await assert.rejects(fetcher.fetch(`${origin.url}/redirect-out`), OffScopeNavigationError);
    assert.equal(origin.hits('/outside/landing'), 0);
  });

  it('captures a page that never finishes loading after the cap, marked unsettled', async () => {
    const quick = fetcherFor({ settings: { networkIdleMs: 150, settleTimeoutMs: 1_500 } });
    try {
      const started = Date.now();
      const capture = await quick.fetch(`${origin.url}/never-finishes`);
      assert.equal(capture.settled, false);
      assert.match(capture.unsettledReason ?? '', /load event/);
      assert.match(capture.html, /Partial page/);
      assert.ok(capture.links.includes(`${origin.url}/ads/9`));
      assert.ok(Date.now() - started < 15_000);
    } finally {
      await quick.close();
    }
  });
});

describe('BrowserFetcher through a proxy', () => {
  it('sends every request through the proxy, loopback targets included, and fails closed when it is gone', async () => {
    const origin = await startOrigin(testSiteRoute);
    const proxy = await startForwardProxy(origin.port);
    const fetcher = fetcherFor({ proxyUrl: proxy.url });
    try {
      const capture = await fetcher.fetch('http://spa.test/spa');
      assert.ok(capture.links.includes('http://spa.test/ads/1'), 'rendered through the proxy');
      assert.equal(capture.proxy, proxy.url);
      const viaProxy = proxy.targets.filter((target) => target.startsWith('http://spa.test/'));
      assert.equal(origin.requests.length, proxy.targets.length, 'the origin saw only what the proxy forwarded');
      assert.ok(viaProxy.includes('http://spa.test/api/ads.json') && viaProxy.includes('http://spa.test/img/ad-1.png'), proxy.targets.join(', '));

      const loopback = await fetcher.fetch(`${origin.url}/ads/5`);
      assert.equal(loopback.status, 200);
      assert.ok(proxy.targets.includes(`${origin.url}/ads/5`), 'a loopback URL still goes through the proxy');
      assert.equal(origin.requests.length, proxy.targets.length);

      await proxy.close();
      const servedBefore = origin.requests.length;
      await assert.rejects(fetcher.fetch('http://spa.test/ads/2'), ProxyUnreachableError);
      await assert.rejects(fetcher.fetch(`${origin.url}/ads/3`), ProxyUnreachableError);
      assert.equal(origin.requests.length, servedBefore, 'nothing reached the origin directly');
    } finally {
      await fetcher.close();
      await proxy.close();
      await origin.close();
    }
  });
});

describe('BrowserFetcher process handling', () => {
  it('relaunches a killed browser and captures the page on the retry', async () => {
    const origin = await startOrigin(testSiteRoute);
    const fetcher = fetcherFor();
    try {
      const fetching = fetcher.fetch(`${origin.url}/slow`);
      while (origin.hits('/slow') === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const [pid] = fetcher.processIds();
      assert.ok(pid, 'the browser process is known');
      process.kill(pid, 'SIGKILL');
      const capture = await fetching;
      assert.match(capture.html, /slow page/);
      assert.equal(capture.attempts, 2);
      assert.equal(fetcher.stats.crashes, 1);
      assert.equal(fetcher.stats.launches, 2);
      assert.ok(!fetcher.processIds().includes(pid));
    } finally {
      await fetcher.close();
      await origin.close();
    }
  });

  it('replaces a browser after pagesPerBrowser pages, and close() ends every process and profile', async () => {
    const origin = await startOrigin(testSiteRoute);
    const fetcher = fetcherFor({ settings: { networkIdleMs: 100, pagesPerBrowser: 3, maxScrolls: 0 } });
    const pids = new Set<number>();
    const profiles = new Set<string>();
    try {
      for (let i = 1; i <= 7; i++) {
        const capture = await fetcher.fetch(`${origin.url}/page/${i}`);
        assert.equal(capture.status, 200);
        for (const pid of fetcher.processIds()) pids.add(pid);
        for (const child of launchedBrowserProcesses()) if (child.profileDir) profiles.add(child.profileDir);
      }
      assert.equal(fetcher.stats.launches, 3);
      assert.equal(fetcher.stats.recycles, 2);
      assert.equal(pids.size, 3, 'three different browser processes served the pages');
    } finally {
      await fetcher.close();
      await origin.close();
    }
    for (const pid of pids) assert.equal(isProcessAlive(pid), false, `browser ${pid} ended`);
    for (const profile of profiles) assert.equal(existsSync(profile), false, `profile ${profile} removed`);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { silentLogger, UsageError } from '@indicia/core';
import { createCrawlRequestStage } from './distributed/crawl-request-stage.js';
import { HostPacer } from './distributed/host-pacer.js';
import { FrontierRequestManager } from './frontier-request-manager.js';
import { HttpCrawl, type CrawlSettingsInput } from './index.js';
import { recordingHooks, sendHtml, startOrigin, temporaryDir } from './loopback-fixtures.js';
import { OnionRequiresTorError } from './onion-routing.js';
import { allowEverything } from './robots-policy.js';
import { startLoopbackSocksServer } from './socks/loopback-socks-server.js';

const onionHost = `${'b'.repeat(56)}.onion`;
const quick = { mode: 'http', images: false, retryBackoffMs: 10, requestTimeoutMs: 5_000 } satisfies Partial<CrawlSettingsInput>;

describe('onion crawls are refused at start without Tor', () => {
  const refusals: Array<[string, string | null, boolean, RegExp]> = [
    ['no proxy', null, false, /^refusing to crawl \.onion without Tor: use --proxy socks5h:\/\/127\.0\.0\.1:9050 \(seed http:\/\/b+\.onion\/\)$/],
    ['socks5:// (local resolution)', 'socks5://127.0.0.1:9', false, /socks5:\/\/, which resolves names locally \(a DNS leak\)/],
    ['an http:// proxy not marked as Tor', 'http://127.0.0.1:9', false, /HTTP proxy not marked as Tor.*--proxy-is-tor/],
  ];
  for (const [label, proxyUrl, proxyIsTor, message] of refusals) {
    it(`HttpCrawl refuses an onion seed with ${label} in its constructor, before anything is opened`, async () => {
      const dir = await temporaryDir();
      try {
        assert.throws(() => new HttpCrawl({ ...quick, seeds: [`http://${onionHost}/`], dataDir: dir.path, proxyUrl, proxyIsTor }, recordingHooks(), 'refused'), (error: Error) => {
          assert.ok(error instanceof UsageError, error.name);
          assert.match(error.message, message);
          return true;
        });
      } finally {
        await dir.remove();
      }
    });
  }

  it('accepts socks5h:// and an http:// proxy marked as Tor; refuses an allow pattern naming .onion without Tor', async () => {
    const dir = await temporaryDir();
    try {
      const seeds = [`http://${onionHost}/`];
      assert.ok(new HttpCrawl({ ...quick, seeds, dataDir: dir.path, proxyUrl: 'socks5h://127.0.0.1:9' }, recordingHooks(), 'ok'));
      assert.ok(new HttpCrawl({ ...quick, seeds, dataDir: dir.path, proxyUrl: 'http://127.0.0.1:9', proxyIsTor: true }, recordingHooks(), 'ok'));
      assert.throws(
        () => new HttpCrawl({ ...quick, seeds: ['http://site.test/'], allow: ['\\.onion/'], dataDir: dir.path }, recordingHooks(), 'refused'),
        /without Tor.*allow pattern/,
      );
    } finally {
      await dir.remove();
    }
  });

  it('a distributed crawl worker refuses an onion scope at start and dead-letters an onion request before fetching anything', async () => {
    const dir = await temporaryDir();
    try {
      await assert.rejects(createCrawlRequestStage({ settings: { ...quick, dataDir: dir.path, allow: ['onion'] }, workerId: 'w', log: silentLogger() }), UsageError);
      const stage = await createCrawlRequestStage({ settings: { ...quick, dataDir: dir.path, proxyUrl: 'socks5://127.0.0.1:9' }, workerId: 'w', log: silentLogger() });
      try {
        const url = `http://${onionHost}/`;
        const submission = { id: 'run-onion', seeds: [url], maxDepth: 1, recrawl: false };
        const message = { payload: { url, canonicalUrl: url, host: onionHost, depth: 0, parentUrl: null, submission } };
        const emitted: string[] = [];
        const ctx = {
          emit: async (type: string) => {
            emitted.push(type);
          },
        };
        await assert.rejects(stage.handle(message as never, ctx as never), (error: Error) => {
          assert.ok(error instanceof OnionRequiresTorError, error.name);
          assert.match(error.message, /socks5:\/\/, which resolves names locally/);
          return true;
        });
        assert.deepEqual(emitted, []);
      } finally {
        await stage.close?.();
      }
    } finally {
      await dir.remove();
    }
  });
});

describe('onion pacing', () => {
  it('HttpCrawl keeps onionPerHostDelayMs between two request starts to an onion host and one request at a time, through SOCKS only', async () => {
    const pages: Record<string, string> = {
      '/': '<a href="/a">a</a> <a href="/b">b</a> <a href="/c">c</a> <a href="/d">d</a>',
      '/a': '<p>a</p>',
      '/b': '<p>b</p>',
      '/c': '<p>c</p>',
      '/d': '<p>d</p>',
    };
    const origin = await startOrigin((request, response) => {
      const page = pages[request.url ?? ''];
      if (page === undefined) return void response.writeHead(404).end();
      sendHtml(response, page);
    });
    const proxy = await startLoopbackSocksServer({ kind: 'forward', originPort: origin.port });
    const dir = await temporaryDir();
    const delayMs = 120;
    try {
      const hooks = recordingHooks();
      const summary = await new HttpCrawl(
        { ...quick, seeds: [`http://${onionHost}/`], dataDir: dir.path, proxyUrl: proxy.url, perHostDelayMs: 0, perHostConcurrency: 4, onionPerHostDelayMs: delayMs, onionPerHostConcurrency: 1 },
        hooks,
        'onion-pacing',
      ).run();
      assert.equal(summary.captured, 5, JSON.stringify(summary.failures));
      const starts = origin.requests.filter((request) => request.host === onionHost).map((request) => request.startedAt);
      assert.equal(starts.length, 6, 'robots.txt and five pages');
      // Arrival times, not start times: a first request's setup can delay its arrival more than a
      // later one's (FrontierRequestManager's own test measures start times). A busy machine only
      // makes the span longer.
      assert.ok(starts.at(-1)! - starts[0]! >= 5 * delayMs - 50, `${starts.at(-1)! - starts[0]!} ms for six requests ${delayMs} ms apart`);
      assert.equal(origin.peakConcurrency.get(onionHost), 1);
      assert.ok(proxy.connections.every((connection) => connection.target === onionHost && connection.addressType === 3));
    } finally {
      await dir.remove();
      await proxy.close();
      await origin.close();
    }
  });

  it('FrontierRequestManager starts requests to an onion origin onionPerHostDelayMs apart, one at a time, and clear-web ones at once', async () => {
    const delayMs = 80;
    const manager = new FrontierRequestManager({
      pacing: { perHostConcurrency: 4, perHostDelayMs: 0, onionPerHostConcurrency: 1, onionPerHostDelayMs: delayMs },
      retryBackoffMs: 10,
      loadRobots: async () => allowEverything,
      onDispatch: () => undefined,
      onRefused: () => undefined,
      onWake: () => undefined,
    });
    const entry = (host: string, path: string) => ({ canonicalUrl: `http://${host}${path}`, url: `http://${host}${path}`, depth: 0, host });
    manager.enqueue(['/1', '/2', '/3', '/4'].flatMap((path) => [entry(onionHost, path), entry('site.test', path)]));
    const started = new Map<string, number[]>();
    let peakOnion = 0;
    let onionInFlight = 0;
    while (!(await manager.isFinished())) {
      const request = await manager.fetchNextRequest();
      if (request === null) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const host = new URL(request.url).hostname;
      started.set(host, [...(started.get(host) ?? []), Date.now()]);
      if (host === onionHost) peakOnion = Math.max(peakOnion, ++onionInFlight);
      // Each request takes 20 ms; the onion one ends before the next may start anyway.
      setTimeout(() => {
        if (host === onionHost) onionInFlight--;
        void manager.markRequestHandled(request);
      }, 20);
    }
    const onion = started.get(onionHost)!;
    assert.equal(onion.length, 4);
    // The test reads the clock after fetchNextRequest resolves, the manager when it dispatches: an
    // earlier request read a few ms late makes the gap look that much shorter (CI saw 79 of 80).
    const clockSlackMs = 5;
    for (let i = 1; i < onion.length; i++) assert.ok(onion[i]! - onion[i - 1]! >= delayMs - clockSlackMs, `onion start ${i}: ${onion[i]! - onion[i - 1]!} ms after the one before`);
    assert.equal(peakOnion, 1);
    const clear = started.get('site.test')!;
    assert.equal(clear.length, 4);
    assert.ok(clear.at(-1)! <= onion[1]!, 'the clear-web origin is not held to the onion delay');
  });

  it('HostPacer (distributed worker) applies the onion limits to onion hosts only', async () => {
    const pacer = new HostPacer({ perHostConcurrency: 4, perHostDelayMs: 0, onionPerHostConcurrency: 1, onionPerHostDelayMs: 100 });
    const order: string[] = [];
    const first = await pacer.acquire(onionHost);
    const firstAt = Date.now();
    const secondOnion = pacer.acquire(onionHost).then((release) => {
      order.push('onion');
      return { release, at: Date.now() };
    });
    const clear = await Promise.all([pacer.acquire('site.test'), pacer.acquire('site.test')]);
    order.push('clear');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.deepEqual(order, ['clear'], 'the second onion request waits for the first to end (concurrency 1), clear-web ones do not wait');
    first();
    const second = await secondOnion;
    assert.ok(second.at - firstAt >= 100, `${second.at - firstAt} ms between two starts`);
    second.release();
    for (const release of clear) release();
  });
});

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { silentLogger, UsageError, type PageCaptured } from '@indicia/core';
import { HttpCrawl, ProxyDownError, type CrawlProgress, type CrawlSettingsInput } from '@indicia/crawler';
import { SqliteIndexStore, type ExportedAd } from '@indicia/indexer';
import { groundTruth, onionGroundTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { runIndicia, tempDir } from './test-support/run-cli.js';
import { compareWithTruth } from './test-support/truth-comparison.js';

const seed = 5;
const adCount = 40;
const onionTruth = onionGroundTruth({ seed, ads: adCount });
const mirror = onionTruth.mirrors[0]!;
// The testbed is no Tor: without its 1.5 s pause between two requests to an onion host (the onion
// pacing default) a mirror crawl takes seconds, not minutes. onion-crawl.test.ts in the crawler tests the pacing.
const quick = { mode: 'http', images: false, retryBackoffMs: 20, requestTimeoutMs: 5_000, maxPages: 2_000, onionPerHostDelayMs: 0, onionPerHostConcurrency: 4 } satisfies Partial<CrawlSettingsInput>;

async function exportedAds(dataDir: string): Promise<ExportedAd[]> {
  const store = SqliteIndexStore.open(join(dataDir, 'index.sqlite'));
  const ads: ExportedAd[] = [];
  for await (const ad of store.exportAds()) ads.push(ad);
  await store.close();
  return ads;
}

function hooks(onCapture: (capture: PageCaptured) => Promise<void> = async () => undefined) {
  const captures: PageCaptured[] = [];
  const progress: CrawlProgress[] = [];
  return {
    captures,
    progress,
    log: silentLogger(),
    onProgress: (report: CrawlProgress) => progress.push(report),
    onCapture: async (capture: PageCaptured) => {
      captures.push(capture);
      await onCapture(capture);
    },
  };
}

/** HttpCrawl refuses at start, in its constructor, before a frontier is opened or a request sent. */
function refusedAtStart(settings: CrawlSettingsInput): string {
  try {
    new HttpCrawl(settings, hooks(), 'refused');
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`an onion seed with proxy ${settings.proxyUrl ?? 'none'} was not refused at start`);
}

describe('crawling the onion mirror through the testbed SOCKS5 proxy', () => {
  let testbed: RunningTestbed;
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const dir = (name: string) => {
    const made = tempDir(name);
    dirs.push(made);
    return made.path;
  };

  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
  });
  after(async () => {
    await testbed.close();
    for (const made of dirs) made.remove();
  });

  it('indicia crawl <onion> --proxy socks5h:// finds every ad of the onion truth with its phones, only through SOCKS', async () => {
    const before = { socks: testbed.countRequests({ via: 'socks' }), proxy: testbed.countRequests({ via: 'proxy' }), origin: testbed.countRequests({ via: 'origin' }) };
    const dataDir = dir('onion-cli');
    const result = await runIndicia(['crawl', mirror.seedUrl, '--proxy', testbed.socksUrl, '--mode', 'http', '--no-images', '--no-pivot', '--data', dataDir, '--json'], {
      timeoutMs: 180_000,
      env: { INDICIA_ONION_PER_HOST_DELAY_MS: '0' },
    });
    assert.equal(result.code, 0, `crawl failed: ${result.stderr}`);
    const ads = await exportedAds(dataDir);
    const missing = onionTruth.ads.filter((ad) => !ads.some((indexed) => indexed.url === ad.url)).map((ad) => ad.url);
    assert.deepEqual(missing, []);
    assert.ok(onionTruth.ads.length > 5, 'the mirror has ads');
    const phones = compareWithTruth({ ...groundTruth({ seed, ads: adCount }), ads: onionTruth.ads }, ads, 'phone');
    // Recall is what proxying decides (a page not fetched loses its phones); precision is the
    // extractor's, held to its bar over the whole testbed by pipeline.integration.test.ts.
    assert.equal(phones.recall, 1, `phones: precision ${phones.precision} recall ${phones.recall}`);
    assert.ok(phones.precision >= 0.9, `phones: precision ${phones.precision}`);
    assert.ok(testbed.countRequests({ via: 'socks' }) - before.socks >= onionTruth.pagesBySite[mirror.onionHost]!.total);
    assert.equal(testbed.countRequests({ via: 'proxy' }) - before.proxy, 0);
    assert.equal(testbed.countRequests({ via: 'origin' }) - before.origin, 0);
    assert.equal(testbed.socksControl.refusedLocalResolution(), 0);
  });

  it('records the proxy without its credentials and gives each site its own SOCKS username', async () => {
    const from = testbed.socksControl.connections().length;
    const proxyUrl = testbed.socksUrl.replace('socks5h://', 'socks5h://case42:s3cret@');
    const recorded = hooks();
    const summary = await new HttpCrawl({ ...quick, seeds: [mirror.seedUrl, 'http://abroad-jobs.test/'], maxDepth: 1, dataDir: dir('isolation'), proxyUrl }, recorded, 'isolation').run();
    assert.ok(summary.captured > 2);
    for (const capture of recorded.captures) assert.equal(capture.proxy, testbed.socksUrl);
    assert.doesNotMatch(JSON.stringify(recorded.captures), /s3cret/);
    const usernamesByTarget = new Map<string, Set<string | null>>();
    for (const connection of testbed.socksControl.connections().slice(from)) {
      const names = usernamesByTarget.get(connection.target) ?? new Set();
      names.add(connection.username);
      usernamesByTarget.set(connection.target, names);
    }
    // The mirror's /go/<id> links redirect to velvet-nights.test: a third site, its own circuit.
    assert.ok(usernamesByTarget.has(mirror.onionHost) && usernamesByTarget.has('abroad-jobs.test'), [...usernamesByTarget.keys()].join(', '));
    for (const [target, names] of usernamesByTarget) assert.equal(names.size, 1, `${target}: one username for all its connections`);
    const perSite = [...usernamesByTarget.values()].map((names) => [...names][0]);
    assert.equal(new Set(perSite).size, usernamesByTarget.size, 'a different username for each site');
    for (const name of perSite) assert.match(name ?? '', /^case42-[0-9a-f]{16}$/);
  });

  it('follows a redirect from the onion site to the clear web through the proxy too', async () => {
    const from = testbed.socksControl.connections().length;
    const direct = testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' });
    const recorded = hooks();
    // /go/1 on the mirror redirects to http://velvet-nights.test/ads/1; widen the scope to both.
    await new HttpCrawl(
      { ...quick, seeds: [`${mirror.seedUrl}go/1`], sameRegistrableDomain: false, maxDepth: 0, respectRobotsTxt: false, dataDir: dir('redirect'), proxyUrl: testbed.socksUrl },
      recorded,
      'redirect',
    ).run();
    assert.equal(recorded.captures[0]?.finalUrl, 'http://velvet-nights.test/ads/1');
    const targets = testbed.socksControl.connections().slice(from).map((connection) => connection.target);
    assert.ok(targets.includes(mirror.onionHost) && targets.includes('velvet-nights.test'), targets.join(', '));
    assert.equal(testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }), direct);
  });

  it('renders an onion ad and a clear-web page in the browser crawler through socks5h: names resolved by the proxy, one SOCKS username per site', async () => {
    const from = testbed.socksControl.connections().length;
    const direct = testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' });
    const ad = onionTruth.ads[0]!;
    const recorded = hooks();
    const summary = await new HttpCrawl(
      { ...quick, mode: 'browser', seeds: [ad.url, 'http://abroad-jobs.test/'], maxDepth: 0, dataDir: dir('browser'), proxyUrl: testbed.socksUrl },
      recorded,
      'browser',
    ).run();
    assert.equal(summary.rendered, 2, JSON.stringify(summary.failures));
    for (const capture of recorded.captures) assert.equal(capture.proxy, testbed.socksUrl);
    const usernamesByTarget = new Map<string, Set<string | null>>();
    for (const connection of testbed.socksControl.connections().slice(from)) {
      usernamesByTarget.set(connection.target, (usernamesByTarget.get(connection.target) ?? new Set()).add(connection.username));
    }
    assert.ok(usernamesByTarget.has(mirror.onionHost) && usernamesByTarget.has('abroad-jobs.test'), [...usernamesByTarget.keys()].join(', '));
    // The HTTP fetch and the browser's connections (through its relay) of a site share one username: one circuit.
    for (const [target, names] of usernamesByTarget) assert.equal(names.size, 1, `${target}: ${[...names].join(', ')}`);
    assert.notDeepEqual([...usernamesByTarget.get(mirror.onionHost)!], [...usernamesByTarget.get('abroad-jobs.test')!], 'two sites, two usernames');
    assert.equal(testbed.socksControl.refusedLocalResolution(), 0, 'Chromium sent names, never addresses it resolved');
    assert.equal(testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }), direct);
  });

  it('refuses an onion seed without Tor (no proxy, socks5://, an http proxy not marked as Tor) and sends nothing', async () => {
    const requests = testbed.countRequests();
    const origin = testbed.countRequests({ via: 'origin' });
    const socks5 = testbed.socksUrl.replace('socks5h:', 'socks5:');
    const cases: Array<[string | null, RegExp]> = [
      [null, /refusing to crawl \.onion without Tor: use --proxy socks5h:\/\/127\.0\.0\.1:9050/],
      [socks5, /socks5:\/\/, which resolves names locally/],
      [testbed.proxyUrl, /HTTP proxy not marked as Tor.*--proxy-is-tor/],
    ];
    for (const [proxyUrl, expected] of cases) {
      const reason = refusedAtStart({ ...quick, seeds: [mirror.seedUrl], dataDir: dir('refused'), proxyUrl });
      assert.match(reason, expected);
    }
    assert.equal(testbed.countRequests(), requests);
    assert.equal(testbed.countRequests({ via: 'origin' }), origin);
    assert.equal(testbed.socksControl.refusedLocalResolution(), 0);
  });

  it('when the SOCKS proxy stops mid-crawl every fetch waits for it, none goes around it, and the same run completes once it is back', async () => {
    const direct = testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' });
    const settings = { ...quick, seeds: [mirror.seedUrl], dataDir: dir('proxy-outage'), proxyUrl: testbed.socksUrl, maxRetries: 1, concurrency: 2, perHostConcurrency: 2, proxyWaitMs: 60_000 } satisfies CrawlSettingsInput;
    let stopped = false;
    let restart: Promise<void> | null = null;
    const servedWhileDown: number[] = [];
    const run = hooks(async () => {
      if (stopped) return;
      stopped = true;
      await testbed.socksControl.stop();
      const servedAtStop = testbed.countRequests({ host: mirror.onionHost, via: 'socks' });
      restart = new Promise((resolve) => setTimeout(resolve, 2_500)).then(async () => {
        servedWhileDown.push(testbed.countRequests({ host: mirror.onionHost, via: 'socks' }) - servedAtStop);
        await testbed.socksControl.start();
      });
    });
    const summary = await new HttpCrawl(settings, run, 'proxy-outage').run();
    await restart;
    assert.equal(summary.completed, true);
    assert.deepEqual(servedWhileDown, [0], 'nothing reached the site while the proxy was down');
    assert.ok(run.progress.some((progress) => progress.proxyDownForMs !== null), 'the progress said the proxy was down');
    assert.ok(summary.proxyOutages && summary.proxyOutages.outages >= 1 && summary.proxyOutages.downMs >= 2_000, JSON.stringify(summary.proxyOutages));
    // Only the testbed's traps (a redirect loop, a permanent 500) may fail; nothing for the proxy.
    for (const failure of summary.failures) assert.doesNotMatch(failure.reason, /proxy|SOCKS|hang up/, failure.reason);
    assert.ok(summary.failed <= 2, JSON.stringify(summary.failures));
    const captured = new Set(run.captures.map((capture) => capture.url));
    assert.deepEqual(onionTruth.ads.filter((ad) => !captured.has(ad.url)).map((ad) => ad.url), []);
    assert.equal(testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }), direct, 'no request went around the proxy');
  });

  it('a proxy still down after proxyWaitMs stops the run with its pages pending, and the same settings finish the crawl once it is back', async () => {
    const direct = testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' });
    const settings = { ...quick, seeds: [mirror.seedUrl], dataDir: dir('proxy-gone'), proxyUrl: testbed.socksUrl, maxRetries: 1, concurrency: 2, perHostConcurrency: 2, proxyWaitMs: 1_500 } satisfies CrawlSettingsInput;
    let stopped = false;
    const first = hooks(async () => {
      if (stopped) return;
      stopped = true;
      await testbed.socksControl.stop();
    });
    await assert.rejects(new HttpCrawl(settings, first, 'proxy-gone-1').run(), (error: Error) => error instanceof ProxyDownError && /stay pending/.test(error.message));
    assert.equal(testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }), direct, 'no request went around the proxy');

    await testbed.socksControl.start();
    const resumed = hooks();
    // The same settings: no retryFailed needed, since no page was failed for the proxy.
    const summary = await new HttpCrawl(settings, resumed, 'proxy-gone-2').run();
    assert.equal(summary.completed, true);
    for (const failure of summary.failures) assert.doesNotMatch(failure.reason, /proxy|SOCKS|hang up/, failure.reason);
    const captured = new Set([...first.captures, ...resumed.captures].map((capture) => capture.url));
    assert.deepEqual(onionTruth.ads.filter((ad) => !captured.has(ad.url)).map((ad) => ad.url), []);
    assert.equal(testbed.countRequests({ via: 'origin' }) + testbed.countRequests({ via: 'proxy' }), direct);
  });
});

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { PageCapturedSchema, type PageCaptured } from '@indicia/core';
import { badMediaImages, badMediaPagePath, spaLivePollPath, spaTrapLinks, startTestbed, svgCallbackPath, type BadMediaKind, type RunningTestbed } from '@indicia/testbed';
import { isProcessAlive, launchedBrowserProcesses, type ChromiumProcess } from './browser/chromium-processes.js';
import { sleep } from './browser/time-limit.js';
import { verifyEvidence } from './evidence/verify-evidence.js';
import { HttpCrawl, type CrawlSettingsInput, type CrawlSummary } from './index.js';
import { recordingHooks, temporaryDir } from './loopback-fixtures.js';

const imageHost = 'picture-board.test';
const appHost = 'night-scroll.test';

/** Short caps, so the pages and pictures that never finish cost seconds, not the defaults' minutes. */
const quick = {
  mode: 'auto',
  maxRetries: 1,
  retryBackoffMs: 10,
  requestTimeoutMs: 3_000,
  settleTimeoutMs: 4_000,
  networkIdleMs: 300,
} satisfies Partial<CrawlSettingsInput>;

interface CrawlResult {
  summary: CrawlSummary;
  captures: PageCaptured[];
  byUrl: Map<string, PageCaptured>;
}

async function crawl(settings: CrawlSettingsInput, onCapture?: (capture: PageCaptured) => Promise<void>): Promise<CrawlResult> {
  const hooks = recordingHooks(onCapture);
  const summary = await new HttpCrawl(settings, hooks, 'run-bad-media').run();
  return { summary, captures: hooks.captures, byUrl: new Map(hooks.captures.map((capture) => [capture.url, capture])) };
}

/** URLs of the frontier that were to be fetched (in scope, allowed) and how each ended. */
function fetchedStates(dataDir: string): Map<string, string> {
  const db = new Database(join(dataDir, 'crawl.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT canonical_url AS url, state FROM urls WHERE state NOT IN ('out_of_scope', 'robots_blocked')").all() as Array<{ url: string; state: string }>;
    return new Map(rows.map((row) => [row.url, row.state]));
  } finally {
    db.close();
  }
}

/** Nothing captured is lost: every URL the crawl reached ended as a capture the hook received. */
function assertNothingLost(dataDir: string, result: CrawlResult): void {
  const states = fetchedStates(dataDir);
  const notDone = [...states].filter(([, state]) => state !== 'done');
  assert.deepEqual(notDone, [], 'every reached URL was captured');
  assert.deepEqual([...states.keys()].filter((url) => !result.byUrl.has(url)), [], 'every capture reached onCapture');
  assert.equal(result.captures.length, states.size, 'each page delivered once');
  for (const capture of result.captures) PageCapturedSchema.parse(capture);
}

async function assertEvidenceClean(dataDir: string): Promise<void> {
  const report = await verifyEvidence(dataDir);
  const findings = report.findings.filter((finding) => finding.severity !== 'notice');
  assert.deepEqual(findings, [], 'WARC records and custody chain verify clean');
  assert.equal(report.ok, true);
  assert.ok(report.checked.records > 0 && report.checked.custodyEntries > 0, JSON.stringify(report.checked));
}

/** SIGKILLs the crawl's browser (Playwright's direct children of this process) once `ready()` holds. */
function killBrowserWhen(ready: () => boolean): { killed: Promise<ChromiumProcess[]>; cancel: () => void } {
  let cancelled = false;
  const killed = (async () => {
    while (!cancelled) {
      if (ready()) {
        const browsers = launchedBrowserProcesses();
        if (browsers.length > 0) {
          for (const browser of browsers) process.kill(browser.pid, 'SIGKILL');
          return browsers;
        }
      }
      await sleep(10);
    }
    return [];
  })();
  return { killed, cancel: () => (cancelled = true) };
}

describe('bad input on the image and browser paths, through the testbed proxy with real Chromium', () => {
  let testbed: RunningTestbed;
  before(async () => {
    testbed = await startTestbed({ seed: 12, ads: 40 });
  });
  after(async () => {
    await testbed.close();
  });

  it('crawls bad pictures and hostile app pages to the end: each recorded with its reason, nothing lost, evidence intact', async () => {
    const dir = await temporaryDir();
    try {
      const result = await crawl({
        seeds: [`http://${imageHost}${badMediaPagePath}`, `http://${appHost}/`],
        dataDir: dir.path,
        proxyUrl: testbed.proxyUrl,
        maxDepth: 1,
        ...quick,
      });
      const { summary, byUrl } = result;
      assert.equal(summary.completed, true);
      assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
      assertNothingLost(dir.path, result);

      // The pictures: refused with the reason, or kept as what the bytes are.
      const page = byUrl.get(`http://${imageHost}${badMediaPagePath}`)!;
      assert.equal(page.fetchMode, 'http', 'a server-rendered page is not rendered in auto mode');
      const urlOf = (kind: BadMediaKind) => `http://${imageHost}${badMediaImages.find((entry) => entry.kind === kind)!.path}`;
      const refused = new Map(page.refusedImages.map((image) => [image.url, image.reason]));
      const kept = new Map(page.images.map((image) => [image.url, image]));
      const expectedRefusals: Array<[BadMediaKind, RegExp]> = [
        ['html-as-jpeg', /^not an image: the bytes match no image format \(served as image\/jpeg\)$/],
        ['pixel-bomb', /^pixel bomb: 100000x100000 \(more than 40000000 pixels\)$/],
        ['oversized', /^larger than 5 MiB$/],
        ['missing', /^HTTP 404/],
        ['never-ends', /timed out/],
      ];
      for (const [kind, reason] of expectedRefusals) assert.match(refused.get(urlOf(kind)) ?? `${kind}: not refused`, reason);
      assert.deepEqual(
        ['corrupt-png', 'animated-gif', 'scripted-svg'].map((kind) => {
          const image = kept.get(urlOf(kind as BadMediaKind));
          return image && [image.mediaType, image.width, image.height];
        }),
        [['image/png', 96, 24], ['image/gif', 8, 8], ['image/svg+xml', 120, 80]],
        'broken, animated and scripted pictures are kept as evidence, typed by their bytes',
      );
      assert.equal(kept.get(urlOf('animated-gif'))?.frames, 2, 'the animation noted');
      assert.equal(refused.size + kept.size, badMediaImages.length, 'every picture accounted for');
      const svg = kept.get(urlOf('scripted-svg'))!;
      assert.equal(createHash('sha256').update(Buffer.from(svg.data, 'base64')).digest('hex'), svg.sha256);
      assert.equal(summary.imagesRefused, expectedRefusals.length);
      assert.equal(testbed.requestLog.filter((entry) => entry.path.startsWith(svgCallbackPath)).length, 0, 'the SVG\'s script and onload never ran');

      // The app: its ads rendered; the never-idle page captured after the cap; the busy one kept as fetched.
      const appAds = [...byUrl.values()].filter((capture) => /^http:\/\/night-scroll\.test\/ad\/\d+$/.test(capture.url));
      assert.ok(appAds.length >= 2, `${appAds.length} app ads`);
      for (const ad of appAds) assert.deepEqual([ad.fetchMode, ad.status, ad.body.includes('data-ad-loaded="true"')], ['browser', 200, true], ad.url);
      const trapUrl = (kind: string) => `http://${appHost}${spaTrapLinks.find((trap) => trap.kind === kind)!.href}`;
      const live = byUrl.get(trapUrl('never-idle'));
      assert.ok(live, 'the never-idle page was reached and captured');
      assert.equal(live.fetchMode, 'browser');
      assert.equal(live.render?.outcome, 'unsettled', 'marked as captured before it settled');
      assert.ok(live.body.includes('Live chat') && live.screenshotSha256 !== null, 'rendered as it was when the settle cap ran out');
      assert.ok(testbed.requestLog.filter((entry) => entry.path.startsWith(spaLivePollPath)).length >= 2, 'it kept polling while it was rendered');
      const spinner = byUrl.get(trapUrl('busy-loop'));
      assert.ok(spinner, 'the busy-looping page was reached and captured');
      assert.deepEqual([spinner.fetchMode, spinner.needsBrowser, spinner.screenshotSha256], ['http', true, null], 'kept as its HTTP capture, marked for a browser');
      assert.equal(spinner.render?.outcome, 'failed');
      assert.ok(spinner.render?.reason, 'with the reason the render failed');
      assert.deepEqual([summary.renderFailed, summary.needingBrowser], [1, 0], 'a render that failed, not a missing browser');

      // Nothing of the browser outlives the crawl: no process, no poll.
      assert.deepEqual(launchedBrowserProcesses(), []);
      const polls = testbed.requestLog.filter((entry) => entry.path.startsWith(spaLivePollPath)).length;
      await sleep(1_200);
      assert.equal(testbed.requestLog.filter((entry) => entry.path.startsWith(spaLivePollPath)).length, polls, 'no page kept polling after the crawl');
      assert.equal(testbed.countRequests({ via: 'origin' }), 0, 'everything went through the proxy');
      await assertEvidenceClean(dir.path);
    } finally {
      await dir.remove();
    }
  });

  it('in browser mode, survives the browser being killed mid-render: every app ad captured, the SVG loaded but never run', async () => {
    const dir = await temporaryDir();
    const logStart = testbed.requestLog.length;
    const requestsSinceStart = () => testbed.requestLog.slice(logStart);
    const killer = killBrowserWhen(() => requestsSinceStart().some((entry) => entry.host === appHost && entry.path.startsWith('/api/ads/')));
    try {
      const result = await crawl({
        seeds: [`http://${appHost}/`, `http://${imageHost}${badMediaPagePath}`],
        dataDir: dir.path,
        proxyUrl: testbed.proxyUrl,
        // The app's ads and the bad-media page with its pictures; not the app's traps nor the image site's other pages.
        deny: ['^http://night-scroll\\.test/trap/', '^http://picture-board\\.test/(?!trap/)'],
        ...quick,
        mode: 'browser',
      });
      killer.cancel();
      const killed = await killer.killed;
      assert.ok(killed.length > 0, 'a browser was killed mid-crawl');
      const { summary, byUrl } = result;
      assert.equal(summary.completed, true);
      assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
      assert.ok(summary.browser && summary.browser.crashes >= 1 && summary.browser.launches >= 2, JSON.stringify(summary.browser));
      const appAds = Array.from({ length: 4 }, (_, index) => `http://${appHost}/ad/${index + 1}`);
      for (const url of appAds) {
        const capture = byUrl.get(url);
        assert.deepEqual(capture && [capture.fetchMode, capture.needsBrowser, capture.body.includes('data-ad-loaded="true"')], ['browser', false, true], url);
      }
      assertNothingLost(dir.path, result);
      for (const browser of killed) {
        assert.equal(isProcessAlive(browser.pid), false, `browser ${browser.pid} is gone`);
        // A killed Chromium leaves its profile in /tmp; the pool removes it.
        assert.equal(browser.profileDir !== null && existsSync(browser.profileDir), false, `${browser.profileDir} removed`);
      }
      assert.deepEqual(launchedBrowserProcesses(), []);

      // The bad-media page rendered: Chromium itself loaded the scripted SVG as an <img>, which runs no script.
      const page = byUrl.get(`http://${imageHost}${badMediaPagePath}`)!;
      assert.equal(page.fetchMode, 'browser');
      const svgPath = badMediaImages.find((entry) => entry.kind === 'scripted-svg')!.path;
      assert.ok(requestsSinceStart().filter((entry) => entry.path === svgPath).length >= 2, 'the browser and the image fetcher both fetched the SVG');
      assert.equal(requestsSinceStart().filter((entry) => entry.path.startsWith(svgCallbackPath)).length, 0, 'the SVG\'s script and onload never ran');
      assert.equal(page.images.length + page.refusedImages.length, badMediaImages.length, 'every picture accounted for');
      await assertEvidenceClean(dir.path);
    } finally {
      killer.cancel();
      await dir.remove();
    }
  });
});

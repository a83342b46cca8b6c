import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { groundTruth, startTestbed } from '@indicia/testbed';
import { findBrowserExecutable } from './browser/browser-executable.js';
import { verifyEvidence } from './evidence/verify-evidence.js';
import { readWarcRecords } from './evidence/warc-reader.js';
import { HttpCrawl, type CrawlSettingsInput } from './index.js';
import { recordingHooks, temporaryDir } from './loopback-fixtures.js';

const seed = 3;
const ads = 40;
const spaSeed = 'http://night-scroll.test/';

async function crawlSpa(settings: Partial<CrawlSettingsInput>, hooks = recordingHooks()) {
  const testbed = await startTestbed({ seed, ads });
  const dir = await temporaryDir();
  try {
    const summary = await new HttpCrawl({ seeds: [spaSeed], dataDir: dir.path, proxyUrl: testbed.proxyUrl, retryBackoffMs: 10, images: false, ...settings }, hooks, 'run-spa').run();
    const evidence = await verifyEvidence(dir.path);
    const recordTypes: string[] = [];
    for await (const warcFile of warcFiles(dir.path)) {
      for await (const record of readWarcRecords(warcFile)) recordTypes.push(`${field(record.fields, 'WARC-Type')} ${field(record.fields, 'Content-Type')}`);
    }
    return { summary, hooks, evidence, recordTypes, directRequests: testbed.countRequests({ via: 'origin' }) };
  } finally {
    await testbed.close();
    await dir.remove();
  }
}

async function* warcFiles(dataDir: string): AsyncGenerator<string> {
  for (const name of (await readdir(join(dataDir, 'warc'))).sort()) yield join(dataDir, 'warc', name);
}

function field(fields: Array<[string, string]>, name: string): string {
  return fields.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? '';
}

describe('crawling a single-page app in auto mode', () => {
  test('renders the script-built pages in the browser through the proxy: every ad found, screenshots kept as WARC resource records', async () => {
    assert.ok(findBrowserExecutable().found, 'no Chromium found: apt-get install -y chromium (or npx playwright install chromium)');
    const truthAds = groundTruth({ seed, ads }).ads.filter((ad) => ad.site === 'night-scroll.test').map((ad) => ad.url);
    const { summary, hooks, evidence, recordTypes, directRequests } = await crawlSpa({ mode: 'auto' });
    const rendered = hooks.captures.filter((capture) => capture.fetchMode === 'browser');
    const captured = new Set(hooks.captures.map((capture) => capture.canonicalUrl));
    assert.deepEqual(truthAds.filter((url) => !captured.has(url)), [], 'every ad of the app captured (its links exist only after scripts run)');
    assert.ok(rendered.length >= truthAds.length, `${rendered.length} pages rendered`);
    for (const capture of rendered) {
      assert.match(capture.screenshotSha256 ?? '', /^[0-9a-f]{64}$/);
      assert.equal(capture.needsBrowser, false);
    }
    assert.equal(summary.rendered, rendered.length);
    // The testbed's trap pages (a renderer that busy-loops...) are another test's subject.
    const unread = hooks.captures.filter((capture) => capture.needsBrowser && !capture.canonicalUrl.includes('/trap/'));
    assert.deepEqual(unread.map((capture) => capture.canonicalUrl), [], 'no page left needing a browser');
    assert.equal(summary.needingBrowser, 0, 'a browser was there for every page');
    assert.equal(directRequests, 0, 'the browser went through the proxy only');
    assert.ok(recordTypes.filter((type) => type === 'resource image/png').length >= rendered.length, 'a screenshot resource record per rendered page');
    assert.ok(recordTypes.some((type) => type.startsWith('metadata')), 'the run metadata record');
    assert.equal(evidence.ok, true, JSON.stringify(evidence.findings.slice(0, 3)));
    assert.deepEqual(evidence.findings.filter((finding) => finding.severity !== 'notice'), [], 'every record vouched for by the custody chain');
  });

  test('with no browser, the crawl goes on over HTTP, marks the pages that needed one and says how to get one', async () => {
    const noBrowser = () => findBrowserExecutable({ installedPaths: [], lookForPlaywrightBrowser: false });
    const hooks = { ...recordingHooks(), findBrowser: noBrowser };
    const { summary } = await crawlSpa({ mode: 'auto' }, hooks);
    assert.equal(summary.completed, true);
    assert.equal(summary.rendered, 0);
    const shell = hooks.captures.find((capture) => capture.canonicalUrl === spaSeed);
    assert.equal(shell?.needsBrowser, true, 'the app shell is kept as fetched and marked');
    assert.equal(shell?.fetchMode, 'http');
    assert.ok(summary.needingBrowser >= 1);
    assert.match(summary.browserUnavailable ?? '', /npx playwright install chromium|apt-get install/);
  });
});

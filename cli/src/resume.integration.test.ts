import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteIndexStore } from '@indicia/indexer';
import { groundTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { collect, runIndicia, spawnIndicia, tempDir } from './test-support/run-cli.js';

const seed = 11;
const adCount = 300;
const perHostConcurrency = 2;
/**
 * The frontier's resume guarantees are the subject here: the browser and OCR paths (tested in
 * pipeline.integration.test.ts and the crawler's browser tests) would only make the runs slower.
 */
const httpOnly = ['--mode', 'http', '--no-images'];

/**
 * What pages load besides themselves: images (fetched once per run, so a resumed run fetches an
 * image shown on pages of both runs again) and the single-page app's script and JSON (loaded by
 * every render). The claim under test is about pages.
 */
const pageResource = /\.(png|jpe?g|gif|webp|js)$|^\/api\//;

/** Successful fetches per host+path, leaving out robots.txt, the traps (which fail or flake on purpose) and page resources. */
function okFetchesByPage(testbed: RunningTestbed): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of testbed.requestLog) {
    if (entry.status !== 200 || entry.path.endsWith('/robots.txt') || entry.path.startsWith('/trap/') || pageResource.test(entry.path)) continue;
    const key = `${entry.host}${entry.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('a crawl killed with SIGKILL resumes with the same command', () => {
  let testbed: RunningTestbed;
  /** What an uninterrupted crawl fetches: a page reached by a redirect and by a link is fetched twice in any run. */
  let uninterrupted: Map<string, number>;
  const dir = tempDir('resume');
  before(async () => {
    const reference = await startTestbed({ seed, ads: adCount });
    const referenceDir = tempDir('resume-reference');
    try {
      const run = await runIndicia(['crawl', ...reference.seedUrls, '--proxy', reference.proxyUrl, '--data', referenceDir.path, '--max-pages', '5000', '--retries', '1', ...httpOnly, '--json']);
      assert.equal(run.code, 0, run.stderr);
      uninterrupted = okFetchesByPage(reference);
    } finally {
      await reference.close();
      referenceDir.remove();
    }
    testbed = await startTestbed({ seed, ads: adCount });
  });
  after(async () => {
    await testbed.close();
    dir.remove();
  });

  it('fetches no completed page twice and indexes no ad twice', async () => {
    const args = ['crawl', ...testbed.seedUrls, '--proxy', testbed.proxyUrl, '--data', dir.path, '--max-pages', '5000', '--per-host-concurrency', String(perHostConcurrency), '--delay', '15', '--retries', '1', ...httpOnly, '--json'];
    const first = spawnIndicia(args);
    const firstRun = collect(first, 120_000);
    const pageRequests = () => testbed.requestLog.filter((e) => !e.path.endsWith('/robots.txt')).length;
    while (pageRequests() < 120) {
      if (first.exitCode !== null) assert.fail(`crawl ended before it could be killed: ${(await firstRun).stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill('SIGKILL');
    const killed = await firstRun;
    assert.equal(killed.signal, 'SIGKILL');
    const fetchedBeforeKill = pageRequests();

    const second = await runIndicia(args);
    assert.equal(second.code, 0, second.stderr);
    const summary = JSON.parse(second.stdout) as { pages: { captured: number; alreadyCaptured: number } };
    assert.ok(summary.pages.alreadyCaptured > 0, 'the second run knew what the first had captured');

    // A page whose response was on the wire when the process died was never captured, so it is
    // fetched again: at most the requests that were in flight (hosts × per-host concurrency).
    const refetched = [...okFetchesByPage(testbed).entries()].filter(([page, n]) => n > (uninterrupted.get(page) ?? 0));
    assert.ok(refetched.length <= testbed.seedUrls.length * perHostConcurrency, `fetched more than once: ${JSON.stringify(refetched.slice(0, 10))} (first run fetched ${fetchedBeforeKill})`);

    const store = SqliteIndexStore.open(join(dir.path, 'index.sqlite'));
    const urls: string[] = [];
    for await (const ad of store.exportAds()) urls.push(ad.url);
    await store.close();
    assert.equal(new Set(urls).size, urls.length, 'no duplicate ads');
    const truthUrls = groundTruth({ seed, ads: adCount }).ads.filter((ad) => ad.requires === null).map((ad) => ad.url);
    assert.deepEqual(truthUrls.filter((url) => !urls.includes(url)), [], 'every ad indexed across the two runs');
  });
});

import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { groundTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { DistributedRun, type WorkerKind } from './test-support/distributed-run.js';

const seed = 13;
const adCount = 120;
/** Loss and duplication are the subject: the HTTP path alone, slowed so the kills land mid-run. */
const crawlArgs = ['--mode', 'http', '--no-images', '--max-pages', '5000', '--per-host-concurrency', '2', '--delay', '25', '--retries', '2'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('distributed mode: workers killed with SIGKILL mid-run', () => {
  let testbed: RunningTestbed;
  let run: DistributedRun;
  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
    run = new DistributedRun({ proxyUrl: testbed.proxyUrl, crawlArgs });
  });
  after(async () => {
    await run?.close();
    await testbed?.close();
  });

  it('loses no ad and duplicates none after 5 kills of the extract and index workers', async () => {
    run.startAll();
    await run.submit(testbed.seedUrls);
    const victims: WorkerKind[] = ['extract', 'index', 'extract', 'index', 'extract'];
    for (const kind of victims) {
      // Let work pile up in the victim's hands, then kill it without a chance to commit.
      await sleep(2500);
      const killed = await run.stop(kind, 'SIGKILL');
      assert.equal(killed.signal, 'SIGKILL');
      await sleep(500);
      run.start(kind);
    }
    await run.waitUntilIdle({ timeoutMs: 300_000 });

    const ads = await run.exportAds();
    const expected = groundTruth({ seed, ads: adCount }).ads.filter((ad) => ad.requires === null).map((ad) => ad.url);
    const indexed = ads.map((ad) => ad.url);
    assert.equal(new Set(ads.map((ad) => ad.id)).size, ads.length, 'no duplicate documents');
    assert.equal(new Set(indexed).size, indexed.length, 'no ad indexed twice');
    // Pages the testbed's traps fail for good (flaky 5xx, redirect loops...) are dead-lettered by the
    // crawl stage, with why; nothing that was captured may be.
    const lost = (await run.deadLetters()).filter((record) => record.type !== 'crawl.requested');
    assert.deepEqual(lost.map((record) => `${record.type} ${record.group}: ${record.error}`), [], run.workerLogs());
    await run.assertNoAdLost(expected, indexed);
    // A redelivered ad.extracted is an upsert: it adds no second copy of an indicator to its ad.
    const repeated = ads.filter((ad) => new Set(ad.indicators.map((i) => `${i.type}:${i.platform ?? i.chain ?? ''}:${i.value}`)).size !== ad.indicators.length);
    assert.deepEqual(repeated.map((ad) => ad.url), [], 'no indicator twice in an ad');
    const progressed = testbed.requestLog.length;
    assert.ok(progressed > adCount, `the crawl ran (${progressed} requests)`);
  });
});

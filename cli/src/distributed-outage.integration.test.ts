// test-runner: alone — it stops and restarts a Kafka broker and an Elasticsearch node (its own).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { groundTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { DistributedRun } from './test-support/distributed-run.js';
import { PrivateServer } from './test-support/private-servers.js';

const seed = 17;
const adCount = 120;
/** Slowed, so that the outages land mid-run. */
const crawlArgs = ['--mode', 'http', '--no-images', '--max-pages', '5000', '--per-host-concurrency', '1', '--delay', '60', '--retries', '2'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
}

describe('distributed mode: the broker restarts and Elasticsearch stops for 30 s mid-run', () => {
  const kafka = new PrivateServer('kafka.sh', 9192);
  const es = new PrivateServer('elasticsearch.sh', 9250);
  let testbed: RunningTestbed;
  let run: DistributedRun;
  before(async () => {
    kafka.start();
    es.start();
    testbed = await startTestbed({ seed, ads: adCount });
    run = new DistributedRun({ proxyUrl: testbed.proxyUrl, crawlArgs, servers: { kafka: kafka.address, es: es.address }, logLevel: 'debug' });
  });
  after(async () => {
    await run?.close().catch(() => undefined);
    await testbed?.close();
    kafka.remove();
    es.remove();
  });

  it('waits, recovers and ends with 0 lost and 0 duplicates', async () => {
    run.startAll();
    await run.submit(testbed.seedUrls);
    // The broker stops once the crawl is under way, however long the workers took to start.
    await until(() => testbed.requestLog.length >= 20, 120_000, 'the crawl worker fetched 20 pages');
    const fetchedBeforeBrokerStop = testbed.requestLog.length;
    kafka.stop();
    await sleep(3000);
    kafka.start();
    await sleep(4000);
    es.stop();
    await sleep(30_000);
    es.start();
    await run.waitUntilIdle({ timeoutMs: 400_000 });

    const ads = await run.exportAds();
    const expected = groundTruth({ seed, ads: adCount }).ads.filter((ad) => ad.requires === null).map((ad) => ad.url);
    const indexed = ads.map((ad) => ad.url);
    assert.ok(fetchedBeforeBrokerStop > 0 && fetchedBeforeBrokerStop < testbed.requestLog.length / 2, `the outages came mid-run (${fetchedBeforeBrokerStop} of ${testbed.requestLog.length} requests before)`);
    assert.equal(new Set(indexed).size, indexed.length, 'no ad indexed twice');
    // Pages the testbed's traps fail for good (flaky 5xx, redirect loops...) are dead-lettered by the
    // crawl stage, with why; nothing that was captured may be.
    const deadLetters = await run.deadLetters();
    const lost = deadLetters.filter((record) => record.type !== 'crawl.requested');
    assert.deepEqual(lost.map((record) => `${record.type} ${record.group}: ${record.error}`), [], run.workerLogs());
    await run.assertNoAdLost(expected, indexed);
    assert.equal(run.endedWorkers.length, 0, `no worker died: ${run.workerLogs()}`);
  });
});

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteIndexStore, type ExportedAd } from '@indicia/indexer';
import { startTestbed, type RunningTestbed } from '@indicia/testbed';
import { DistributedRun, testServers } from './test-support/distributed-run.js';
import { runIndicia, tempDir } from './test-support/run-cli.js';

const seed = 5;
const adCount = 60;
/** The same crawl settings for both runs. */
const crawlArgs = ['--max-pages', '5000', '--per-host-concurrency', '8', '--retries', '2'];

/** An ad as the comparison sees it: its URL and every indicator it holds. */
function fingerprint(ads: ExportedAd[]): Map<string, string[]> {
  return new Map(ads.map((ad) => [ad.url, ad.indicators.map((i) => `${i.type}:${i.platform ?? i.chain ?? ''}:${i.value}`).sort()]));
}

describe('distributed mode: the testbed crawled through Kafka into Elasticsearch', () => {
  let testbed: RunningTestbed;
  const embeddedDir = tempDir('embedded-reference');
  let embedded: ExportedAd[];
  let run: DistributedRun;

  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
    const reference = await runIndicia(['crawl', ...testbed.seedUrls, '--proxy', testbed.proxyUrl, '--data', embeddedDir.path, ...crawlArgs, '--json'], { timeoutMs: 360_000 });
    assert.equal(reference.code, 0, `embedded crawl failed: ${reference.stderr}`);
    const store = SqliteIndexStore.open(join(embeddedDir.path, 'index.sqlite'));
    embedded = [];
    for await (const ad of store.exportAds()) embedded.push(ad);
    await store.close();
    run = new DistributedRun({ proxyUrl: testbed.proxyUrl, crawlArgs });
  });
  after(async () => {
    await run?.close();
    await testbed.close();
    embeddedDir.remove();
  });

  it('yields the same ads and indicators as the embedded run', async () => {
    run.startAll();
    await run.submit(testbed.seedUrls);
    await run.waitUntilIdle({ timeoutMs: 360_000 });
    const distributed = await run.exportAds();
    const want = fingerprint(embedded);
    const got = fingerprint(distributed);
    assert.ok(want.size >= adCount, `the embedded run indexed ${want.size} ads`);
    assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), 'the same ads');
    const differing = [...want].filter(([url, indicators]) => JSON.stringify(got.get(url)) !== JSON.stringify(indicators));
    assert.deepEqual(differing.slice(0, 3).map(([url, indicators]) => ({ url, embedded: indicators, distributed: got.get(url) })), [], `${differing.length} ads differ`);
    assert.equal(new Set(distributed.map((ad) => ad.id)).size, distributed.length, 'no duplicate documents');
  });

  it('answers search and export from Elasticsearch through the CLI like the embedded index', async () => {
    const phoneAd = embedded.find((ad) => ad.indicators.some((i) => i.type === 'phone'))!;
    const phone = phoneAd.indicators.find((i) => i.type === 'phone')!.value;
    const viaEs = await runIndicia(['search', '--phone', phone, '--json', '--es', testServers.es], { env: run.env });
    assert.equal(viaEs.code, 0, viaEs.stderr);
    const viaSqlite = await runIndicia(['search', '--phone', phone, '--json', '--data', embeddedDir.path]);
    const urls = (stdout: string) => (JSON.parse(stdout) as { hits: Array<{ url: string }> }).hits.map((hit) => hit.url).sort();
    assert.deepEqual(urls(viaEs.stdout), urls(viaSqlite.stdout));

    const exported = await runIndicia(['export', '--es', testServers.es], { env: run.env });
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout.trim().split('\n').length, embedded.length);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@elastic/elasticsearch';
import { createEnvelope, DeadLetterError, RetryableError, silentLogger, UsageError, type AdExtracted, type StageContext } from '@indicia/core';
import { runIndexStoreContract } from '../contract/index-store-contract.js';
import { fictionalPhone, syntheticAd, syntheticImage } from '../contract/synthetic-ads.js';
import { createIndexStage } from '../index-stage.js';
import { SqliteIndexStore } from '../sqlite/sqlite-index-store.js';
import { ElasticsearchIndexStore } from './elasticsearch-index-store.js';
import { FlakyEsProxy } from './flaky-es-proxy.js';
import { TempEsIndices, testElasticsearchUrl } from './temp-es-indices.js';
import { AdsNotWrittenError, AdsRejectedError } from './write-failures.js';

const temp = new TempEsIndices();
after(() => temp.removeAll());

/**
 * A short refresh interval keeps the default `wait_for` writes quick on these tiny indices; the
 * refresh policy itself is the production default.
 */
const quick = { refreshInterval: '50ms' };

runIndexStoreContract('elasticsearch', () => temp.openSelfCleaning(quick));

async function openOn(prefix: string, options: { node?: string; retryBudgetMs?: number } = {}): Promise<ElasticsearchIndexStore> {
  return ElasticsearchIndexStore.open({ node: testElasticsearchUrl, indexPrefix: prefix, ...quick, ...options });
}

async function closeAll(stores: ReadonlyArray<{ close(): Promise<void> }>): Promise<void> {
  for (const store of stores) await store.close();
}

describe('Elasticsearch index store', () => {
  it('sets up its templates and indices idempotently, with several workers opening at once', async () => {
    const prefix = temp.prefix();
    const stores = await Promise.all([1, 2, 3].map(() => openOn(prefix)));
    const client = new Client({ node: testElasticsearchUrl });
    try {
      const ad = syntheticAd({ slug: 'kept', phones: [fictionalPhone(1)] });
      await stores[0]!.upsertAds([ad]);
      stores.push(await openOn(prefix));
      assert.equal((await stores[3]!.summary()).ads, 1, 'opening again keeps what was written');
      assert.ok(await stores[1]!.getAd(ad.adId));
      const template = (await client.indices.getIndexTemplate({ name: `${prefix}-ads` })).index_templates[0]!.index_template;
      assert.deepEqual(template._meta, { managedBy: 'indicia', layoutVersion: 1 });
      const mapping = (await client.indices.getMapping({ index: `${prefix}-ads` }))[`${prefix}-ads`]!.mappings;
      assert.equal(mapping.dynamic, 'strict');
      assert.equal(mapping.properties!.indicators!.type, 'nested');
      assert.equal((mapping.properties!.indicators as { properties: Record<string, { type: string }> }).properties.provenance!.type, 'nested');
      assert.equal(mapping.properties!.lastSeen!.type, 'date');
      const settings = (await client.indices.getSettings({ index: `${prefix}-ads` }))[`${prefix}-ads`]!.settings!.index!;
      assert.equal(settings.number_of_replicas, '0');
      await assert.rejects(ElasticsearchIndexStore.open({ node: testElasticsearchUrl, indexPrefix: 'Not A Prefix' }), /prefix/);
    } finally {
      await client.close();
      await closeAll(stores);
    }
  });

  it('reads a redelivered capture, finds it unchanged and does not write it again', async () => {
    const prefix = temp.prefix();
    const [first, second] = [await openOn(prefix), await openOn(prefix)];
    const client = new Client({ node: testElasticsearchUrl });
    const version = async (adId: string) => (await client.get({ index: `${prefix}-ads`, id: adId }))._version;
    try {
      const ad = syntheticAd({ slug: 'again', phones: [fictionalPhone(3)] });
      await first.upsertAds([ad]);
      await first.upsertAds([ad, ad]);
      // An instance that never met the ad tries a create, is told it exists, reads it and stops there.
      await second.upsertAds([ad]);
      assert.equal(await version(ad.adId), 1);
      await second.upsertAds([syntheticAd({ slug: 'again', phones: [fictionalPhone(4)], fetchedAt: '2024-06-01T00:00:00.000Z' })]);
      assert.equal(await version(ad.adId), 2);
      assert.equal((await first.getAd(ad.adId))?.indicators.length, 2);
    } finally {
      await client.close();
      await closeAll([first, second]);
    }
  });

  it('loses nothing when two store instances upsert captures of the same ad at once', async () => {
    const prefix = temp.prefix();
    const [a, b] = [await openOn(prefix), await openOn(prefix)];
    const reference = SqliteIndexStore.open(':memory:');
    try {
      const captures = Array.from({ length: 16 }, (_, n) =>
        syntheticAd({
          slug: 'contested',
          title: n % 3 === 0 ? `Title ${n}` : 'Same title',
          phones: [fictionalPhone(n), fictionalPhone(99)],
          images: n % 4 === 0 ? [syntheticImage({ name: `pic-${n % 8}`, perceptualHash: n === 8 ? null : 'c3a5e1f00f1e5a3c' })] : [],
          fetchedAt: new Date(Date.UTC(2024, 4, 1, n)).toISOString(),
        }),
      );
      // Every capture at once, half through each instance: most writes find the ad changed under them.
      await Promise.all(captures.map((capture, n) => (n % 2 === 0 ? a : b).upsertAds([capture])));
      await reference.upsertAds([...captures].reverse());
      const stored = await a.getAd(captures[0]!.adId);
      assert.equal(stored?.versions.length, new Set(captures.map((c) => c.contentHash)).size);
      assert.deepEqual(stored, await reference.getAd(captures[0]!.adId));
      assert.deepEqual(await b.summary(), await reference.summary());
    } finally {
      await closeAll([a, b, reference]);
    }
  });

  it('exports every ad acknowledged before the export, refreshed or not (index workers write with refresh none)', async () => {
    // An hour between refreshes: only the export's own refresh can make the ads visible to it.
    const store = await ElasticsearchIndexStore.open({ node: testElasticsearchUrl, indexPrefix: temp.prefix(), refresh: 'none', refreshInterval: '1h' });
    try {
      const ads = Array.from({ length: 3 }, (_, n) => syntheticAd({ slug: `unrefreshed-${n}`, phones: [fictionalPhone(20 + n)] }));
      await store.upsertAds(ads);
      const exported: string[] = [];
      for await (const ad of store.exportAds()) exported.push(ad.id);
      assert.deepEqual(exported.sort(), ads.map((ad) => ad.adId).sort());
    } finally {
      await store.close();
    }
  });

  it('serves pages within its result window, and says why it refuses a deeper one', async () => {
    const store = await ElasticsearchIndexStore.open({ node: testElasticsearchUrl, indexPrefix: temp.prefix(), maxResultWindow: 10, ...quick });
    try {
      await store.upsertAds(Array.from({ length: 12 }, (_, n) => syntheticAd({ slug: `w${n}`, phones: [fictionalPhone(5)] })));
      assert.equal((await store.search({ phone: fictionalPhone(5), limit: 5, offset: 5 })).hits.length, 5);
      await assert.rejects(store.search({ phone: fictionalPhone(5), limit: 5, offset: 8 }), (error: unknown) => error instanceof UsageError && /first 10 results/.test(error.message));
      assert.deepEqual(await store.search({ phone: fictionalPhone(5), limit: 5, offset: 20 }), { total: 12, hits: [], totalIsLowerBound: false });
    } finally {
      await store.close();
    }
  });

  describe('an ad Elasticsearch refuses', () => {
    /** 12 phones, each with its provenance, are 24 nested objects: over a limit of 20. */
    const crowded = syntheticAd({ slug: 'crowded', phones: Array.from({ length: 12 }, (_, n) => fictionalPhone(n)) });
    const good = [syntheticAd({ slug: 'fine-1', phones: [fictionalPhone(50)] }), syntheticAd({ slug: 'fine-2' })];

    it('is a dead letter naming the ad and the reason, and the rest of its batch is written', async () => {
      const store = await ElasticsearchIndexStore.open({ node: testElasticsearchUrl, indexPrefix: temp.prefix(), maxNestedObjectsPerAd: 20, ...quick });
      try {
        const error: unknown = await store.upsertAds([good[0]!, crowded, good[1]!]).then(() => null, (thrown: unknown) => thrown);
        assert.ok(error instanceof AdsRejectedError, String(error));
        assert.ok(error instanceof DeadLetterError);
        assert.deepEqual(error.failures.map((failure) => [failure.adId, failure.retryable]), [[crowded.adId, false]]);
        assert.match(error.failures[0]!.reason, /nested/);
        assert.ok(!/555/.test(error.message), 'no indicator value in the reason');
        assert.equal(await store.getAd(crowded.adId), null);
        assert.equal((await store.search({ phone: fictionalPhone(50) })).total, 1);
        assert.equal((await store.summary()).ads, 2);
      } finally {
        await store.close();
      }
    });

    it('fails only its own message in the index stage', async () => {
      const store = await ElasticsearchIndexStore.open({ node: testElasticsearchUrl, indexPrefix: temp.prefix(), maxNestedObjectsPerAd: 20, ...quick });
      const ctx: StageContext = { runId: 'run-test', log: silentLogger(), emit: async () => {} };
      try {
        const stage = createIndexStage(store, { batchSize: 10 });
        const outcomes = await Promise.allSettled([good[0]!, crowded, good[1]!].map((ad) => stage.handle(createEnvelope('ad.extracted', ad, { runId: 'run-test', producer: 'extract' }), ctx)));
        assert.deepEqual(outcomes.map((outcome) => outcome.status), ['fulfilled', 'rejected', 'fulfilled']);
        assert.ok((outcomes[1] as PromiseRejectedResult).reason instanceof DeadLetterError);
        await stage.close?.();
      } finally {
        await store.close();
      }
    });
  });

  describe('through a node that fails', () => {
    let proxy: FlakyEsProxy;
    before(async () => {
      proxy = await FlakyEsProxy.start(testElasticsearchUrl);
    });
    after(() => proxy.close());

    it('retries a bulk answered 429 and then 503, and writes it', async () => {
      const store = await openOn(temp.prefix(), { node: proxy.url });
      try {
        const ad = syntheticAd({ slug: 'retried', phones: [fictionalPhone(7)] });
        proxy.bulkRequests = 0;
        proxy.failNextBulks({ status: 429 }, { status: 503 });
        await store.upsertAds([ad]);
        assert.equal(proxy.bulkRequests, 3);
        assert.equal((await store.search({ phone: fictionalPhone(7) })).total, 1);
      } finally {
        await store.close();
      }
    });

    it('waits out a node that drops connections, and gives up as retryable when the budget is spent', async () => {
      const store = await openOn(temp.prefix(), { node: proxy.url, retryBudgetMs: 1500 });
      try {
        const ads: AdExtracted[] = [syntheticAd({ slug: 'down-1' }), syntheticAd({ slug: 'down-2', phones: [fictionalPhone(8)] })];
        proxy.bulkRequests = 0;
        proxy.failEveryBulk('drop-connection');
        const error: unknown = await store.upsertAds(ads).then(() => null, (thrown: unknown) => thrown);
        assert.ok(error instanceof AdsNotWrittenError, String(error));
        assert.ok(error instanceof RetryableError);
        assert.deepEqual(error.failures.map((failure) => [failure.adId, failure.retryable]), ads.map((ad) => [ad.adId, true]));
        assert.ok(proxy.bulkRequests > 2, `retried (${proxy.bulkRequests} bulk requests)`);
        assert.equal((await store.summary()).ads, 0);
      } finally {
        proxy.failEveryBulk(null);
        await store.close();
      }
      const patient = await openOn(temp.prefix(), { node: proxy.url, retryBudgetMs: 30_000 });
      try {
        proxy.failEveryBulk('drop-connection');
        const writing = patient.upsertAds([syntheticAd({ slug: 'back' })]);
        setTimeout(() => proxy.failEveryBulk(null), 400);
        await writing;
        assert.equal((await patient.summary()).ads, 1);
      } finally {
        proxy.failEveryBulk(null);
        await patient.close();
      }
    });
  });
});

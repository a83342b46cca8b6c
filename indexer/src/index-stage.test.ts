import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DeadLetterError, InMemoryTransport, type AdExtracted, attachStage, createEnvelope, silentLogger, type DeadLetter, type Envelope, type StageContext } from '@indicia/core';
import { fictionalPhone, syntheticAd } from './contract/synthetic-ads.js';
import { createIndexStage } from './index-stage.js';
import type { IndexStore } from './index-store.js';
import { SqliteIndexStore } from './sqlite/sqlite-index-store.js';
import { TempDirs } from './sqlite/temp-index.js';

const temp = new TempDirs();
after(() => temp.removeAll());

const ctx: StageContext = { runId: 'run-test', log: silentLogger(), emit: async () => {} };

function envelopeFor(ad: ReturnType<typeof syntheticAd>): Envelope<'ad.extracted'> {
  return createEnvelope('ad.extracted', ad, { runId: 'run-test', producer: 'extract' });
}

describe('index stage', () => {
  it('is named index, consumes ad.extracted and produces nothing', async () => {
    const store = SqliteIndexStore.open(':memory:');
    const stage = createIndexStage(store);
    assert.equal(stage.name, 'index');
    assert.equal(stage.consumes, 'ad.extracted');
    assert.deepEqual(stage.produces, []);
    await store.close();
  });

  it('resolves each message only once its ad is committed, batching concurrent ones', async () => {
    const path = temp.indexPath();
    const store = SqliteIndexStore.open(path);
    const reader = SqliteIndexStore.open(path);
    const batchSizes: number[] = [];
    // The real store, watched: how many ads each write carried.
    const watched: IndexStore = Object.assign(Object.create(store) as IndexStore, {
      upsertAds: (ads: AdExtracted[]) => {
        batchSizes.push(ads.length);
        return store.upsertAds(ads);
      },
    });
    const stage = createIndexStage(watched, { batchSize: 4 });
    const ads = Array.from({ length: 10 }, (_, n) => syntheticAd({ slug: `stage-${n}`, phones: [fictionalPhone(n)] }));
    const committedWhenResolved = await Promise.all(
      ads.map(async (ad) => {
        await stage.handle(envelopeFor(ad), ctx);
        // Another connection sees only committed data.
        return (await reader.getAd(ad.adId)) !== null;
      }),
    );
    assert.deepEqual(committedWhenResolved, ads.map(() => true));
    assert.deepEqual(batchSizes, [4, 4, 2]);
    await stage.handle(envelopeFor(ads[0]!), ctx);
    assert.deepEqual(batchSizes, [4, 4, 2, 1], 'a lone message is written without waiting for company');
    await stage.close?.();
    await reader.close();
    await store.close();
  });

  it('fails only the bad message of a batch; its neighbours are written', async () => {
    const store = SqliteIndexStore.open(temp.indexPath());
    const stage = createIndexStage(store, { batchSize: 10 });
    const good = [1, 2, 3].map((n) => syntheticAd({ slug: `good-${n}` }));
    const bad = { ...syntheticAd({ slug: 'bad' }), fetchedAt: 'yesterday-ish' };
    const outcomes = await Promise.allSettled([good[0]!, bad, good[1]!, good[2]!].map((ad) => stage.handle(envelopeFor(ad), ctx)));
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    assert.ok((outcomes[1] as PromiseRejectedResult).reason instanceof DeadLetterError);
    assert.equal((await store.summary()).ads, 3);
    await store.close();
  });

  it('indexes everything the in-memory transport delivers, redeliveries included, without duplicates', async () => {
    const store = SqliteIndexStore.open(temp.indexPath());
    const transport = new InMemoryTransport({ retryBaseMs: 1 });
    const deadLetters: DeadLetter[] = [];
    transport.onDeadLetter((deadLetter) => deadLetters.push(deadLetter));
    const stage = createIndexStage(store, { batchSize: 16 });
    attachStage(stage, transport, { runId: 'run-test', log: silentLogger(), concurrency: 16 });
    const ads = Array.from({ length: 60 }, (_, n) => syntheticAd({ slug: `t-${n}`, phones: [fictionalPhone(n % 7)], emails: [`t${n % 3}@example.com`] }));
    for (const ad of [...ads, ...ads.slice(0, 20)]) await transport.publish(envelopeFor(ad));
    await transport.drain();
    await stage.close?.();
    await transport.close();
    assert.deepEqual(deadLetters, []);
    const summary = await store.summary();
    assert.equal(summary.ads, 60);
    assert.equal(summary.indicators, 10);
    assert.equal((await store.search({ phone: fictionalPhone(3) })).total, ads.filter((_, n) => n % 7 === 3).length);
    await store.close();
  });
});

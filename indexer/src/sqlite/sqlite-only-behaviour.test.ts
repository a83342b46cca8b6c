// test-runner: alone (it asserts on time; scripts/test.mjs runs it after the other files, by itself)
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { RetryableError } from '@indicia/core';
import Database from 'better-sqlite3';
import type { ExportedAd } from '../index-store.js';
import { fictionalPhone, syntheticAd } from '../contract/synthetic-ads.js';
import { SqliteIndexStore } from './sqlite-index-store.js';
import { TempDirs } from './temp-index.js';

const temp = new TempDirs();
after(() => temp.removeAll());

describe('SQLite store specifics', () => {
  it('ranks and counts only the most recent text matches beyond the candidate limit, and says so', async () => {
    const store = SqliteIndexStore.open(temp.indexPath(), { textCandidateLimit: 5 });
    try {
      await store.upsertAds(Array.from({ length: 8 }, (_, n) => syntheticAd({ slug: `t${n}`, body: `Common words everywhere, ad ${n}.`, phones: [fictionalPhone(1)] })));
      const common = await store.search({ text: 'common' });
      assert.equal(common.total, 5);
      assert.equal(common.totalIsLowerBound, true);
      assert.equal(common.hits.length, 5);
      const rare = await store.search({ text: 'common', country: 'US', limit: 2 });
      assert.equal(rare.totalIsLowerBound, true);
      const exact = await store.search({ text: 'common', phone: fictionalPhone(1) });
      assert.equal(exact.total, 8, 'with an indicator filter the text condition is checked per ad, exactly');
      assert.equal(exact.totalIsLowerBound, false);
      const few = await store.search({ text: 'ad 3' });
      assert.equal(few.total, 1);
      assert.equal(few.totalIsLowerBound, false);
    } finally {
      await store.close();
    }
  });

  it('gives exact results for text next to a rare indicator whether the word is rare or very common', async () => {
    const store = SqliteIndexStore.open(temp.indexPath());
    try {
      const rare = fictionalPhone(2);
      // 1,200 ads say "common": more than the store lists for an indicator held by 2 ads, so it probes per ad.
      const ads = Array.from({ length: 1200 }, (_, n) => syntheticAd({ slug: `w${n}`, body: n % 600 === 0 ? 'Common and unusual words.' : 'Common words.', phones: n % 600 === 0 ? [rare] : [] }));
      ads.push(syntheticAd({ slug: 'other', body: 'Unusual only.', phones: [rare] }));
      await store.upsertAds(ads);
      const probed = await store.search({ text: 'common', phone: rare });
      assert.equal(probed.total, 2);
      assert.deepEqual(new Set(probed.hits.map((h) => h.adId)), new Set([ads[0]!.adId, ads[600]!.adId]));
      const listed = await store.search({ text: 'unusual', phone: rare });
      assert.equal(listed.total, 3);
      assert.deepEqual((await store.search({ text: 'common unusual', phone: rare })).hits.length, 2);
    } finally {
      await store.close();
    }
  });

  it('exports page by page without missing or repeating an ad', async () => {
    const store = SqliteIndexStore.open(temp.indexPath(), { exportPageSize: 3 });
    try {
      const ads = Array.from({ length: 10 }, (_, n) => syntheticAd({ slug: `x${n}`, phones: [fictionalPhone(n)] }));
      await store.upsertAds(ads);
      const exported: ExportedAd[] = [];
      for await (const ad of store.exportAds()) exported.push(ad);
      assert.deepEqual(exported.map((ad) => ad.id), ads.map((ad) => ad.adId).sort());
      assert.ok(exported.every((ad) => ad.indicators.length === 1));
    } finally {
      await store.close();
    }
  });

  it('reports a write blocked by another connection as retryable', async () => {
    const path = temp.indexPath();
    const store = SqliteIndexStore.open(path, { busyTimeoutMs: 0 });
    const blocker = new Database(path);
    try {
      blocker.prepare('BEGIN IMMEDIATE').run();
      await assert.rejects(store.upsertAds([syntheticAd({ slug: 'busy' })]), RetryableError);
      blocker.prepare('ROLLBACK').run();
      await store.upsertAds([syntheticAd({ slug: 'busy' })]);
      assert.equal((await store.summary()).ads, 1);
    } finally {
      blocker.close();
      await store.close();
    }
  });

  it('does not rewrite the full-text row when a capture repeats the same title and text', async () => {
    const path = temp.indexPath();
    const store = SqliteIndexStore.open(path);
    try {
      const first = syntheticAd({ slug: 'same', fetchedAt: '2024-05-01T00:00:00.000Z' });
      await store.upsertAds([first]);
      const db = new Database(path, { readonly: true });
      const changes = () => db.prepare<[], { total_changes: number }>('SELECT count(*) AS total_changes FROM ads_fts_data').get()!.total_changes;
      const before = changes();
      await store.upsertAds([syntheticAd({ slug: 'same', fetchedAt: '2024-05-02T00:00:00.000Z' })]);
      assert.equal(changes(), before);
      await store.upsertAds([syntheticAd({ slug: 'same', body: 'Changed text now.', fetchedAt: '2024-05-03T00:00:00.000Z' })]);
      assert.notEqual(changes(), before);
      db.close();
      assert.equal((await store.getAd(first.adId))?.lastSeen, '2024-05-03T00:00:00.000Z');
    } finally {
      await store.close();
    }
  });

  it('keeps each indicator\'s ad count equal to its links through redeliveries and new versions', async () => {
    const path = temp.indexPath();
    const store = SqliteIndexStore.open(path);
    try {
      const shared = fictionalPhone(10);
      await store.upsertAds([1, 2, 3].map((n) => syntheticAd({ slug: `n${n}`, phones: [shared] })));
      await store.upsertAds([syntheticAd({ slug: 'n1', phones: [shared] }), syntheticAd({ slug: 'n1', body: 'New text.', phones: [shared, fictionalPhone(11)], fetchedAt: '2024-06-01T00:00:00.000Z' })]);
      const db = new Database(path, { readonly: true });
      const mismatches = db
        .prepare('SELECT i.value, i.ad_count, (SELECT count(*) FROM ad_indicators l WHERE l.indicator_seq = i.seq) AS links FROM indicators i')
        .all() as Array<{ value: string; ad_count: number; links: number }>;
      db.close();
      assert.deepEqual(mismatches.map((m) => [m.value, m.ad_count]).sort(), [[shared, 3], [fictionalPhone(11), 1]]);
      assert.ok(mismatches.every((m) => m.ad_count === m.links));
    } finally {
      await store.close();
    }
  });

  it('writes 2,000 ads with five indicators each quickly and finds one of 10,000 by phone in milliseconds', async (t) => {
    const store = SqliteIndexStore.open(temp.indexPath());
    try {
      const make = (n: number) =>
        syntheticAd({
          slug: `speed-${n}`,
          site: `site-${n % 5}.test`,
          phones: [`+1702555${String(n).padStart(4, '0')}`, fictionalPhone(n)],
          emails: [`op${n % 500}@example.com`, `ad${n}@example.net`],
          handles: [{ platform: 'telegram', value: `h${n}` }],
          fetchedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
        });
      const timed = Array.from({ length: 2000 }, (_, n) => make(n));
      const wallStart = performance.now();
      const cpuStart = process.cpuUsage();
      for (let i = 0; i < timed.length; i += 100) await store.upsertAds(timed.slice(i, i + 100));
      const cpu = process.cpuUsage(cpuStart);
      const perWallSecond = timed.length / ((performance.now() - wallStart) / 1000);
      const perCpuSecond = timed.length / ((cpu.user + cpu.system) / 1e6);
      t.diagnostic(`upsert: ${Math.round(perWallSecond)} ads/s wall, ${Math.round(perCpuSecond)} ads/s of CPU`);
      // The target is 2,000 ads/s. Measured in CPU time so other processes on a shared machine do not
      // fail it, with a margin because contention still slows the CPU work (caches, frequency).
      assert.ok(perCpuSecond >= 1500, `upsert rate ${Math.round(perCpuSecond)} ads per CPU second`);
      for (let start = 2000; start < 10_000; start += 1000) await store.upsertAds(Array.from({ length: 1000 }, (_, k) => make(start + k)));
      const lookups: number[] = [];
      for (let k = 0; k < 30; k++) {
        const n = (k * 331) % 10_000;
        const started = performance.now();
        const page = await store.search({ phone: `+1702555${String(n).padStart(4, '0')}` });
        lookups.push(performance.now() - started);
        assert.equal(page.total, 1);
      }
      lookups.sort((a, b) => a - b);
      const median = lookups[Math.floor(lookups.length / 2)]!;
      t.diagnostic(`phone lookup at 10,000 ads: median ${median.toFixed(2)} ms`);
      assert.ok(median < 5, `median phone lookup ${median.toFixed(2)} ms`);
    } finally {
      await store.close();
    }
  });
});

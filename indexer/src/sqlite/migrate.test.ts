import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { indicatorIdFor, UsageError } from '@indicia/core';
import { fictionalPhone, syntheticAd } from '../contract/synthetic-ads.js';
import type { ExportedAd } from '../index-store.js';
import { IndexSchemaTooNewError, migrate } from './migrate.js';
import { migrations } from './schema-migrations.js';
import { SqliteIndexStore } from './sqlite-index-store.js';
import { TempDirs } from './temp-index.js';

const temp = new TempDirs();
after(() => temp.removeAll());

async function collectExport(store: SqliteIndexStore): Promise<ExportedAd[]> {
  const ads: ExportedAd[] = [];
  for await (const ad of store.exportAds()) ads.push(ad);
  return ads;
}

function appliedVersions(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all().map((row) => row.version);
  } finally {
    db.close();
  }
}

describe('schema migrations', () => {
  it('creates every step in a new file, in WAL mode with foreign keys on', async () => {
    const path = temp.indexPath();
    const store = SqliteIndexStore.open(path);
    await store.close();
    assert.deepEqual(appliedVersions(path), migrations.map((m) => m.version));
    const db = new Database(path);
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
      for (const table of ['ads', 'ad_versions', 'indicators', 'ad_indicators', 'ads_fts', 'schema_migrations']) assert.ok(tables.includes(table), table);
    } finally {
      db.close();
    }
  });

  it('applies nothing when reopening a current file, and keeps its data', async () => {
    const path = temp.indexPath();
    const ad = syntheticAd({ slug: 'reopen', phones: [fictionalPhone(5)] });
    const first = SqliteIndexStore.open(path);
    await first.upsertAds([ad]);
    await first.close();
    const db = new Database(path);
    const outcome = migrate(db, migrations, path);
    db.close();
    assert.deepEqual(outcome, { from: migrations.length, to: migrations.length, applied: [] });
    const second = SqliteIndexStore.open(path);
    assert.equal((await second.search({ phone: fictionalPhone(5) })).total, 1);
    await second.close();
  });

  it('brings an old file forward: ads written before the full-text step become searchable', async () => {
    const path = temp.indexPath();
    const db = new Database(path);
    migrate(db, migrations.slice(0, 1), path);
    db.prepare(`INSERT INTO ads (id, url, canonical_url, site, title, text, content_hash, first_seen, last_seen, latest_capture_id)
      VALUES ('old-ad', 'http://velvet-nights.test/ads/old', 'http://velvet-nights.test/ads/old', 'velvet-nights.test',
      'Written by version one', 'An ad stored before full-text search existed.', 'hash', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'capture')`).run();
    db.close();
    assert.deepEqual(appliedVersions(path), [1]);
    const store = SqliteIndexStore.open(path);
    const page = await store.search({ text: 'existed' });
    assert.deepEqual(page.hits.map((h) => h.adId), ['old-ad']);
    const [exported] = await collectExport(store);
    assert.deepEqual([exported!.prices, exported!.age], [[], null], 'ads from before the attributes step have none');
    assert.deepEqual([exported!.images, exported!.needsBrowser, exported!.truncated], [[], false, false], 'nor images, and were read whole');
    assert.equal((await store.findSimilarImages({ perceptualHash: '0123456789abcdef', maxDistance: 64 })).total, 0);
    await store.close();
    assert.deepEqual(appliedVersions(path), migrations.map((m) => m.version));
  });

  it('brings a version 7 file forward: the indicator types of its ads are filled in for facets and filters', async () => {
    const path = temp.indexPath();
    const store7 = new Database(path);
    migrate(store7, migrations.slice(0, 7), path);
    const ads = [syntheticAd({ slug: 'v7-a', phones: [fictionalPhone(1)], emails: ['v7@example.com'] }), syntheticAd({ slug: 'v7-b', phones: [fictionalPhone(1)] }), syntheticAd({ slug: 'v7-c' })];
    const insertAd = store7.prepare(`INSERT INTO ads (id, url, canonical_url, site, title, text, content_hash, first_seen, last_seen, latest_capture_id)
      VALUES (@adId, @url, @url, @site, @title, @text, @contentHash, @fetchedAt, @fetchedAt, @captureId)`);
    const insertIndicator = store7.prepare(`INSERT INTO indicators (id, type, value, first_seen, last_seen, ad_count) VALUES (?, ?, ?, '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', 0)
      ON CONFLICT (id) DO UPDATE SET ad_count = ad_count + 1 RETURNING seq`);
    const insertLink = store7.prepare(`INSERT INTO ad_indicators (ad_seq, indicator_seq, first_seen, last_seen, provenance) VALUES (?, ?, '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', ?)`);
    for (const ad of ads) {
      const adSeq = insertAd.run(ad).lastInsertRowid;
      for (const indicator of ad.indicators) {
        const { seq } = insertIndicator.get(indicatorIdFor(indicator.type, indicator.value, ''), indicator.type, indicator.value) as { seq: number };
        insertLink.run(adSeq, seq, JSON.stringify(indicator.provenance));
      }
    }
    store7.close();
    const store = SqliteIndexStore.open(path);
    try {
      const page = await store.search({ indicatorType: 'phone', facets: true });
      assert.equal(page.total, 2);
      assert.deepEqual(page.facets?.types, [{ value: 'phone', count: 2 }, { value: 'email', count: 1 }]);
      assert.deepEqual((await store.search({ indicatorType: 'email' })).hits.map((hit) => hit.adId), [ads[0]!.adId]);
      assert.equal((await store.search({ indicatorType: 'domain' })).total, 0);
      await store.upsertAds([syntheticAd({ slug: 'v7-c', domains: ['v7.example'], fetchedAt: '2024-06-01T10:00:00.000Z' })]);
      assert.deepEqual((await store.search({ indicatorType: 'domain' })).hits.map((hit) => hit.adId), [ads[2]!.adId], 'a later capture adds its types');
    } finally {
      await store.close();
    }
  });

  it('refuses a file from a newer Indicia with a clear error and leaves it untouched', async () => {
    const path = temp.indexPath();
    const store = SqliteIndexStore.open(path);
    await store.close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00.000Z')").run();
    db.close();
    assert.throws(
      () => SqliteIndexStore.open(path),
      (error: unknown) => error instanceof IndexSchemaTooNewError && error instanceof UsageError && error.message.includes(`schema version 99, newer than this Indicia knows (${migrations.length})`),
    );
    assert.deepEqual(appliedVersions(path), [...migrations.map((m) => m.version), 99]);
  });

  it('rolls back a step that fails, leaving the file at the previous step', () => {
    const path = temp.indexPath();
    const db = new Database(path);
    try {
      const broken = [...migrations.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
      assert.throws(() => migrate(db, broken, path), /no_such_table/);
      assert.deepEqual(db.prepare('SELECT version FROM schema_migrations').all(), [{ version: 1 }]);
      const leftover = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get();
      assert.equal(leftover?.n, 0);
    } finally {
      db.close();
    }
  });
});

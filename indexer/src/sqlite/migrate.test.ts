import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { UsageError } from '@indicia/core';
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

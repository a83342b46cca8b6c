import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StopRunError } from '@indicia/core';

export type SqliteDatabase = Database.Database;

export const urlStates = ['pending', 'in_flight', 'done', 'failed', 'robots_blocked', 'out_of_scope'] as const;
export type UrlState = (typeof urlStates)[number];

/** Where a data dir keeps its files. */
export function crawlPaths(dataDir: string): { database: string; blobs: string } {
  return { database: join(dataDir, 'crawl.sqlite'), blobs: join(dataDir, 'blobs') };
}

const migrations: string[] = [
  `
  CREATE TABLE urls (
    canonical_url TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    depth INTEGER NOT NULL,
    host TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN (${urlStates.map((s) => `'${s}'`).join(', ')})),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    parent_url TEXT,
    -- the crawl generation in which the page was last completed; a recrawl starts a new one
    generation INTEGER NOT NULL DEFAULT 0,
    discovered_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX urls_by_state ON urls (state);

  CREATE TABLE captures (
    capture_id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    site TEXT NOT NULL,
    depth INTEGER NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    headers_json TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    proxy TEXT,
    fetch_mode TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    body_bytes INTEGER NOT NULL,
    truncated INTEGER NOT NULL,
    -- 1 once everything downstream of the capture has finished (told by the pipeline)
    settled INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX captures_by_url ON captures (canonical_url);
  CREATE INDEX captures_unsettled ON captures (settled) WHERE settled = 0;

  -- A capture may settle downstream before its row is written (the row is written after the
  -- capture hook returns): such settlements wait here and are applied when the row arrives.
  CREATE TABLE early_settlements (capture_id TEXT PRIMARY KEY);

  CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    -- 1 when the run emptied its queue (not stopped, not killed)
    completed INTEGER NOT NULL DEFAULT 0,
    generation INTEGER NOT NULL,
    recrawl INTEGER NOT NULL,
    respect_robots_txt INTEGER NOT NULL,
    settings_json TEXT NOT NULL,
    summary_json TEXT
  );
  `,
  // Images, screenshot and the needs-browser mark of a capture (JSON, image bytes left out: they
  // are in the blob store), so a replayed capture carries them to OCR like the first delivery.
  `ALTER TABLE captures ADD COLUMN media_json TEXT;`,
  // A distributed worker asks whether a submission has captured a requested URL yet (recrawls).
  `CREATE INDEX captures_by_requested_url ON captures (url, run_id);`,
];

/**
 * Opens (creating and migrating as needed) the crawl database of a data dir. WAL lets the capture
 * ledger and the crawl use the file at once; synchronous=NORMAL keeps commits cheap while a crash
 * can lose at most the last transactions, never corrupt the file.
 */
export function openCrawlDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  let db: SqliteDatabase;
  try {
    db = new Database(crawlPaths(dataDir).database);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 10000');
    migrate(db);
  } catch (error) {
    if (error instanceof Database.SqliteError) throw new StopRunError(`cannot open the crawl database in ${dataDir}: ${error.message}`, { cause: error });
    throw error;
  }
  return db;
}

function migrate(db: SqliteDatabase): void {
  // Read the version inside the write transaction: two connections may open a new file at once.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new StopRunError(`the crawl database has schema version ${version}, newer than this Indicia knows (${migrations.length})`);
    }
    for (let next = version; next < migrations.length; next++) {
      db.exec(migrations[next]!);
      db.pragma(`user_version = ${next + 1}`);
    }
  }).immediate();
}

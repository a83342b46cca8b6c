import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StopRunError } from '@indicia/core';

export type ConsoleDatabase = Database.Database;

/** The console's own file in the data directory: accounts, sessions, tokens, watchlists, audit log. */
export const consoleDatabaseName = 'console.sqlite';

const migrations: string[] = [
  `
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    -- scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash so they can be raised later
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    -- sha256 of the cookie value: a copy of this file does not hand out live sessions
    id_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT
  );
  CREATE TABLE watchlists (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('indicator', 'query')),
    target_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_visited_at TEXT NOT NULL
  );
  CREATE INDEX watchlists_by_user ON watchlists (username);
  -- No foreign key to users: the trail of a removed account stays.
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    username TEXT,
    action TEXT NOT NULL,
    target TEXT,
    details_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // A password someone else chose or saw (generated, printed once) is for one login: the user sets their own first.
  `ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;`,
];

/** Opens (creating and migrating) `<dataDir>/console.sqlite`. The server and `indicia users` may have it open at once. */
export function openConsoleDatabase(dataDir: string): ConsoleDatabase {
  mkdirSync(dataDir, { recursive: true });
  let db: ConsoleDatabase;
  try {
    db = new Database(join(dataDir, consoleDatabaseName));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    if (error instanceof Database.SqliteError) throw new StopRunError(`cannot open the console database in ${dataDir}: ${error.message}`, { cause: error });
    throw error;
  }
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw new StopRunError(`the console database has schema version ${version}, newer than this Indicia knows (${migrations.length})`);
    for (let next = version; next < migrations.length; next++) {
      db.exec(migrations[next]!);
      db.pragma(`user_version = ${next + 1}`);
    }
  }).immediate();
  return db;
}

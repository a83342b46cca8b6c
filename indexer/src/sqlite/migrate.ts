import type Database from 'better-sqlite3';
import { UsageError } from '@indicia/core';
import type { Migration } from './schema-migrations.js';

/**
 * The index file was written by a newer Indicia than the one running: reading it could misread
 * data and writing could corrupt it, so the store refuses to open it. The user fixes it by
 * upgrading Indicia or pointing at another data directory.
 */
export class IndexSchemaTooNewError extends UsageError {
  override readonly name: string = 'IndexSchemaTooNewError';
}

export interface MigrationOutcome {
  /** Version before opening (0 for a new file). */
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the schema up to the last of `migrations`, each step in its own immediate transaction
 * together with its row in schema_migrations, so a crash leaves the file at a whole step and two
 * processes opening the same file at once do not both apply a step.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], location: string): MigrationOutcome {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const latestKnown = migrations.at(-1)?.version ?? 0;
  const currentVersion = db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  const readVersion = (): number => currentVersion.get()?.version ?? 0;
  const from = readVersion();
  if (from > latestKnown) {
    throw new IndexSchemaTooNewError(`the index at ${location} has schema version ${from}, newer than this Indicia knows (${latestKnown}): upgrade Indicia or use another --data directory`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (readVersion() >= migration.version) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return { from, to: readVersion(), applied };
}

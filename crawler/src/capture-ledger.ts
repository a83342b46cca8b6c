import type { PageCaptured } from '@indicia/core';
import { BlobStore } from './blob-store.js';
import { bodyText } from './body-text.js';
import { rowToCapture, type CaptureRow } from './capture-rows.js';
import { crawlPaths, openCrawlDatabase, type SqliteDatabase } from './frontier-database.js';

/**
 * The captures of a data dir and whether their downstream processing finished ("settled"). The
 * CLI replays unsettled captures after a crash, so nothing captured is lost between the crawl
 * and the index. It opens the crawl's own SQLite file; both may be open at once.
 */
export class CaptureLedger {
  private readonly settleStatement;
  private readonly earlySettlementStatement;

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly blobs: BlobStore,
  ) {
    this.settleStatement = db.prepare('UPDATE captures SET settled = 1 WHERE capture_id = ?');
    this.earlySettlementStatement = db.prepare('INSERT OR IGNORE INTO early_settlements (capture_id) VALUES (?)');
  }

  static open(dataDir: string): CaptureLedger {
    return new CaptureLedger(openCrawlDatabase(dataDir), new BlobStore(crawlPaths(dataDir).blobs));
  }

  /** Captures not yet marked settled, oldest first, rebuilt from their rows and blobs. */
  *unsettled(): Iterable<PageCaptured> {
    // Ids first: the caller may mark captures settled while iterating, which an open SQLite cursor forbids.
    const ids = this.db.prepare('SELECT capture_id FROM captures WHERE settled = 0 ORDER BY rowid').pluck().all() as string[];
    const byId = this.db.prepare('SELECT * FROM captures WHERE capture_id = ? AND settled = 0');
    for (const id of ids) {
      const row = byId.get(id) as CaptureRow | undefined;
      if (!row) continue;
      const headers = JSON.parse(row.headers_json) as Record<string, string>;
      // A rendered page is the browser's DOM, serialised as UTF-8 whatever charset the server declared.
      const decodeAs = row.fetch_mode === 'browser' ? row.content_type : headers['content-type'];
      yield rowToCapture(row, bodyText(this.blobs.getSync(row.body_sha256), decodeAs), (sha256) => this.blobs.getSync(sha256));
    }
  }

  markSettled(captureId: string): void {
    if (this.settleStatement.run(captureId).changes === 0) this.earlySettlementStatement.run(captureId);
  }

  count(): { captures: number; settled: number } {
    const row = this.db.prepare('SELECT count(*) AS captures, coalesce(sum(settled), 0) AS settled FROM captures').get() as { captures: number; settled: number };
    return { captures: row.captures, settled: row.settled };
  }

  close(): void {
    this.db.close();
  }
}

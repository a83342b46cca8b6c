import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StopRunError, type PageCaptured } from '@indicia/core';
import { rowMedia, type CaptureRow } from './capture-rows.js';
import { readCustodyLines } from './evidence/custody-chain-check.js';
import { custodyLogName } from './evidence/custody-log.js';
import type { WarcLocation } from './evidence/warc-record-format.js';
import { crawlPaths, type SqliteDatabase } from './frontier-database.js';

/** Where a capture's WARC records begin: the file (relative to the data dir) and the byte offset of its first record. */
export interface CaptureWarc {
  file: string;
  offset: number;
}

/** One capture as the crawl recorded it: its row's metadata and where its WARC records are. */
export interface CaptureRecord {
  captureId: string;
  canonicalUrl: string;
  url: string;
  fetchedAt: string;
  status: number;
  /** The proxy the fetch went through (credentials redacted); null for a direct fetch. */
  proxy: string | null;
  mode: PageCaptured['fetchMode'];
  contentType: string;
  /** Blob-store sha256 of the body as stored (for a browser capture, the rendered DOM). */
  bodySha256: string;
  screenshotSha256: string | null;
  /** Null when the custody log has no entry for the capture (crawled before evidence was recorded). */
  warc: CaptureWarc | null;
}

export interface CapturesQuery {
  /** Every capture of this canonical URL... */
  canonicalUrl: string;
  /** ...and these captures, whatever their URL (an ad's images and versions name theirs). */
  captureIds: readonly string[];
}

type RecordRow = Pick<CaptureRow, 'capture_id' | 'canonical_url' | 'url' | 'fetched_at' | 'status' | 'proxy' | 'fetch_mode' | 'content_type' | 'body_sha256' | 'media_json'>;

const recordColumns = 'capture_id, canonical_url, url, fetched_at, status, proxy, fetch_mode, content_type, body_sha256, media_json';

/**
 * Read-only access to a data dir's captures, for readers beside a running crawl (the console):
 * crawl.sqlite opened read-only with a busy timeout, and the custody log for WARC locations. A data
 * dir without crawl.sqlite (an index filled by distributed workers) has no captures, not an error.
 */
export class CaptureRecords {
  /** The custody log is append-only: while its size is unchanged, so is what it says. */
  private custody: { size: number; warcById: Map<string, CaptureWarc> } | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly db: SqliteDatabase | null,
  ) {}

  static open(dataDir: string): CaptureRecords {
    const path = crawlPaths(dataDir).database;
    if (!existsSync(path)) return new CaptureRecords(dataDir, null);
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      return new CaptureRecords(dataDir, db);
    } catch (error) {
      if (error instanceof Database.SqliteError) throw new StopRunError(`cannot read the crawl database in ${dataDir}: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /** The captures of the URL and the named captures, oldest first. */
  async capturesOf(query: CapturesQuery): Promise<CaptureRecord[]> {
    if (!this.db) return [];
    const rows = this.db
      .prepare(`SELECT ${recordColumns} FROM captures WHERE canonical_url = ? OR capture_id IN (SELECT value FROM json_each(?)) ORDER BY fetched_at, capture_id`)
      .all(query.canonicalUrl, JSON.stringify(query.captureIds)) as RecordRow[];
    const warcById = await this.warcLocations();
    return rows.map((row) => toRecord(row, warcById));
  }

  /** One capture; null when the crawl has no such capture. */
  async capture(captureId: string): Promise<CaptureRecord | null> {
    const row = this.db?.prepare(`SELECT ${recordColumns} FROM captures WHERE capture_id = ?`).get(captureId) as RecordRow | undefined;
    return row ? toRecord(row, await this.warcLocations()) : null;
  }

  close(): void {
    this.db?.close();
  }

  private async warcLocations(): Promise<Map<string, CaptureWarc>> {
    const path = join(this.dataDir, custodyLogName);
    const size = await stat(path).then(
      (stats) => stats.size,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return 0;
        throw error;
      },
    );
    if (this.custody?.size === size) return this.custody.warcById;
    const lines = size === 0 ? [] : await readCustodyLines(path);
    const warcById = new Map<string, CaptureWarc>();
    // A line that does not parse (torn by a crash, damaged) names no capture; `indicia evidence verify` reports it.
    for (const { entry } of lines) {
      if (entry?.event !== 'capture') continue;
      const first: WarcLocation | undefined = entry.warc[0];
      if (first) warcById.set(entry.captureId, { file: first.file, offset: first.offset });
    }
    // A last line that does not parse may be an append still being written: read it again next time.
    const settled = lines.length === 0 || lines[lines.length - 1]!.entry !== null;
    this.custody = settled ? { size, warcById } : null;
    return warcById;
  }
}

function toRecord(row: RecordRow, warcById: Map<string, CaptureWarc>): CaptureRecord {
  return {
    captureId: row.capture_id,
    canonicalUrl: row.canonical_url,
    url: row.url,
    fetchedAt: row.fetched_at,
    status: row.status,
    proxy: row.proxy,
    mode: row.fetch_mode === 'browser' ? 'browser' : 'http',
    contentType: row.content_type,
    bodySha256: row.body_sha256,
    screenshotSha256: rowMedia(row).screenshotSha256,
    warc: warcById.get(row.capture_id) ?? null,
  };
}

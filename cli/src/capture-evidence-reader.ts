import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BlobStore } from '@indicia/crawler';
import type { CaptureSummary, EvidenceReader } from '@indicia/console';
import type { StoredAd } from '@indicia/indexer';

interface CaptureRecord {
  capture_id: string;
  url: string;
  fetched_at: string;
  status: number;
  proxy: string | null;
  fetch_mode: string;
  content_type: string;
  body_sha256: string;
  media_json: string | null;
}

const captureColumns = 'capture_id, url, fetched_at, status, proxy, fetch_mode, content_type, body_sha256, media_json';

/**
 * The console's view of a data directory's evidence: capture records from the crawl database
 * (opened read-only, beside a running crawl) and bytes from the blob store. The crawler's public API
 * has no per-capture reader yet, so this reads the `captures` table of crawl.sqlite by its columns.
 * A data directory without a crawl (an index filled by distributed workers) has no captures here.
 */
export class CaptureEvidenceReader implements EvidenceReader {
  private constructor(
    private readonly db: Database.Database | null,
    private readonly blobs: BlobStore,
  ) {}

  static open(dataDir: string): CaptureEvidenceReader {
    const path = join(dataDir, 'crawl.sqlite');
    const db = existsSync(path) ? new Database(path, { readonly: true, fileMustExist: true }) : null;
    db?.pragma('busy_timeout = 5000');
    return new CaptureEvidenceReader(db, new BlobStore(join(dataDir, 'blobs')));
  }

  async capturesOf(ad: StoredAd): Promise<CaptureSummary[]> {
    if (!this.db) return [];
    const named = [...new Set([ad.latestCaptureId, ...ad.versions.map((version) => version.captureId), ...ad.images.map((image) => image.captureId)])];
    const rows = this.db
      .prepare(`SELECT ${captureColumns} FROM captures WHERE canonical_url = ? OR capture_id IN (SELECT value FROM json_each(?)) ORDER BY fetched_at, capture_id`)
      .all(ad.canonicalUrl, JSON.stringify(named)) as CaptureRecord[];
    return rows.map((row) => ({
      captureId: row.capture_id,
      url: row.url,
      fetchedAt: row.fetched_at,
      status: row.status,
      proxy: row.proxy,
      mode: row.fetch_mode === 'browser' ? 'browser' : 'http',
      sha256: row.body_sha256,
      hasScreenshot: screenshotOf(row) !== null && this.blobs.has(screenshotOf(row)!),
      hasHtml: isHtml(row.content_type) && this.blobs.has(row.body_sha256),
    }));
  }

  async screenshot(captureId: string): Promise<Buffer | null> {
    const row = this.record(captureId);
    const sha256 = row ? screenshotOf(row) : null;
    return sha256 ? this.blob(sha256) : null;
  }

  async capturedHtml(captureId: string): Promise<{ bytes: Buffer; charset: string | null } | null> {
    const row = this.record(captureId);
    if (!row || !isHtml(row.content_type)) return null;
    const bytes = await this.blob(row.body_sha256);
    // A rendered (browser) page is the DOM serialised as UTF-8, whatever the server declared.
    const charset = row.fetch_mode === 'browser' ? 'utf-8' : (/charset=["']?([\w.:-]+)/i.exec(row.content_type)?.[1] ?? null);
    return bytes ? { bytes, charset } : null;
  }

  async blob(sha256: string): Promise<Buffer | null> {
    return this.blobs.has(sha256) ? this.blobs.get(sha256) : null;
  }

  close(): void {
    this.db?.close();
  }

  private record(captureId: string): CaptureRecord | null {
    return (this.db?.prepare(`SELECT ${captureColumns} FROM captures WHERE capture_id = ?`).get(captureId) as CaptureRecord | undefined) ?? null;
  }
}

function screenshotOf(row: CaptureRecord): string | null {
  if (!row.media_json) return null;
  const media = JSON.parse(row.media_json) as { screenshotSha256?: string | null };
  return media.screenshotSha256 ?? null;
}

function isHtml(contentType: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType);
}

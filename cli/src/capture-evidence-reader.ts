import { join } from 'node:path';
import { BlobStore, CaptureRecords, type CaptureRecord } from '@indicia/crawler';
import type { CaptureSummary, EvidenceReader } from '@indicia/console';
import type { StoredAd } from '@indicia/indexer';

/**
 * The console's view of a data directory's evidence: capture records from the crawler (its crawl
 * database read-only, beside a running crawl, and its custody log) and bytes from the blob store.
 * A data directory without a crawl (an index filled by distributed workers) has no captures here.
 */
export class CaptureEvidenceReader implements EvidenceReader {
  private constructor(
    private readonly records: CaptureRecords,
    private readonly blobs: BlobStore,
  ) {}

  static open(dataDir: string): CaptureEvidenceReader {
    return new CaptureEvidenceReader(CaptureRecords.open(dataDir), new BlobStore(join(dataDir, 'blobs')));
  }

  async capturesOf(ad: StoredAd): Promise<CaptureSummary[]> {
    const captureIds = [...new Set([ad.latestCaptureId, ...ad.versions.map((version) => version.captureId), ...ad.images.map((image) => image.captureId)])];
    const records = await this.records.capturesOf({ canonicalUrl: ad.canonicalUrl, captureIds });
    return records.map((record) => ({
      captureId: record.captureId,
      url: record.url,
      fetchedAt: record.fetchedAt,
      status: record.status,
      proxy: record.proxy,
      mode: record.mode,
      sha256: record.bodySha256,
      ...(record.warc ? { warcFile: record.warc.file } : {}),
      hasScreenshot: record.screenshotSha256 !== null && this.blobs.has(record.screenshotSha256),
      hasHtml: isHtml(record) && this.blobs.has(record.bodySha256),
    }));
  }

  async screenshot(captureId: string): Promise<Buffer | null> {
    const sha256 = (await this.records.capture(captureId))?.screenshotSha256;
    return sha256 ? this.blob(sha256) : null;
  }

  async capturedHtml(captureId: string): Promise<{ bytes: Buffer; charset: string | null } | null> {
    const record = await this.records.capture(captureId);
    if (!record || !isHtml(record)) return null;
    const bytes = await this.blob(record.bodySha256);
    // A rendered (browser) page is the DOM serialised as UTF-8, whatever the server declared.
    const charset = record.mode === 'browser' ? 'utf-8' : (/charset=["']?([\w.:-]+)/i.exec(record.contentType)?.[1] ?? null);
    return bytes ? { bytes, charset } : null;
  }

  async blob(sha256: string): Promise<Buffer | null> {
    return this.blobs.has(sha256) ? this.blobs.get(sha256) : null;
  }

  close(): void {
    this.records.close();
  }
}

function isHtml(record: CaptureRecord): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)/i.test(record.contentType);
}

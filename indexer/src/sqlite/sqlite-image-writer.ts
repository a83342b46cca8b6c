import type Database from 'better-sqlite3';
import type { AdImage } from '@indicia/core';
import { hashHalves } from '../hash-halves.js';

interface ExistingImage {
  id: number;
  phash: string | null;
  first_seen: string;
  last_seen: string;
}

/** The columns that follow the latest capture showing the image. */
interface ImageFields {
  url: string;
  mediaType: string;
  width: number;
  height: number;
  ocrStatus: string;
  ocrText: string;
  ocrReason: string | null;
  captureId: string;
}

export interface ImageOwner {
  adSeq: number;
  /** The ad was inserted by this write: none of its images can exist yet. */
  adIsNew: boolean;
  fetchedAt: string;
  captureId: string;
}

/**
 * Writes an ad's images, keyed by (ad, sha256), with the same rules as indicator links: seen times
 * only widen, the latest capture's url and OCR win, and a redelivery changes nothing.
 */
export class SqliteImageWriter {
  private readonly select: Database.Statement<[number, string], ExistingImage>;
  private readonly selectFields: Database.Statement<[number], ImageFields>;
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly widen: Database.Statement;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT id, phash, first_seen, last_seen FROM ad_images WHERE ad_seq = ? AND sha256 = ?');
    this.selectFields = db.prepare(`SELECT url, media_type AS mediaType, width, height, ocr_status AS ocrStatus, ocr_text AS ocrText,
      ocr_reason AS ocrReason, capture_id AS captureId FROM ad_images WHERE id = ?`);
    this.insert = db.prepare(`INSERT INTO ad_images (ad_seq, sha256, url, media_type, width, height, phash, phash_hi, phash_lo,
      ocr_status, ocr_text, ocr_reason, capture_id, first_seen, last_seen)
      VALUES (@adSeq, @sha256, @url, @mediaType, @width, @height, @phash, @phashHi, @phashLo,
      @ocrStatus, @ocrText, @ocrReason, @captureId, @firstSeen, @lastSeen)`);
    this.remove = db.prepare('DELETE FROM ad_images WHERE id = ?');
    this.widen = db.prepare(`UPDATE ad_images SET
        url = CASE WHEN @fetchedAt > last_seen THEN @url ELSE url END,
        media_type = CASE WHEN @fetchedAt > last_seen THEN @mediaType ELSE media_type END,
        width = CASE WHEN @fetchedAt > last_seen THEN @width ELSE width END,
        height = CASE WHEN @fetchedAt > last_seen THEN @height ELSE height END,
        ocr_status = CASE WHEN @fetchedAt > last_seen THEN @ocrStatus ELSE ocr_status END,
        ocr_text = CASE WHEN @fetchedAt > last_seen THEN @ocrText ELSE ocr_text END,
        ocr_reason = CASE WHEN @fetchedAt > last_seen THEN @ocrReason ELSE ocr_reason END,
        capture_id = CASE WHEN @fetchedAt > last_seen THEN @captureId ELSE capture_id END,
        first_seen = min(first_seen, @fetchedAt),
        last_seen = max(last_seen, @fetchedAt)
      WHERE id = @id`);
  }

  write(owner: ImageOwner, image: AdImage): void {
    const fields = fieldsOf(image, owner.captureId);
    const hash = image.perceptualHash === null ? { phash: null, phashHi: null, phashLo: null } : hashColumns(image.perceptualHash);
    const existing = owner.adIsNew ? undefined : this.select.get(owner.adSeq, image.sha256);
    if (!existing) {
      this.insert.run({ adSeq: owner.adSeq, sha256: image.sha256, ...fields, ...hash, firstSeen: owner.fetchedAt, lastSeen: owner.fetchedAt });
      return;
    }
    if (existing.phash === null && hash.phash !== null) {
      // A hash arrives for bytes stored without one: a new row (a new id), so readers that load
      // hashes by increasing id see it; the row keeps its seen range and the latest capture's fields.
      const kept = owner.fetchedAt > existing.last_seen ? fields : this.selectFields.get(existing.id)!;
      this.remove.run(existing.id);
      this.insert.run({
        adSeq: owner.adSeq, sha256: image.sha256, ...kept, ...hash,
        firstSeen: owner.fetchedAt < existing.first_seen ? owner.fetchedAt : existing.first_seen,
        lastSeen: owner.fetchedAt > existing.last_seen ? owner.fetchedAt : existing.last_seen,
      });
      return;
    }
    if (owner.fetchedAt < existing.first_seen || owner.fetchedAt > existing.last_seen) this.widen.run({ id: existing.id, fetchedAt: owner.fetchedAt, ...fields });
  }
}

function fieldsOf(image: AdImage, captureId: string): ImageFields {
  return {
    url: image.url,
    mediaType: image.mediaType,
    width: image.width,
    height: image.height,
    ocrStatus: image.ocr.status,
    ocrText: image.ocr.text,
    ocrReason: image.ocr.reason ?? null,
    captureId,
  };
}

function hashColumns(perceptualHash: string): { phash: string; phashHi: number; phashLo: number } {
  const { hi, lo } = hashHalves(perceptualHash);
  return { phash: perceptualHash, phashHi: hi, phashLo: lo };
}

import type Database from 'better-sqlite3';
import type { AdAge, AdImage, AdLocation, AdPrice, IndicatorType, OcrStatus, Provenance } from '@indicia/core';
import { compareIndicatorRefs, indicatorRef } from '../indicator-identity.js';
import type { AdVersion, ExportedAd, ExportedIndicator, StoredAd, StoredAdImage, StoredAdIndicator } from '../index-store.js';

export interface AdRow {
  seq: number;
  id: string;
  url: string;
  canonical_url: string;
  site: string;
  title: string;
  text: string;
  content_hash: string;
  posted_at: string | null;
  location_text: string | null;
  location_city: string | null;
  location_country: string | null;
  language: string | null;
  /** JSON AdPrice[]. */
  prices: string;
  /** JSON AdAge, or null. */
  age: string | null;
  needs_browser: number;
  truncated: number;
  /** OCR text of the latest capture's images, one image a line. */
  image_text: string;
  first_seen: string;
  last_seen: string;
  latest_capture_id: string;
}

export interface ImageRow {
  id: number;
  ad_seq: number;
  sha256: string;
  url: string;
  media_type: string;
  width: number;
  height: number;
  phash: string | null;
  ocr_status: OcrStatus;
  ocr_text: string;
  ocr_reason: string | null;
  capture_id: string;
  first_seen: string;
  last_seen: string;
}

export interface LinkRow {
  ad_seq: number;
  indicator_id: string;
  type: IndicatorType;
  value: string;
  platform: string | null;
  chain: string | null;
  provenance: string;
  first_seen: string;
  last_seen: string;
}

interface VersionRow {
  content_hash: string;
  capture_id: string;
  first_seen: string;
  last_seen: string;
}

/** Reads ads back into the port's shapes; reads go page by page and never hold an open cursor. */
export class SqliteAdReader {
  private readonly selectAd: Database.Statement<[string], AdRow>;
  private readonly selectVersions: Database.Statement<[number], VersionRow>;
  private readonly selectLinks: Database.Statement<[string], LinkRow>;
  private readonly selectImages: Database.Statement<[string], ImageRow>;
  private readonly selectAdsBySeq: Database.Statement<[string], AdRow>;
  private readonly selectExportPage: Database.Statement<{ afterId: string; size: number }, AdRow>;
  private readonly selectSiteExportPage: Database.Statement<{ afterId: string; size: number; site: string }, AdRow>;

  constructor(db: Database.Database) {
    this.selectAd = db.prepare('SELECT * FROM ads WHERE id = ?');
    this.selectVersions = db.prepare('SELECT content_hash, capture_id, first_seen, last_seen FROM ad_versions WHERE ad_seq = ? ORDER BY first_seen, content_hash');
    this.selectLinks = db.prepare(`SELECT ai.ad_seq, i.id AS indicator_id, i.type, i.value, i.platform, i.chain, ai.provenance, ai.first_seen, ai.last_seen
      FROM ad_indicators ai CROSS JOIN indicators i ON i.seq = ai.indicator_seq
      WHERE ai.ad_seq IN (SELECT value FROM json_each(?))`);
    this.selectImages = db.prepare(`SELECT id, ad_seq, sha256, url, media_type, width, height, phash, ocr_status, ocr_text, ocr_reason,
      capture_id, first_seen, last_seen FROM ad_images WHERE ad_seq IN (SELECT value FROM json_each(?)) ORDER BY ad_seq, first_seen, sha256`);
    this.selectAdsBySeq = db.prepare('SELECT * FROM ads WHERE seq IN (SELECT value FROM json_each(?))');
    this.selectExportPage = db.prepare('SELECT * FROM ads WHERE id > @afterId ORDER BY id LIMIT @size');
    this.selectSiteExportPage = db.prepare('SELECT * FROM ads WHERE id > @afterId AND site = @site ORDER BY id LIMIT @size');
  }

  getAd(adId: string): StoredAd | null {
    const row = this.selectAd.get(adId);
    if (!row) return null;
    const links = this.linksByAd([row.seq]).get(row.seq) ?? [];
    const images = this.imagesByAd([row.seq]).get(row.seq) ?? [];
    const versions: AdVersion[] = this.selectVersions.all(row.seq).map((v) => ({ contentHash: v.content_hash, captureId: v.capture_id, firstSeen: v.first_seen, lastSeen: v.last_seen }));
    return {
      ...exportedAd(row, [], []),
      canonicalUrl: row.canonical_url,
      contentHash: row.content_hash,
      latestCaptureId: row.latest_capture_id,
      postedAt: row.posted_at,
      versions,
      indicators: links.map(storedIndicator).sort(compareIndicatorRefs),
      images: images.map(storedImage),
    };
  }

  /** The ads with these seqs, in the order given. */
  adsBySeq(seqs: readonly number[]): AdRow[] {
    if (seqs.length === 0) return [];
    const bySeq = new Map(this.selectAdsBySeq.all(JSON.stringify(seqs)).map((row) => [row.seq, row]));
    return seqs.map((seq) => bySeq.get(seq)).filter((row): row is AdRow => row !== undefined);
  }

  /** The next `size` ads after `afterId` in id order, with their indicators. */
  exportPage(afterId: string, size: number, site: string | null): ExportedAd[] {
    const rows = site === null ? this.selectExportPage.all({ afterId, size }) : this.selectSiteExportPage.all({ afterId, size, site });
    const seqs = rows.map((row) => row.seq);
    const links = this.linksByAd(seqs);
    const images = this.imagesByAd(seqs);
    return rows.map((row) => exportedAd(row, (links.get(row.seq) ?? []).map((link) => exportedIndicator(link)).sort(compareIndicatorRefs), (images.get(row.seq) ?? []).map(adImageOf)));
  }

  /** The images of the given ads, by ad seq, oldest first. */
  imagesByAd(adSeqs: readonly number[]): Map<number, ImageRow[]> {
    return groupByAd(adSeqs.length === 0 ? [] : this.selectImages.all(JSON.stringify(adSeqs)));
  }

  /** The indicator links of the given ads, by ad seq. */
  linksByAd(adSeqs: readonly number[]): Map<number, LinkRow[]> {
    return groupByAd(adSeqs.length === 0 ? [] : this.selectLinks.all(JSON.stringify(adSeqs)));
  }
}

function groupByAd<Row extends { ad_seq: number }>(rows: readonly Row[]): Map<number, Row[]> {
  const byAd = new Map<number, Row[]>();
  for (const row of rows) {
    const list = byAd.get(row.ad_seq);
    if (list) list.push(row);
    else byAd.set(row.ad_seq, [row]);
  }
  return byAd;
}

export function adImageOf(row: ImageRow): AdImage {
  const ocr: AdImage['ocr'] = { status: row.ocr_status, text: row.ocr_text };
  if (row.ocr_reason !== null) ocr.reason = row.ocr_reason;
  return { url: row.url, sha256: row.sha256, mediaType: row.media_type, width: row.width, height: row.height, perceptualHash: row.phash, ocr };
}

function storedImage(row: ImageRow): StoredAdImage {
  return { ...adImageOf(row), firstSeen: row.first_seen, lastSeen: row.last_seen, captureId: row.capture_id };
}

export function locationOf(row: AdRow): AdLocation | null {
  if (row.location_text === null) return null;
  const location: AdLocation = { text: row.location_text };
  if (row.location_city !== null) location.city = row.location_city;
  if (row.location_country !== null) location.country = row.location_country;
  return location;
}

function exportedAd(row: AdRow, indicators: ExportedIndicator[], images: AdImage[]): ExportedAd {
  return {
    id: row.id,
    url: row.url,
    site: row.site,
    title: row.title,
    text: row.text,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    indicators,
    location: locationOf(row),
    language: row.language,
    age: row.age === null ? null : (JSON.parse(row.age) as AdAge),
    prices: JSON.parse(row.prices) as AdPrice[],
    images,
    needsBrowser: row.needs_browser === 1,
    truncated: row.truncated === 1,
  };
}

/** The export names an indicator by the first place it was read (an indicator has at least one). */
function exportedIndicator(link: LinkRow, provenance = JSON.parse(link.provenance) as Provenance[]): ExportedIndicator {
  const first = provenance[0]!;
  return { ...indicatorRef(link.type, link.value, link), raw: first.raw, source: first.source };
}

function storedIndicator(link: LinkRow): StoredAdIndicator {
  const provenance = JSON.parse(link.provenance) as Provenance[];
  return { ...exportedIndicator(link, provenance), firstSeen: link.first_seen, lastSeen: link.last_seen, provenance };
}

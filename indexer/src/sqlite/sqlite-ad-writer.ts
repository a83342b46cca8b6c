import type Database from 'better-sqlite3';
import type { PreparedAd, PreparedIndicator } from '../prepare-ad.js';
import { bitsOfTypes } from './indicator-type-bits.js';
import { SqliteImageWriter } from './sqlite-image-writer.js';

interface ExistingAd {
  seq: number;
  indicator_types: number;
  title: string;
  text: string;
  image_text: string;
  first_seen: string;
  last_seen: string;
}

interface SeenRange {
  first_seen: string;
  last_seen: string;
}

interface ExistingIndicator extends SeenRange {
  seq: number;
}

/**
 * The write path. Seen times come from the capture's fetchedAt, never the clock, and only ever
 * widen, so a redelivered message changes nothing and a late, older capture only moves first_seen
 * back. The ad's current fields follow the capture with the latest fetchedAt.
 *
 * Rows are read before they are written and written only when something changes: a redelivery
 * then costs reads alone, and an unchanged title and text never rewrite the full-text index.
 */
export class SqliteAdWriter {
  private readonly selectAd: Database.Statement<[string], ExistingAd>;
  private readonly insertAd: Database.Statement;
  private readonly updateLatestWithContent: Database.Statement;
  private readonly updateLatestSameContent: Database.Statement;
  private readonly widenAdFirstSeen: Database.Statement;
  private readonly addIndicatorTypes: Database.Statement;
  private readonly upsertVersion: Database.Statement;
  private readonly selectIndicator: Database.Statement<[string], ExistingIndicator>;
  private readonly insertIndicator: Database.Statement;
  private readonly updateIndicator: Database.Statement;
  private readonly selectLink: Database.Statement<[number, number], SeenRange>;
  private readonly insertLink: Database.Statement;
  private readonly widenLink: Database.Statement;
  private readonly images: SqliteImageWriter;
  private readonly writeAll: (ads: readonly PreparedAd[]) => void;

  constructor(db: Database.Database) {
    this.images = new SqliteImageWriter(db);
    this.selectAd = db.prepare('SELECT seq, title, text, image_text, first_seen, last_seen, indicator_types FROM ads WHERE id = ?');
    const latestColumns = `url = @url, canonical_url = @canonicalUrl, site = @site, content_hash = @contentHash,
      posted_at = @postedAt, location_text = @locationText, location_city = @locationCity, location_country = @locationCountry,
      language = @language, prices = @prices, age = @age, needs_browser = @needsBrowser, truncated = @truncated,
      last_seen = @fetchedAt, latest_capture_id = @captureId`;
    this.insertAd = db.prepare(`INSERT INTO ads (id, url, canonical_url, site, title, text, image_text, content_hash, posted_at,
      location_text, location_city, location_country, language, prices, age, needs_browser, truncated, first_seen, last_seen, latest_capture_id, indicator_types)
      VALUES (@adId, @url, @canonicalUrl, @site, @title, @text, @imageText, @contentHash, @postedAt,
      @locationText, @locationCity, @locationCountry, @language, @prices, @age, @needsBrowser, @truncated, @fetchedAt, @fetchedAt, @captureId, @indicatorTypes)`);
    // Only a change of the searched columns (title, text, OCR text) rewrites the full-text index.
    this.updateLatestWithContent = db.prepare(`UPDATE ads SET title = @title, text = @text, image_text = @imageText, ${latestColumns} WHERE seq = @seq`);
    this.updateLatestSameContent = db.prepare(`UPDATE ads SET ${latestColumns} WHERE seq = @seq`);
    this.widenAdFirstSeen = db.prepare('UPDATE ads SET first_seen = @fetchedAt WHERE seq = @seq');
    // Links are never removed, so the types an ad holds only grow.
    this.addIndicatorTypes = db.prepare('UPDATE ads SET indicator_types = indicator_types | @bits WHERE seq = @seq');
    // A version's capture is the earliest capture that showed that content.
    this.upsertVersion = db.prepare(`INSERT INTO ad_versions (ad_seq, content_hash, capture_id, first_seen, last_seen)
      VALUES (@seq, @contentHash, @captureId, @fetchedAt, @fetchedAt)
      ON CONFLICT (ad_seq, content_hash) DO UPDATE SET
        capture_id = CASE WHEN excluded.first_seen < ad_versions.first_seen THEN excluded.capture_id ELSE ad_versions.capture_id END,
        first_seen = min(ad_versions.first_seen, excluded.first_seen),
        last_seen = max(ad_versions.last_seen, excluded.last_seen)
      WHERE excluded.first_seen < ad_versions.first_seen OR excluded.last_seen > ad_versions.last_seen`);
    this.selectIndicator = db.prepare('SELECT seq, first_seen, last_seen FROM indicators WHERE id = ?');
    this.insertIndicator = db.prepare(`INSERT INTO indicators (id, type, value, platform, chain, first_seen, last_seen, ad_count)
      VALUES (@id, @type, @value, @platform, @chain, @fetchedAt, @fetchedAt, 1)`);
    this.updateIndicator = db.prepare(`UPDATE indicators SET
        first_seen = min(first_seen, @fetchedAt), last_seen = max(last_seen, @fetchedAt), ad_count = ad_count + @newAds
      WHERE seq = @seq`);
    this.selectLink = db.prepare('SELECT first_seen, last_seen FROM ad_indicators WHERE ad_seq = ? AND indicator_seq = ?');
    this.insertLink = db.prepare(`INSERT INTO ad_indicators (ad_seq, indicator_seq, first_seen, last_seen, provenance)
      VALUES (@adSeq, @indicatorSeq, @fetchedAt, @fetchedAt, @provenance)`);
    // The stored provenance is the latest capture's: it points into the text the ad shows now.
    this.widenLink = db.prepare(`UPDATE ad_indicators SET
        provenance = CASE WHEN @fetchedAt > last_seen THEN @provenance ELSE provenance END,
        first_seen = min(first_seen, @fetchedAt),
        last_seen = max(last_seen, @fetchedAt)
      WHERE ad_seq = @adSeq AND indicator_seq = @indicatorSeq`);
    this.writeAll = db.transaction((ads: readonly PreparedAd[]) => {
      for (const ad of ads) this.writeAd(ad);
    });
  }

  /** Writes the batch in one transaction: all of it is committed when this returns, or none. */
  write(ads: readonly PreparedAd[]): void {
    this.writeAll(ads);
  }

  private writeAd(ad: PreparedAd): void {
    const row = {
      adId: ad.adId,
      url: ad.url,
      canonicalUrl: ad.canonicalUrl,
      site: ad.site,
      title: ad.title,
      text: ad.text,
      imageText: ad.imageText,
      contentHash: ad.contentHash,
      postedAt: ad.postedAt,
      locationText: ad.location?.text ?? null,
      locationCity: ad.location?.city ?? null,
      locationCountry: ad.location?.country ?? null,
      language: ad.language,
      prices: JSON.stringify(ad.prices),
      age: ad.age ? JSON.stringify(ad.age) : null,
      needsBrowser: ad.needsBrowser ? 1 : 0,
      truncated: ad.truncated ? 1 : 0,
      fetchedAt: ad.fetchedAt,
      captureId: ad.captureId,
    };
    const existing = this.selectAd.get(ad.adId);
    const indicatorTypes = bitsOfTypes(ad.indicators.map((indicator) => indicator.type));
    let seq: number;
    if (!existing) seq = Number(this.insertAd.run({ ...row, indicatorTypes }).lastInsertRowid);
    else {
      seq = existing.seq;
      const { adId: _adId, ...columns } = row;
      if (ad.fetchedAt > existing.last_seen) {
        if (existing.title !== ad.title || existing.text !== ad.text || existing.image_text !== ad.imageText) this.updateLatestWithContent.run({ ...columns, seq });
        else {
          const { title: _title, text: _text, imageText: _imageText, ...withoutContent } = columns;
          this.updateLatestSameContent.run({ ...withoutContent, seq });
        }
      }
      if (ad.fetchedAt < existing.first_seen) this.widenAdFirstSeen.run({ seq, fetchedAt: ad.fetchedAt });
      if ((existing.indicator_types | indicatorTypes) !== existing.indicator_types) this.addIndicatorTypes.run({ seq, bits: indicatorTypes });
    }
    this.upsertVersion.run({ seq, contentHash: ad.contentHash, captureId: ad.captureId, fetchedAt: ad.fetchedAt });
    for (const indicator of ad.indicators) this.writeLink({ adSeq: seq, adIsNew: !existing, fetchedAt: ad.fetchedAt }, indicator);
    for (const image of ad.images) this.images.write({ adSeq: seq, adIsNew: !existing, fetchedAt: ad.fetchedAt, captureId: ad.captureId }, image);
  }

  private writeLink(ad: { adSeq: number; adIsNew: boolean; fetchedAt: string }, indicator: PreparedIndicator): void {
    const { adSeq, fetchedAt } = ad;
    const provenance = JSON.stringify(indicator.provenance);
    const known = this.selectIndicator.get(indicator.id);
    if (!known) {
      const inserted = this.insertIndicator.run({
        id: indicator.id,
        type: indicator.type,
        value: indicator.value,
        platform: indicator.platform ?? null,
        chain: indicator.chain ?? null,
        fetchedAt,
      });
      this.insertLink.run({ adSeq, indicatorSeq: Number(inserted.lastInsertRowid), fetchedAt, provenance });
      return;
    }
    const link = ad.adIsNew ? undefined : this.selectLink.get(adSeq, known.seq);
    if (!link) {
      this.insertLink.run({ adSeq, indicatorSeq: known.seq, fetchedAt, provenance });
      this.updateIndicator.run({ seq: known.seq, fetchedAt, newAds: 1 });
      return;
    }
    if (widens(link, fetchedAt)) this.widenLink.run({ adSeq, indicatorSeq: known.seq, fetchedAt, provenance });
    if (widens(known, fetchedAt)) this.updateIndicator.run({ seq: known.seq, fetchedAt, newAds: 0 });
  }
}

function widens(range: SeenRange, fetchedAt: string): boolean {
  return fetchedAt < range.first_seen || fetchedAt > range.last_seen;
}

import type Database from 'better-sqlite3';
import type { IndicatorType } from '@indicia/core';
import { compareIndicatorRefs, indicatorIdOf, indicatorRef } from '../indicator-identity.js';
import { maxCooccurringIndicators, type CooccurringIndicator, type IndicatorProfile, type IndicatorRef, type IndicatorSite, type TimelinePoint } from '../index-store.js';

interface CooccurringRow {
  type: IndicatorType;
  value: string;
  platform: string | null;
  chain: string | null;
  ads: number;
}

/**
 * An indicator's profile from its (ad, indicator) links: every query starts from the indicator's
 * entries in ad_indicators_by_indicator, so its cost follows the indicator's ad count, not the index size.
 */
export class SqliteIndicatorProfile {
  private readonly selectIndicator: Database.Statement<[string], { seq: number }>;
  private readonly totals: Database.Statement<[number], { ads: number; first_seen: string | null; last_seen: string | null }>;
  private readonly timeline: Database.Statement<{ seq: number; width: number }, TimelinePoint>;
  private readonly sites: Database.Statement<[number], { site: string; ads: number; first_seen: string; last_seen: string }>;
  private readonly cooccurring: Database.Statement<{ seq: number; limit: number }, CooccurringRow>;

  constructor(db: Database.Database) {
    this.selectIndicator = db.prepare('SELECT seq FROM indicators WHERE id = ?');
    this.totals = db.prepare('SELECT count(*) AS ads, min(first_seen) AS first_seen, max(last_seen) AS last_seen FROM ad_indicators WHERE indicator_seq = ?');
    // Stored times are ISO 8601 UTC: their first 10 (or 7) characters are the UTC day (or month).
    this.timeline = db.prepare(`SELECT substr(first_seen, 1, @width) AS period, count(*) AS ads FROM ad_indicators
      WHERE indicator_seq = @seq GROUP BY period ORDER BY period`);
    this.sites = db.prepare(`SELECT a.site, count(*) AS ads, min(l.first_seen) AS first_seen, max(l.last_seen) AS last_seen
      FROM ad_indicators l CROSS JOIN ads a ON a.seq = l.ad_seq WHERE l.indicator_seq = ? GROUP BY a.site ORDER BY ads DESC, a.site`);
    // Ties at the cut keep the lower indicator id, as the Elasticsearch store's terms order does.
    this.cooccurring = db.prepare(`SELECT i.type, i.value, i.platform, i.chain, shared.ads FROM (
        SELECT other.indicator_seq AS seq, count(*) AS ads FROM ad_indicators mine
        CROSS JOIN ad_indicators other ON other.ad_seq = mine.ad_seq AND other.indicator_seq != mine.indicator_seq
        WHERE mine.indicator_seq = @seq GROUP BY other.indicator_seq
      ) shared CROSS JOIN indicators i ON i.seq = shared.seq ORDER BY shared.ads DESC, i.id LIMIT @limit`);
  }

  /** Call inside one read transaction, so the parts come from one snapshot. */
  read(indicator: IndicatorRef, bucket: 'day' | 'month'): IndicatorProfile | null {
    const found = this.selectIndicator.get(indicatorIdOf(indicator));
    if (!found) return null;
    const totals = this.totals.get(found.seq);
    if (!totals || totals.ads === 0 || totals.first_seen === null || totals.last_seen === null) return null;
    const sites: IndicatorSite[] = this.sites.all(found.seq).map((row) => ({ site: row.site, ads: row.ads, firstSeen: row.first_seen, lastSeen: row.last_seen }));
    const cooccurring: CooccurringIndicator[] = this.cooccurring
      .all({ seq: found.seq, limit: maxCooccurringIndicators })
      .map((row) => ({ ...indicatorRef(row.type, row.value, row), ads: row.ads }))
      .sort((a, b) => b.ads - a.ads || compareIndicatorRefs(a, b));
    return {
      indicator,
      ads: totals.ads,
      firstSeen: totals.first_seen,
      lastSeen: totals.last_seen,
      timeline: this.timeline.all({ seq: found.seq, width: bucket === 'day' ? 10 : 7 }),
      sites,
      cooccurring,
    };
  }
}

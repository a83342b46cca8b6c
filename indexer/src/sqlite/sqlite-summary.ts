import type Database from 'better-sqlite3';
import type { IndexSummary } from '../index-store.js';

/** The store summary: totals, indicators by type, ads by site, and the attributes researchers count by. */
export class SqliteSummary {
  private readonly totals: Database.Statement<[], { ads: number; first_seen: string | null; last_seen: string | null }>;
  private readonly byType: Database.Statement<[], { type: string; n: number }>;
  private readonly bySite: Database.Statement<[], { site: string; ads: number }>;
  private readonly byLanguage: Database.Statement<[], { language: string; ads: number }>;
  private readonly byCountry: Database.Statement<[], { country: string; ads: number }>;
  private readonly byCurrency: Database.Statement<[], { currency: string; ads: number }>;
  private readonly ages: Database.Statement<[], { stated: number; under18: number | null }>;

  constructor(db: Database.Database) {
    this.totals = db.prepare('SELECT count(*) AS ads, min(first_seen) AS first_seen, max(last_seen) AS last_seen FROM ads');
    this.byType = db.prepare('SELECT type, count(*) AS n FROM indicators GROUP BY type ORDER BY type');
    this.bySite = db.prepare('SELECT site, count(*) AS ads FROM ads GROUP BY site ORDER BY ads DESC, site');
    // "en-GB" and "en" are one language to count by: the primary subtag, lowercased.
    this.byLanguage = db.prepare(`SELECT lower(CASE WHEN instr(language, '-') > 0 THEN substr(language, 1, instr(language, '-') - 1) ELSE language END) AS language,
      count(*) AS ads FROM ads WHERE language IS NOT NULL GROUP BY 1 ORDER BY ads DESC, language`);
    this.byCountry = db.prepare('SELECT location_country AS country, count(*) AS ads FROM ads WHERE location_country IS NOT NULL GROUP BY 1 ORDER BY ads DESC, country');
    this.byCurrency = db.prepare(`SELECT json_extract(price.value, '$.currency') AS currency, count(DISTINCT ads.seq) AS ads
      FROM ads, json_each(ads.prices) AS price GROUP BY 1 ORDER BY ads DESC, currency`);
    this.ages = db.prepare(`SELECT count(*) AS stated, sum(json_extract(age, '$.min') < 18) AS under18 FROM ads WHERE age IS NOT NULL`);
  }

  /** Call inside one read transaction, so the figures come from one snapshot. */
  read(): IndexSummary {
    const totals = this.totals.get()!;
    const byType = this.byType.all();
    const indicatorsByType: Record<string, number> = {};
    for (const { type, n } of byType) indicatorsByType[type] = n;
    const ages = this.ages.get()!;
    return {
      ads: totals.ads,
      indicators: byType.reduce((sum, { n }) => sum + n, 0),
      indicatorsByType,
      sites: this.bySite.all(),
      firstSeen: totals.first_seen,
      lastSeen: totals.last_seen,
      languages: this.byLanguage.all(),
      countries: this.byCountry.all(),
      currencies: this.byCurrency.all(),
      ages: { stated: ages.stated, under18: ages.under18 ?? 0 },
    };
  }
}

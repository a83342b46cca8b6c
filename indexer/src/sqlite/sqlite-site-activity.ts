import type Database from 'better-sqlite3';
import { indicatorIdOf } from '../indicator-identity.js';
import type { DomainAds, SiteActivity } from '../index-store.js';

/** Ads per site, and the ads a domain hosts or is named in. */
export class SqliteSiteActivity {
  private readonly sites: Database.Statement<[], { site: string; ads: number; first_seen: string; last_seen: string }>;
  private readonly hosted: Database.Statement<{ domain: string; dottedDomain: string }, { n: number }>;
  private readonly mentioning: Database.Statement<[string], { n: number }>;

  constructor(db: Database.Database) {
    this.sites = db.prepare('SELECT site, count(*) AS ads, min(first_seen) AS first_seen, max(last_seen) AS last_seen FROM ads GROUP BY site ORDER BY ads DESC, site');
    // A suffix compared with substr, not LIKE: "_" in a name would be a LIKE wildcard.
    this.hosted = db.prepare(`SELECT count(*) AS n FROM ads
      WHERE site = @domain OR (length(site) > length(@dottedDomain) AND substr(site, -length(@dottedDomain)) = @dottedDomain)`);
    this.mentioning = db.prepare('SELECT count(*) AS n FROM ad_indicators WHERE indicator_seq = (SELECT seq FROM indicators WHERE id = ?)');
  }

  listSites(): SiteActivity[] {
    return this.sites.all().map((row) => ({ site: row.site, ads: row.ads, firstSeen: row.first_seen, lastSeen: row.last_seen }));
  }

  /** `domain` is normalised (lowercase, no trailing dot). Call inside one read transaction. */
  domainAds(domain: string): DomainAds {
    return {
      domain,
      hosted: this.hosted.get({ domain, dottedDomain: `.${domain}` })?.n ?? 0,
      mentioning: this.mentioning.get(indicatorIdOf({ type: 'domain', value: domain }))?.n ?? 0,
    };
  }
}

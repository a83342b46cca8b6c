import type { AdAge, AdExtracted, AdLocation, AdPrice, IndicatorType, Provenance, ProvenanceSource } from '@indicia/core';

/**
 * The index port. SQLite (embedded mode) and Elasticsearch (distributed mode) implement it and
 * both must pass `runIndexStoreContract`, so the CLI and the console never know which one they hold.
 */
export interface IndexStore {
  readonly kind: 'sqlite' | 'elasticsearch';
  /** Upsert by deterministic ids; idempotent: the same ad.extracted twice changes nothing. */
  upsertAds(ads: AdExtracted[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchPage>;
  getAd(adId: string): Promise<StoredAd | null>;
  /** Every ad (or one site's), ordered by id, read page by page so a large index streams. */
  exportAds(options?: ExportOptions): AsyncIterable<ExportedAd>;
  summary(): Promise<IndexSummary>;
  close(): Promise<void>;
}

export interface ExportOptions {
  site?: string;
}

export interface SearchQuery {
  /** Full-text over title + text. Words are ANDed; a trailing `*` makes a word a prefix. No FTS syntax is interpreted. */
  text?: string;
  /** Already normalised to E.164 (the CLI normalises). */
  phone?: string;
  /** Lowercased (the store lowercases again to be safe). */
  email?: string;
  handle?: { platform: string; value: string };
  /** The ad location's country, ISO 3166-1 alpha-2. */
  country?: string;
  site?: string;
  /** Page size, 1..1000; default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** An indicator as it is named in results: what it is, without where it was read. */
export interface IndicatorRef {
  type: IndicatorType;
  value: string;
  platform?: string;
  chain?: string;
}

export interface SearchHit {
  adId: string;
  url: string;
  site: string;
  title: string;
  /** Plain text around the match, the match wrapped in «». */
  snippet: string;
  firstSeen: string;
  lastSeen: string;
  /** The indicators the query asked for (empty for a text-only query). */
  matched: IndicatorRef[];
  /** Every indicator the ad has held in any version. */
  indicators: IndicatorRef[];
  location: AdLocation | null;
  postedAt: string | null;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
  /**
   * True when a text query matched more ads than the store ranks and counts (the SQLite store
   * looks at the most recently indexed matches only, to keep common words fast): `total` is then
   * a lower bound and the hits come from those recent matches. Indicator-only queries are exact.
   */
  totalIsLowerBound?: boolean;
}

/** One indicator in the export contract: where it was first read in the ad's latest capture holding it. */
export interface ExportedIndicator extends IndicatorRef {
  raw: string;
  source: ProvenanceSource;
}

/** The stable export contract (JSONL/CSV): exactly these keys. Attributes are the latest capture's. */
export interface ExportedAd {
  id: string;
  url: string;
  site: string;
  title: string;
  text: string;
  firstSeen: string;
  lastSeen: string;
  indicators: ExportedIndicator[];
  location: AdLocation | null;
  language: string | null;
  age: AdAge | null;
  prices: AdPrice[];
}

/** A version of an ad is one content hash; `captureId` is the earliest capture that showed it. */
export interface AdVersion {
  contentHash: string;
  captureId: string;
  firstSeen: string;
  lastSeen: string;
}

/** An indicator linked to a stored ad, with when the ad showed it and where it was read. */
export interface StoredAdIndicator extends ExportedIndicator {
  firstSeen: string;
  lastSeen: string;
  /** The provenance from the latest capture (by fetchedAt) that held the indicator. */
  provenance: Provenance[];
}

export interface StoredAd extends ExportedAd {
  canonicalUrl: string;
  contentHash: string;
  latestCaptureId: string;
  postedAt: string | null;
  /** Oldest first. */
  versions: AdVersion[];
  indicators: StoredAdIndicator[];
}

export interface IndexSummary {
  ads: number;
  indicators: number;
  indicatorsByType: Record<string, number>;
  /** Most ads first. */
  sites: Array<{ site: string; ads: number }>;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Ads by language (BCP 47 primary subtag, "en-GB" counts as "en"), most ads first; ads without one are left out. */
  languages: Array<{ language: string; ads: number }>;
  /** Ads by their location's country (ISO 3166-1 alpha-2), most ads first. */
  countries: Array<{ country: string; ads: number }>;
  /** Ads stating a price in each currency (ISO 4217), most ads first; an ad counts once per currency. */
  currencies: Array<{ currency: string; ads: number }>;
  /** Ads stating an age, and those whose stated age (the low end of a range) is under 18. */
  ages: { stated: number; under18: number };
}

import type { RegistrationHistory } from './registrations/registration-history.js';
import type { AdAge, AdExtracted, AdImage, AdLocation, AdPrice, IndicatorType, Provenance, ProvenanceSource } from '@indicia/core';

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
  /**
   * Ads showing an image near the given one: the same bytes (sha256) first, then perceptual hashes
   * within `maxDistance` bits, closest first, then most recently seen. Exact, not approximate.
   */
  findSimilarImages(query: ImageSimilarityQuery): Promise<ImageMatchPage>;
  /** Every ad (or one site's), ordered by id, read page by page so a large index streams. */
  exportAds(options?: ExportOptions): AsyncIterable<ExportedAd>;
  summary(): Promise<IndexSummary>;
  /**
   * What the index knows of one indicator: how many ads hold it, when, on which sites, and which
   * indicators share ads with it. Null when no ad holds it. Times are those of the (ad, indicator)
   * links: when each ad first and last showed this indicator.
   */
  indicatorProfile(indicator: IndicatorRef, options?: IndicatorProfileOptions): Promise<IndicatorProfile | null>;
  /** Every site with ads, most ads first (ties by name). */
  listSites(): Promise<SiteActivity[]>;
  /**
   * The ads a domain (a registrable domain, e.g. from a WHOIS record) is tied to: hosted on it or
   * one of its subdomains (the ad's site), and holding it as a `domain` indicator.
   */
  domainAds(domain: string): Promise<DomainAds>;
  /** The WHOIS/RDAP and DNS history the pivot stage records, in the same store as the ads. */
  readonly registrations: RegistrationHistory;
  close(): Promise<void>;
}

/**
 * Hamming distance at or under which two 64-bit perceptual hashes are taken for the same picture.
 * The same value as the extractor's `nearDuplicateMaxDistance` (the CLI's tests check they agree);
 * the indexer may not import the extractor, so it is restated here.
 */
export const defaultImageMaxDistance = 10;

export interface ImageSimilarityQuery {
  /** 64-bit perceptual hash (dHash) of the picture, 16 hex digits; null when only exact bytes can match. */
  perceptualHash: string | null;
  /** sha256 of the picture's bytes: ads holding these very bytes come first (distance 0, `exact`). */
  sha256?: string;
  /** 0..64; default `defaultImageMaxDistance`. */
  maxDistance?: number;
  /** Page size, 1..1000; default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** One of an ad's images that matched, and how close it is. */
export interface MatchedImage {
  sha256: string;
  url: string;
  perceptualHash: string | null;
  /** Hamming distance to the query hash; 0 for the same bytes. */
  distance: number;
  /** The same bytes as the query (sha256). */
  exact: boolean;
}

export interface ImageMatch {
  adId: string;
  url: string;
  site: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  /** The smallest distance among the matching images (0 for an exact match). */
  distance: number;
  exact: boolean;
  /** The ad's matching images, closest first. */
  images: MatchedImage[];
}

export interface ImageMatchPage {
  /** Ads with at least one matching image. */
  total: number;
  matches: ImageMatch[];
}

export interface ExportOptions {
  site?: string;
}

export interface SearchQuery {
  /**
   * Full-text over title, text and the OCR text of the images of the ad's latest capture. Words are
   * ANDed across them; a trailing `*` makes a word a prefix. No FTS syntax is interpreted.
   */
  text?: string;
  /** Already normalised to E.164 (the CLI normalises). */
  phone?: string;
  /** Lowercased (the store lowercases again to be safe). */
  email?: string;
  handle?: { platform: string; value: string };
  /**
   * Any indicator by its identity (crypto addresses, domains, URLs... as well as the above), as
   * results name it (`IndicatorRef`); ANDed with the others. Phones must be E.164 already.
   */
  indicator?: IndicatorRef;
  /** The ad location's country, ISO 3166-1 alpha-2. */
  country?: string;
  site?: string;
  /**
   * Ads seen within a range: lastSeen ≥ seenFrom and firstSeen ≤ seenTo. ISO 8601 date
   * ("2024-05-01": from the start of that UTC day; as `seenTo`, to its end) or date-time (with Z
   * or an offset). Either end may be left open. A malformed value is a UsageError.
   */
  seenFrom?: string;
  seenTo?: string;
  /**
   * Ads that began to match strictly after this time (a watchlist's "new since the last visit"):
   * first seen after it, or, with indicator conditions, holding one of those indicators only since
   * after it (an old ad that newly shows a watched phone). ISO 8601 as above; a bare date means
   * after that whole UTC day.
   */
  matchedAfter?: string;
  /** Ads holding at least one indicator of this type. */
  indicatorType?: IndicatorType;
  /**
   * Also count the whole match set by site, country and indicator type (`SearchPage.facets`).
   * For a text query the counts cover the same bounded set `total` does (`totalIsLowerBound`).
   */
  facets?: boolean;
  /** Page size, 1..1000; default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** How many matching ads have one value of a facet. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Most values a facet lists (the most frequent). */
export const maxFacetValues = 100;

/**
 * Counts over the whole match set (not just the page), each most ads first, ties by value, at most
 * `maxFacetValues` each. `types` counts ads holding at least one indicator of each type; ads
 * without a country are left out of `countries`.
 */
export interface SearchFacets {
  sites: FacetCount[];
  countries: FacetCount[];
  types: FacetCount[];
}

export interface IndicatorProfileOptions {
  /** The timeline's period: a UTC day ("2024-05-01", the default) or month ("2024-05"). */
  bucket?: 'day' | 'month';
}

/** Ads that first showed the indicator within one period. */
export interface TimelinePoint {
  /** "YYYY-MM-DD" or "YYYY-MM" (UTC). */
  period: string;
  ads: number;
}

export interface IndicatorSite {
  site: string;
  ads: number;
  firstSeen: string;
  lastSeen: string;
}

/** An indicator seen in the same ads as the profiled one; `ads` is how many ads they share. */
export interface CooccurringIndicator extends IndicatorRef {
  ads: number;
}

/** Most co-occurring indicators a profile lists. */
export const maxCooccurringIndicators = 50;

export interface IndicatorProfile {
  indicator: IndicatorRef;
  /** Ads holding the indicator (in any version). */
  ads: number;
  firstSeen: string;
  lastSeen: string;
  /** Ascending; periods without ads are left out. Counts add up to `ads`. */
  timeline: TimelinePoint[];
  /** Most ads first, ties by site. */
  sites: IndicatorSite[];
  /**
   * The `maxCooccurringIndicators` indicators sharing the most ads with it (ties: the lower
   * indicator id is kept), listed most shared first, then by type, qualifier and value.
   */
  cooccurring: CooccurringIndicator[];
}

export interface SiteActivity {
  site: string;
  ads: number;
  firstSeen: string;
  lastSeen: string;
}

export interface DomainAds {
  domain: string;
  /** Ads whose site is the domain or one of its subdomains. */
  hosted: number;
  /** Ads holding the domain as a `domain` indicator. */
  mentioning: number;
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
  /** Where the snippet comes from: the ad's text (or title), or the OCR text of one of its images. */
  snippetSource: 'text' | 'ocr';
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
  /** Present when the query asked for `facets`. */
  facets?: SearchFacets;
}

/** One indicator in the export contract: where it was first read in the ad's latest capture holding it. */
export interface ExportedIndicator extends IndicatorRef {
  raw: string;
  source: ProvenanceSource;
}

/** An image as the export and the ad detail name it: what it is and what OCR read (the AdImage shape). */
export type ExportedImage = AdImage;

/**
 * The stable export contract (JSONL/CSV): exactly these keys. Attributes are the latest capture's;
 * indicators and images are every one the ad has shown in any capture. New keys are appended.
 */
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
  /** Oldest first (by when the ad first showed it), then by sha256. */
  images: ExportedImage[];
  /** The latest capture needed a browser that was not available: what was read may be incomplete. */
  needsBrowser: boolean;
  /** The latest capture was read only in part (cut at a size cap). */
  truncated: boolean;
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

/** An image linked to a stored ad: its fields (url, OCR) are from the latest capture that showed it. */
export interface StoredAdImage extends ExportedImage {
  firstSeen: string;
  lastSeen: string;
  /** The latest capture that showed it. */
  captureId: string;
}

export interface StoredAd extends ExportedAd {
  canonicalUrl: string;
  contentHash: string;
  latestCaptureId: string;
  postedAt: string | null;
  /** Oldest first. */
  versions: AdVersion[];
  indicators: StoredAdIndicator[];
  images: StoredAdImage[];
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

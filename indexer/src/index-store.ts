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

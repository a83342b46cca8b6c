import type { ExportedAd, SearchQuery, StoredAd } from '@indicia/indexer';

/**
 * What the console needs but may not import (DESIGN.md: console imports core, indexer and pivot
 * only). The CLI, the composition root, passes them in.
 */

export interface QueryInput {
  /** The one search box: a phone in any format, an email, a handle (`@x`, `platform:x`), else text. */
  text?: string;
  site?: string;
  country?: string;
  limit?: number;
  offset?: number;
}

export interface ReadAs {
  as: 'phone' | 'email' | 'handle' | 'text';
  value: string;
}

export interface InterpretedQuery {
  query: SearchQuery;
  readAs: ReadAs[];
  /** A national number valid in several countries: every E.164 reading, `query.phone` first. */
  phoneReadings: string[];
}

/** Reads what was typed in the search box (the extractor's normalisers); throws UsageError when it cannot. */
export type InterpretQuery = (input: QueryInput) => InterpretedQuery;

/** One capture of an ad as the evidence on disk records it. */
export interface CaptureSummary {
  captureId: string;
  url: string;
  fetchedAt: string;
  status: number;
  /** The proxy the fetch went through (credentials redacted); null for a direct fetch. */
  proxy: string | null;
  mode: 'http' | 'browser';
  /** sha256 of the response body as stored. */
  sha256: string;
  /** The WARC file holding the capture's records, relative to the data dir; absent when the custody log has no entry for it. */
  warcFile?: string;
  hasScreenshot: boolean;
  hasHtml: boolean;
}

/** Reads captures from the evidence store (blobs, crawl records) of the data directory. */
export interface EvidenceReader {
  /** Every capture of the ad the evidence holds, oldest first. */
  capturesOf(ad: StoredAd): Promise<CaptureSummary[]>;
  /** PNG bytes; null when the capture has no screenshot. */
  screenshot(captureId: string): Promise<Buffer | null>;
  /** The captured body and its declared charset; null when the capture is unknown or not HTML. */
  capturedHtml(captureId: string): Promise<{ bytes: Buffer; charset: string | null } | null>;
  /** Stored bytes by sha256; null when absent. */
  blob(sha256: string): Promise<Buffer | null>;
}

/** The CSV layout of `indicia export --format csv`, so a console download has the same columns. */
export interface AdTableFormat {
  header: readonly string[];
  cells(ad: ExportedAd): string[];
}

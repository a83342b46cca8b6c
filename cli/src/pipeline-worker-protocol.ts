import type { DeadLetter } from '@indicia/core';
import type { SiteConfig } from '@indicia/extractor';
import type { IndexSummary } from '@indicia/indexer';
import type { PivotSettings, PivotStageCounts } from '@indicia/pivot';

/** What the processing worker is started with. */
export interface ProcessingWorkerData {
  indexPath: string;
  siteConfigs: SiteConfig[];
  defaultCountry: string | null;
  /** Worker threads the extract stage runs on, beside this one; 0 extracts in this thread. */
  extractWorkers: number;
  /** tesseract.js workers reading the pages' images. */
  ocrWorkers: number;
  runId: string;
  /** The run's JSON-lines log file, or null to log to stderr. */
  logFile: string | null;
  pivot: PivotSettings;
  /** Where the pivot stage keeps a refreshed RDAP bootstrap (the data directory). */
  pivotCacheDir: string;
}

/** Crawler thread → worker. */
export type ToWorker =
  | { kind: 'capture'; envelope: string }
  | { kind: 'drain' }
  | { kind: 'close' };

/** Worker → crawler thread. */
export type FromWorker =
  | { kind: 'settled'; captureId: string; ads: number; indicators: number }
  | { kind: 'dead-letter'; deadLetter: DeadLetter }
  | { kind: 'drained' }
  | { kind: 'failed'; error: string }
  | { kind: 'closed'; summary: IndexSummary; pivot: PivotStageCounts };

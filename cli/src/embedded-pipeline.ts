import { createWriteStream } from 'node:fs';
import { createEnvelope, type Logger, type PageCaptured } from '@indicia/core';
import { CaptureLedger, HttpCrawl, type CrawlProgress, type CrawlSettings, type CrawlSummary } from '@indicia/crawler';
import type { SiteConfig } from '@indicia/extractor';
import type { IndexSummary } from '@indicia/indexer';
import type { PivotSettings, PivotStageCounts } from '@indicia/pivot';
import { prepareDataDir } from './data-dir.js';
import { ProcessingWorker } from './processing-worker.js';

export interface EmbeddedCrawlOptions {
  settings: CrawlSettings;
  siteConfigs: SiteConfig[];
  defaultCountry: string | null;
  /** Worker threads extraction runs on, beside the crawler and indexing threads. */
  extractWorkers: number;
  /** tesseract.js workers reading the pages' images. */
  ocrWorkers: number;
  /** The pivot stage: WHOIS/RDAP and DNS of every domain seen. */
  pivot: PivotSettings;
  runId: string;
  log: Logger;
  /** The run's JSON-lines log file (the processing thread appends to it), or null for stderr. */
  logFile: string | null;
  onProgress?: (progress: PipelineProgress) => void;
  /** Aborting stops taking new pages; what is in flight finishes and is indexed. */
  signal?: AbortSignal;
}

export interface PipelineProgress extends CrawlProgress {
  /** Distinct ads and indicators extracted in this run so far. */
  ads: number;
  indicators: number;
}

export interface EmbeddedCrawlResult {
  runId: string;
  crawl: CrawlSummary;
  /** Captures from an earlier, interrupted run whose processing had not finished; processed now. */
  replayed: number;
  adsThisRun: number;
  indicatorsThisRun: number;
  deadLetters: number;
  index: IndexSummary;
  /** What the pivot stage looked up (and skipped) in this run. */
  pivot: PivotStageCounts;
  durationMs: number;
}

/**
 * The embedded pipeline, one process: the crawler on the main thread, extract → index (SQLite) on
 * an in-memory transport in a worker thread, so crawling and processing use both cores.
 *
 * Nothing captured is lost when the process dies: the crawler marks a page done only once its
 * capture has been handed over and recorded (a page killed before that is fetched again); the
 * worker's transport reports when a capture's whole trace (extraction and indexing) has settled,
 * and the ledger marks it so. On the next run, captures that never settled are replayed before
 * crawling resumes; the index upserts by deterministic ids, so a replay never duplicates.
 */
export async function runEmbeddedCrawl(options: EmbeddedCrawlOptions): Promise<EmbeddedCrawlResult> {
  const startedAt = Date.now();
  const { settings, runId, log } = options;
  const layout = prepareDataDir(settings.dataDir);
  const ledger = CaptureLedger.open(settings.dataDir);
  const deadLetterLog = createWriteStream(layout.deadLetters, { flags: 'a' });
  let deadLetters = 0;
  const processing = new ProcessingWorker(
    { indexPath: layout.index, siteConfigs: options.siteConfigs, defaultCountry: options.defaultCountry, extractWorkers: options.extractWorkers, ocrWorkers: options.ocrWorkers, runId, logFile: options.logFile, pivot: options.pivot, pivotCacheDir: settings.dataDir },
    {
      onSettled: (captureId) => ledger.markSettled(captureId),
      onDeadLetter: (deadLetter) => {
        deadLetters++;
        log.warn({ group: deadLetter.group, type: deadLetter.envelope?.type, traceId: deadLetter.envelope?.traceId, error: deadLetter.error, attempts: deadLetter.attempts }, 'message dead-lettered');
        deadLetterLog.write(`${JSON.stringify(deadLetter)}\n`);
      },
    },
  );
  const publishCapture = (capture: PageCaptured, producer: string) =>
    processing.publish(createEnvelope('page.captured', capture, { runId, producer, id: capture.captureId }));

  let closed = false;
  try {
    let replayed = 0;
    for (const capture of ledger.unsettled()) {
      await publishCapture(capture, 'replay');
      replayed++;
    }
    if (replayed > 0) log.info({ replayed }, 'replayed captures an interrupted run had not finished processing');

    const crawl = new HttpCrawl(
      settings,
      {
        log,
        onCapture: (capture) => publishCapture(capture, 'crawl'),
        onProgress: (progress) => options.onProgress?.({ ...progress, ...processing.extracted }),
      },
      runId,
    );
    const stop = () => void crawl.stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    const crawlSummary = await crawl.run();
    options.signal?.removeEventListener('abort', stop);
    await processing.drain();
    const extracted = processing.extracted;
    closed = true;
    const { index, pivot } = await processing.close();
    return {
      runId,
      crawl: crawlSummary,
      replayed,
      adsThisRun: extracted.ads,
      indicatorsThisRun: extracted.indicators,
      deadLetters,
      index,
      pivot,
      durationMs: Date.now() - startedAt,
    };
  } finally {
    if (!closed) await processing.close().catch(() => undefined);
    ledger.close();
    await new Promise<void>((resolve) => deadLetterLog.end(resolve));
  }
}

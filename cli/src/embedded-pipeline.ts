import { createWriteStream } from 'node:fs';
import { InMemoryTransport, attachStage, createEnvelope, type Logger, type PageCaptured } from '@indicia/core';
import { CaptureLedger, HttpCrawl, type CrawlProgress, type CrawlSettings, type CrawlSummary } from '@indicia/crawler';
import { createExtractStage, type SiteConfig } from '@indicia/extractor';
import { SqliteIndexStore, createIndexStage, type IndexSummary } from '@indicia/indexer';
import { prepareDataDir } from './data-dir.js';

export interface EmbeddedCrawlOptions {
  settings: CrawlSettings;
  siteConfigs: SiteConfig[];
  defaultCountry: string | null;
  runId: string;
  log: Logger;
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
  durationMs: number;
}

/**
 * The embedded pipeline, one process: crawler → in-memory transport → extract → index (SQLite).
 *
 * Nothing captured is lost when the process dies: the crawler records each capture before it is
 * published, the transport reports when a capture's whole trace (extraction and indexing) has
 * settled, and the ledger marks it so. On the next run, captures that never settled are replayed
 * before crawling resumes; the index upserts by deterministic ids, so a replay never duplicates.
 */
export async function runEmbeddedCrawl(options: EmbeddedCrawlOptions): Promise<EmbeddedCrawlResult> {
  const startedAt = Date.now();
  const { settings, runId, log } = options;
  const layout = prepareDataDir(settings.dataDir);
  const store = SqliteIndexStore.open(layout.index);
  const ledger = CaptureLedger.open(settings.dataDir);
  const transport = new InMemoryTransport();
  const deadLetterLog = createWriteStream(layout.deadLetters, { flags: 'a' });
  let deadLetters = 0;
  const adsSeen = new Set<string>();
  const indicatorsSeen = new Set<string>();

  transport.onTraceSettled((captureId) => ledger.markSettled(captureId));
  transport.onDeadLetter((deadLetter) => {
    deadLetters++;
    log.warn({ group: deadLetter.group, type: deadLetter.envelope.type, traceId: deadLetter.envelope.traceId, error: deadLetter.error, attempts: deadLetter.attempts }, 'message dead-lettered');
    deadLetterLog.write(`${JSON.stringify(deadLetter)}\n`);
  });
  const extractStage = createExtractStage({ siteConfigs: options.siteConfigs, defaultCountry: options.defaultCountry ?? undefined });
  // The index stage batches the ads of the messages it holds into one transaction, so it needs
  // many messages in hand at once: one per transaction gave ~1,000 ads/s, 64 gave ~3,000.
  const indexStage = createIndexStage(store);
  attachStage(extractStage, transport, { runId, log, concurrency: 2 });
  attachStage(indexStage, transport, { runId, log, concurrency: 64 });
  transport.subscribe(
    'ad.extracted',
    async (message) => {
      adsSeen.add(message.payload.adId);
      for (const indicator of message.payload.indicators) indicatorsSeen.add(`${indicator.type}\u0000${indicator.platform ?? indicator.chain ?? ''}\u0000${indicator.value}`);
    },
    { group: 'progress' },
  );

  const publishCapture = (capture: PageCaptured, producer: string) =>
    transport.publish(createEnvelope('page.captured', capture, { runId, producer, id: capture.captureId }));

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
        onProgress: (progress) => options.onProgress?.({ ...progress, ads: adsSeen.size, indicators: indicatorsSeen.size }),
      },
      runId,
    );
    const stop = () => void crawl.stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    const crawlSummary = await crawl.run();
    options.signal?.removeEventListener('abort', stop);
    await transport.drain();
    return {
      runId,
      crawl: crawlSummary,
      replayed,
      adsThisRun: adsSeen.size,
      indicatorsThisRun: indicatorsSeen.size,
      deadLetters,
      index: await store.summary(),
      durationMs: Date.now() - startedAt,
    };
  } finally {
    await transport.close();
    await extractStage.close?.();
    await indexStage.close?.();
    ledger.close();
    await store.close();
    await new Promise<void>((resolve) => deadLetterLog.end(resolve));
  }
}

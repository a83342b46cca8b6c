import { createLogger, type Logger, type Stage } from '@indicia/core';
import { createCrawlRequestStage, type CrawlSettings } from '@indicia/crawler';
import { createExtractStage } from '@indicia/extractor';
import { ElasticsearchIndexStore, createIndexStage } from '@indicia/indexer';
import { crawlConfig, readConfigFile } from '../crawl-config.js';
import { crawlFlagsToConfig } from '../commands/crawl-flags.js';
import type { WorkerFlags } from '../commands/worker.js';
import { prepareDataDir, resolveDataDir } from '../data-dir.js';
import { resolveDistributed } from './distributed-config.js';
import { runWorker } from './run-worker.js';

/** Ads gathered into one bulk request by the index worker, by default. */
const defaultIndexBatch = 256;

function workerLogger(flags: WorkerFlags, kind: string): Logger {
  // A worker is a long-running service: its JSON log goes to stderr, as services' logs do.
  return createLogger({ level: flags.verbose ? 'debug' : (process.env.INDICIA_LOG_LEVEL ?? 'info') }).child({ worker: kind });
}

function resolveCrawlConfig(flags: WorkerFlags) {
  return crawlConfig.resolve({ flags: crawlFlagsToConfig(flags), env: process.env, file: readConfigFile(flags.config) });
}

export async function runCrawlWorker(flags: WorkerFlags): Promise<void> {
  const distributed = resolveDistributed(flags, { needsEs: false });
  const dataDir = resolveDataDir(flags.data);
  prepareDataDir(dataDir);
  const log = workerLogger(flags, 'crawl');
  const { values } = resolveCrawlConfig(flags);
  const { defaultCountry: _country, sites: _sites, extractWorkers: _extract, ocrWorkers: _ocr, ...crawlerValues } = values;
  const settings: Omit<CrawlSettings, 'seeds'> = { ...crawlerValues, dataDir };
  log.info({ dataDir, config: crawlConfig.redact(values), kafka: distributed.kafka, topicPrefix: distributed.topicPrefix }, 'effective configuration');
  const stage = await createCrawlRequestStage({ settings, workerId: `crawl-${process.pid}`, log });
  await runWorker({
    kind: 'crawl',
    stage,
    concurrency: settings.concurrency,
    distributed,
    log,
    // A page is tried as often, and waited for as long, as in an embedded crawl (--retries, backoff).
    retries: { maxAttempts: settings.maxRetries + 1, retryBaseMs: settings.retryBackoffMs },
    describe: () => {
      const progress = stage.progress();
      return `${progress.captured} pages · ${progress.failed} failed · robots-blocked ${progress.skippedByRobots} · data ${dataDir}`;
    },
  });
}

export async function runExtractWorker(flags: WorkerFlags): Promise<void> {
  const distributed = resolveDistributed(flags, { needsEs: false });
  const log = workerLogger(flags, 'extract');
  const { values } = resolveCrawlConfig(flags);
  log.info({ defaultCountry: values.defaultCountry, extractWorkers: values.extractWorkers, ocrWorkers: values.ocrWorkers, sites: values.sites.length, kafka: distributed.kafka }, 'effective configuration');
  const stage = createExtractStage({
    siteConfigs: values.sites,
    defaultCountry: values.defaultCountry ?? undefined,
    workers: values.extractWorkers,
    ocr: { workers: values.ocrWorkers },
  });
  // Two pages in hand per extraction thread keep each busy while the last result travels back.
  await runWorker({ kind: 'extract', stage, concurrency: Math.max(2, 2 * values.extractWorkers), distributed, log });
}

export async function runIndexWorker(flags: WorkerFlags): Promise<void> {
  const distributed = resolveDistributed(flags, { needsEs: true });
  const log = workerLogger(flags, 'index');
  const batch = flags.indexConcurrency ?? defaultIndexBatch;
  log.info({ es: distributed.es, esPrefix: distributed.esPrefix, batch, kafka: distributed.kafka }, 'effective configuration');
  // Writes become searchable within the indices' refresh interval (1 s) instead of each bulk
  // waiting for a refresh, which would cap a worker at one batch per interval.
  const store = await ElasticsearchIndexStore.open({ node: distributed.es!, indexPrefix: distributed.esPrefix, refresh: 'none', log });
  const indexStage = createIndexStage(store, { batchSize: batch });
  const stage: Stage<'ad.extracted'> = {
    ...indexStage,
    async close() {
      await indexStage.close?.();
      await store.close();
    },
  };
  // The index stage gathers the messages in hand into one bulk request: as many in hand as a batch.
  await runWorker({ kind: 'index', stage, concurrency: batch, distributed, log });
}

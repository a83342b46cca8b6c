import { createCrawlRequestStage, type CrawlSettings } from '@indicia/crawler';
import { createExtractStage } from '@indicia/extractor';
import { crawlConfig, readConfigFile, splitCrawlConfig } from '../crawl-config.js';
import { crawlFlagsToConfig } from '../commands/crawl-flags.js';
import type { WorkerFlags } from '../commands/worker.js';
import { prepareDataDir, resolveDataDir } from '../data-dir.js';
import { resolveDistributed } from './distributed-config.js';
import { runWorker } from './run-worker.js';
import { workerLogger } from './worker-logger.js';

function resolveCrawlConfig(flags: WorkerFlags) {
  return crawlConfig.resolve({ flags: crawlFlagsToConfig(flags), env: process.env, file: readConfigFile(flags.config) });
}

export async function runCrawlWorker(flags: WorkerFlags): Promise<void> {
  const distributed = resolveDistributed(flags, { needsEs: false });
  const dataDir = resolveDataDir(flags.data);
  prepareDataDir(dataDir);
  const log = workerLogger(flags, 'crawl');
  const { values } = resolveCrawlConfig(flags);
  // The crawler's own settings: the extraction and pivot ones belong to other workers.
  const settings: Omit<CrawlSettings, 'seeds'> = { ...splitCrawlConfig(values).crawler, dataDir };
  log.info({ dataDir, config: crawlConfig.redact(values), kafka: distributed.kafka, topicPrefix: distributed.topicPrefix }, 'effective configuration');
  const stage = await createCrawlRequestStage({ settings, workerId: `crawl-${process.pid}`, log });
  await runWorker({
    kind: 'crawl',
    stages: [{ stage, concurrency: settings.concurrency }],
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
  // As many pages in hand as the pool batches per thread: each always has the next batch waiting.
  await runWorker({ kind: 'extract', stages: [{ stage, concurrency: stage.concurrency }], distributed, log });
}

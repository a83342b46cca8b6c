import { UsageError, newRunId } from '@indicia/core';
import { canonicalizeUrl, type CrawlSettings } from '@indicia/crawler';
import { crawlConfig, readConfigFile, splitCrawlConfig } from './crawl-config.js';
import { crawlFlagsToConfig, type CrawlFlagValues } from './commands/crawl-flags.js';
import { prepareDataDir, resolveDataDir } from './data-dir.js';
import { runEmbeddedCrawl, type EmbeddedCrawlResult } from './embedded-pipeline.js';
import { ProgressLine } from './progress-line.js';
import { createRunLogger } from './run-logger.js';

export interface CrawlRequest {
  seeds: string[];
  flags: CrawlFlagValues;
  /** Settings the command fixes whatever the flags say (the demo's proxy, say). */
  overrides?: Record<string, unknown>;
  /** The command's own defaults: below flags, env and the config file. */
  defaults?: Record<string, unknown>;
  /** Shown before the crawl starts, on stderr. */
  banner?: string;
}

export interface CrawlOutcome {
  result: EmbeddedCrawlResult;
  logLocation: string;
  dataDir: string;
}

/** Resolves configuration, runs the embedded pipeline with live progress, and returns the result. */
export async function runCrawlRequest(request: CrawlRequest): Promise<CrawlOutcome> {
  const seeds = request.seeds.map((seed) => {
    try {
      return canonicalizeUrl(seed);
    } catch {
      throw new UsageError(`not a crawlable URL: ${seed} (give a full http:// or https:// URL)`);
    }
  });
  if (seeds.length === 0) throw new UsageError('give at least one URL to crawl');
  const dataDir = resolveDataDir(request.flags.data);
  const file = readConfigFile(request.flags.config);
  const { values, sources } = crawlConfig.resolve({
    flags: { ...crawlFlagsToConfig(request.flags), ...request.overrides },
    env: process.env,
    file: { ...request.defaults, ...file },
  });
  const runId = newRunId();
  const layout = prepareDataDir(dataDir);
  const { log, location } = createRunLogger({ toStderr: Boolean(request.flags.verbose), logsDir: layout.logs, runId });
  log.info({ runId, seedCount: seeds.length, dataDir, config: crawlConfig.redact(values), sources }, 'effective configuration');

  const { crawler, processing, pivot: pivotSettings } = splitCrawlConfig(values);
  const { defaultCountry, sites, extractWorkers, ocrWorkers } = processing;
  const settings: CrawlSettings = { ...crawler, seeds, dataDir };
  if (request.banner) process.stderr.write(`${request.banner}\n`);
  if (!values.respectRobotsTxt) process.stderr.write('note: robots.txt is ignored for this run (recorded with the run)\n');

  const progress = new ProgressLine();
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      progress.finish();
      process.stderr.write('stopping: finishing pages in flight and indexing them (Ctrl-C again to quit at once; the next run resumes)\n');
      abort.abort();
    } else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runEmbeddedCrawl({
      settings,
      siteConfigs: sites,
      defaultCountry,
      extractWorkers,
      ocrWorkers,
      pivot: pivotSettings,
      runId,
      log,
      logFile: location === 'stderr' ? null : location,
      signal: abort.signal,
      onProgress: (p) => progress.update(p),
    });
    progress.finish();
    log.info({ runId, captured: result.crawl.captured, failed: result.crawl.failed, ads: result.index.ads }, 'run finished');
    return { result, logLocation: location, dataDir };
  } finally {
    progress.finish();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    log.flush();
  }
}

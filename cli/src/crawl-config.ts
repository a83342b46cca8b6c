import { readFileSync } from 'node:fs';
import { UsageError, assertKnownKeys, defineConfig, z, type ConfigFields } from '@indicia/core';
import { crawlConfig as crawlerConfig } from '@indicia/crawler';
import { siteConfigSchema } from '@indicia/extractor';
import { pivotConfig, type PivotSettings } from '@indicia/pivot';
import type { CrawlSettings } from '@indicia/crawler';
import { extractWorkersField, ocrWorkersField } from './extract-workers-setting.js';

/** The flag that sets each crawler field (fields without one are set by env or config file only). */
const crawlerFlags: Record<string, string> = {
  proxyUrl: '--proxy',
  proxyWaitMs: '--proxy-wait',
  maxPages: '--max-pages',
  maxDepth: '--max-depth',
  allow: '--allow',
  deny: '--deny',
  concurrency: '--concurrency',
  perHostConcurrency: '--per-host-concurrency',
  perHostDelayMs: '--delay',
  respectRobotsTxt: '--ignore-robots',
  maxResponseBytes: '--max-response-bytes',
  requestTimeoutMs: '--timeout',
  maxRetries: '--retries',
  recrawl: '--recrawl',
  retryFailed: '--retry-failed',
  mode: '--mode',
  browserExecutable: '--browser',
  images: '--no-images',
  operator: '--operator',
  caseId: '--case',
};

/** The crawler owns its settings, defaults and env vars; seeds and data dir come from the command line. */
const { seeds: _seeds, dataDir: _dataDir, ...crawlerFields } = crawlerConfig.fields;

function withFlags<F extends ConfigFields>(fields: F): F {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, { ...field, flag: crawlerFlags[key] }])) as F;
}

/**
 * Everything `indicia crawl` can be told. Flags beat the environment, which beats the --config
 * file, which beats the defaults.
 */
export const crawlConfig = defineConfig({
  ...withFlags(crawlerFields),
  defaultCountry: {
    flag: '--country',
    schema: z.string().length(2).toUpperCase().nullable().default(null),
    env: 'INDICIA_DEFAULT_COUNTRY',
    description: 'country for national phone numbers when a page does not tell',
  },
  extractWorkers: extractWorkersField('--extract-workers'),
  ocrWorkers: ocrWorkersField('--ocr-workers'),
  sites: { schema: z.array(siteConfigSchema).default([]), description: 'per-site extraction settings (config file only)' },
  // The pivot stage owns its settings (pivot-config.ts): WHOIS/RDAP/DNS servers, refresh interval.
  ...pivotConfig.fields,
});

export type CrawlConfigValues = ReturnType<typeof crawlConfig.resolve>['values'];

/** A crawl's settings as each part of the pipeline takes them: the crawler's, the processing stages', the pivots'. */
export interface CrawlConfigParts {
  crawler: Omit<CrawlSettings, 'seeds' | 'dataDir'>;
  processing: Pick<CrawlConfigValues, 'defaultCountry' | 'sites' | 'extractWorkers' | 'ocrWorkers'>;
  pivot: PivotSettings;
}

const processingKeys = new Set(['defaultCountry', 'sites', 'extractWorkers', 'ocrWorkers']);
const pivotKeys = new Set(Object.keys(pivotConfig.fields));

/** Splits resolved values by the fields each part declares, so a new pivot or crawler setting reaches its part without a hand-kept list. */
export function splitCrawlConfig(values: CrawlConfigValues): CrawlConfigParts {
  const part = (keep: (key: string) => boolean) => Object.fromEntries(Object.entries(values).filter(([key]) => keep(key)));
  return {
    crawler: part((key) => !processingKeys.has(key) && !pivotKeys.has(key)) as CrawlConfigParts['crawler'],
    processing: part((key) => processingKeys.has(key)) as CrawlConfigParts['processing'],
    pivot: part((key) => pivotKeys.has(key)) as PivotSettings,
  };
}

/** Reads a JSON config file; a bad file is a usage error naming the file and the problem. */
export function readConfigFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`config file ${path} must hold a JSON object`);
  assertKnownKeys(parsed as Record<string, unknown>, Object.keys(crawlConfig.fields), path);
  return parsed as Record<string, unknown>;
}

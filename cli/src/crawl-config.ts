import { readFileSync } from 'node:fs';
import { UsageError, assertKnownKeys, defineConfig, z } from '@indicia/core';
import { crawlSettingsSchema } from '@indicia/crawler';
import { siteConfigSchema } from '@indicia/extractor';

/** The crawler owns its settings' types and defaults; the CLI binds them to flags and env vars. */
const crawl = crawlSettingsSchema.shape;

/**
 * Everything a crawl can be told, with the environment variable that sets it. Flags beat the
 * environment, which beats the --config file, which beats the defaults.
 */
export const crawlConfig = defineConfig({
  proxy: { flag: '--proxy', schema: crawl.proxyUrl, env: 'INDICIA_PROXY', description: 'proxy every request goes through (http://, https://)', secret: true },
  maxPages: { flag: '--max-pages', schema: crawl.maxPages, env: 'INDICIA_MAX_PAGES', description: 'pages in this data directory\'s frontier, at most' },
  maxDepth: { flag: '--max-depth', schema: crawl.maxDepth, env: 'INDICIA_MAX_DEPTH', description: 'links followed from a seed, at most' },
  allow: { flag: '--allow', schema: crawl.allow, env: 'INDICIA_ALLOW', description: 'URL patterns (regex) also in scope' },
  deny: { flag: '--deny', schema: crawl.deny, env: 'INDICIA_DENY', description: 'URL patterns (regex) never fetched' },
  concurrency: { flag: '--concurrency', schema: crawl.concurrency, env: 'INDICIA_CONCURRENCY', description: 'requests in flight, in all' },
  perHostConcurrency: { flag: '--per-host-concurrency', schema: crawl.perHostConcurrency, env: 'INDICIA_PER_HOST_CONCURRENCY', description: 'requests in flight to one host' },
  perHostDelayMs: { flag: '--delay', schema: crawl.perHostDelayMs, env: 'INDICIA_PER_HOST_DELAY_MS', description: 'pause between requests to one host (ms)' },
  respectRobotsTxt: { flag: '--ignore-robots', schema: crawl.respectRobotsTxt, env: 'INDICIA_RESPECT_ROBOTS', description: 'honour robots.txt' },
  maxResponseBytes: { flag: '--max-response-bytes', schema: crawl.maxResponseBytes, env: 'INDICIA_MAX_RESPONSE_BYTES', description: 'larger bodies are cut and marked truncated' },
  requestTimeoutMs: { flag: '--timeout', schema: crawl.requestTimeoutMs, env: 'INDICIA_REQUEST_TIMEOUT_MS', description: 'per request' },
  maxRetries: { flag: '--retries', schema: crawl.maxRetries, env: 'INDICIA_MAX_RETRIES', description: 'retries on timeouts and 5xx' },
  userAgent: { schema: crawl.userAgent, env: 'INDICIA_USER_AGENT', description: 'User-Agent header' },
  recrawl: { flag: '--recrawl', schema: crawl.recrawl, env: 'INDICIA_RECRAWL', description: 'fetch pages captured before again' },
  retryFailed: { flag: '--retry-failed', schema: crawl.retryFailed, env: 'INDICIA_RETRY_FAILED', description: 'fetch pages that failed in earlier runs again' },
  defaultCountry: { flag: '--country', schema: z.string().length(2).toUpperCase().nullable().default(null), env: 'INDICIA_DEFAULT_COUNTRY', description: 'country for national phone numbers when a page does not tell' },
  sites: { schema: z.array(siteConfigSchema).default([]), description: 'per-site extraction settings (config file only)' },
});

export type CrawlConfigValues = ReturnType<typeof crawlConfig.resolve>['values'];

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

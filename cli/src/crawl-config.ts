import { readFileSync } from 'node:fs';
import { UsageError, assertKnownKeys, defineConfig, z } from '@indicia/core';
import { siteConfigSchema } from '@indicia/extractor';

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/**
 * Everything a crawl can be told, with the environment variable that sets it. Flags beat the
 * environment, which beats the --config file, which beats the defaults.
 */
export const crawlConfig = defineConfig({
  proxy: { flag: '--proxy', schema: z.string().url().nullable().default(null), env: 'INDICIA_PROXY', description: 'proxy every request goes through (http://, https://)', secret: true },
  maxPages: { flag: '--max-pages', schema: z.number().int().positive().default(1000), env: 'INDICIA_MAX_PAGES', description: 'pages in this data directory\'s frontier, at most' },
  maxDepth: { flag: '--max-depth', schema: z.number().int().nonnegative().default(10), env: 'INDICIA_MAX_DEPTH', description: 'links followed from a seed, at most' },
  allow: { flag: '--allow', schema: z.array(regexSource).default([]), env: 'INDICIA_ALLOW', description: 'URL patterns (regex) also in scope' },
  deny: { flag: '--deny', schema: z.array(regexSource).default([]), env: 'INDICIA_DENY', description: 'URL patterns (regex) never fetched' },
  concurrency: { flag: '--concurrency', schema: z.number().int().positive().max(200).default(10), env: 'INDICIA_CONCURRENCY', description: 'requests in flight, in all' },
  perHostConcurrency: { flag: '--per-host-concurrency', schema: z.number().int().positive().default(4), env: 'INDICIA_PER_HOST_CONCURRENCY', description: 'requests in flight to one host' },
  perHostDelayMs: { flag: '--delay', schema: z.number().int().nonnegative().default(0), env: 'INDICIA_PER_HOST_DELAY_MS', description: 'pause between requests to one host (ms)' },
  respectRobotsTxt: { flag: '--ignore-robots', schema: z.boolean().default(true), env: 'INDICIA_RESPECT_ROBOTS', description: 'honour robots.txt' },
  maxResponseBytes: { flag: '--max-response-bytes', schema: z.number().int().positive().default(5 * 1024 * 1024), env: 'INDICIA_MAX_RESPONSE_BYTES', description: 'larger bodies are cut and marked truncated' },
  requestTimeoutMs: { flag: '--timeout', schema: z.number().int().positive().default(30_000), env: 'INDICIA_REQUEST_TIMEOUT_MS', description: 'per request' },
  maxRetries: { flag: '--retries', schema: z.number().int().nonnegative().default(3), env: 'INDICIA_MAX_RETRIES', description: 'retries on timeouts and 5xx' },
  userAgent: { schema: z.string().min(1).default('IndiciaBot/0.1 (research crawler)'), env: 'INDICIA_USER_AGENT', description: 'User-Agent header' },
  recrawl: { flag: '--recrawl', schema: z.boolean().default(false), env: 'INDICIA_RECRAWL', description: 'fetch pages captured before again' },
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

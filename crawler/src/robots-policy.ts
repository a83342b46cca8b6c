import { setTimeout as sleep } from 'node:timers/promises';
import { RetryableError, StopRunError } from '@indicia/core';
import { createRequire } from 'node:module';
import type { HttpFetcher } from './http-fetcher.js';

interface ParsedRobots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getMatchingLineNumber(url: string, userAgent?: string): number;
}
// robots-parser is CommonJS whose typings declare an ES default export, which NodeNext cannot
// import as the function it is; require gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => ParsedRobots;

export type RobotsVerdict =
  | { allowed: true }
  /** `robots_blocked`: robots.txt disallows it. `failed`: robots.txt could not be read, so nothing is fetched. */
  | { allowed: false; state: 'robots_blocked' | 'failed'; reason: string };

/** The robots.txt rules of one origin, as they apply to this crawler's user agent. */
export interface RobotsPolicy {
  verdict(url: string): RobotsVerdict;
}

export const allowEverything: RobotsPolicy = { verdict: () => ({ allowed: true }) };

/** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt. */
const robotsMaxBytes = 512 * 1024;

export interface RobotsLoadOptions {
  fetcher: Pick<HttpFetcher, 'fetch'>;
  userAgent: string;
  maxRetries: number;
  retryBackoffMs: number;
}

/**
 * Fetches and parses `<origin>/robots.txt` through the crawl's own fetcher (so through its proxy).
 * Following RFC 9309: a 4xx means no rules; a 2xx is parsed; when the file stays unreachable (5xx,
 * network errors, after retries) the origin is not crawled, and its pages fail with the reason.
 */
export async function loadRobotsPolicy(origin: string, options: RobotsLoadOptions): Promise<RobotsPolicy> {
  const robotsUrl = `${origin}/robots.txt`;
  for (let attempt = 0; ; attempt++) {
    let failure: string;
    try {
      const fetched = await options.fetcher.fetch(robotsUrl, { maxBodyBytes: robotsMaxBytes });
      if (fetched.status >= 200 && fetched.status < 300) return parsedPolicy(robotsUrl, fetched.body.toString('utf8'), options.userAgent);
      if (fetched.status >= 400 && fetched.status < 500 && fetched.status !== 429) return allowEverything;
      failure = `robots.txt unavailable: HTTP ${fetched.status}`;
    } catch (error) {
      // The run is stopping (the proxy stayed down): not a verdict on this origin, whose pages stay pending.
      if (error instanceof StopRunError) throw error;
      if (!(error instanceof RetryableError)) return unreachablePolicy(`robots.txt unreadable: ${error instanceof Error ? error.message : String(error)}`);
      // The cause first: "proxy unreachable: ..." must read the same whether it hit a page or robots.txt.
      failure = `${error.message} (while fetching robots.txt)`;
    }
    if (attempt >= options.maxRetries) return unreachablePolicy(failure);
    await sleep(options.retryBackoffMs * 2 ** attempt);
  }
}

function parsedPolicy(robotsUrl: string, text: string, userAgent: string): RobotsPolicy {
  const robots = robotsParser(robotsUrl, text);
  return {
    verdict(url) {
      if (robots.isAllowed(url, userAgent) === false) {
        const line = robots.getMatchingLineNumber(url, userAgent);
        return { allowed: false, state: 'robots_blocked', reason: `disallowed by robots.txt${line > 0 ? ` (line ${line})` : ''}` };
      }
      return { allowed: true };
    },
  };
}

function unreachablePolicy(reason: string): RobotsPolicy {
  return { verdict: () => ({ allowed: false, state: 'failed', reason }) };
}

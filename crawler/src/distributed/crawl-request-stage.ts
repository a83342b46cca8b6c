import type { CheerioAPI } from '@crawlee/cheerio';
import { load } from 'cheerio';
import { DeadLetterError, UsageError, type CrawlRequested, type Envelope, type Logger, type Stage, type StageContext } from '@indicia/core';
import { bodyText, isHtml, mediaTypeOf } from '../body-text.js';
import type { BrowserExecutable, FindBrowserOptions } from '../browser/browser-executable.js';
import { openCaptureParts, type CaptureSettings } from '../capture-parts.js';
import { CrawlCounters } from '../crawl-counters.js';
import type { CrawlProgress } from '../crawl-report.js';
import { crawlSettingsSchema, recordableSettings, type CrawlSettingsInput } from '../crawl-settings.js';
import { failureReason, RetryableStatusError } from '../fetch-errors.js';
import { Frontier, type DiscoveredUrl } from '../frontier.js';
import { discoveredLinks } from '../discovered-links.js';
import { assertOnionRoutable, isOnionUrl, onionProxyProblem, OnionRequiresTorError } from '../onion-routing.js';
import { retryAfterMs } from '../retry-after.js';
import { HostPacer } from './host-pacer.js';
import { RobotsCache } from './robots-cache.js';
import { SubmissionScopes } from './submission-scopes.js';

export interface CrawlRequestStageOptions {
  /** The worker's crawl settings (its data dir, proxy, caps, politeness); seeds come with each request. */
  settings: Omit<CrawlSettingsInput, 'seeds'>;
  /** Recorded in the worker's WARC metadata, like a run id. */
  workerId: string;
  log: Logger;
  findBrowser?: (options: FindBrowserOptions) => BrowserExecutable;
}

export interface CrawlRequestStage extends Stage<'crawl.requested'> {
  progress(): CrawlProgress;
}

/**
 * The crawl stage of distributed mode: consumes crawl.requested (the frontier, keyed by host, so
 * this worker holds every request for its hosts), fetches and keeps the page exactly as the
 * embedded crawl does (WARC, blobs, browser, images, custody), emits page.captured, and emits
 * crawl.requested for the in-scope links it has not seen.
 *
 * At-least-once: the request is recorded as done only after its capture and its links were
 * published, so a worker killed midway fetches the page again when the request is redelivered
 * (the index upserts by ad id: no duplicate). This worker's frontier (crawl.sqlite in its data dir)
 * keeps it from fetching a page twice and from following a link twice.
 */
export async function createCrawlRequestStage(options: CrawlRequestStageOptions): Promise<CrawlRequestStage> {
  const parsed = crawlSettingsSchema.omit({ seeds: true }).safeParse(options.settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`invalid crawl settings: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
  }
  const settings: CaptureSettings = parsed.data;
  // Seeds come with each request; what the worker can refuse at start is a scope meant for onion
  // sites (allow patterns naming .onion) on a route that cannot carry them.
  assertOnionRoutable({ ...settings, seeds: [] });
  const onionProblem = onionProxyProblem(settings);
  const log = options.log.child({ component: 'crawl-worker', workerId: options.workerId });
  const counters = new CrawlCounters();
  const scopes = new SubmissionScopes(settings);
  const parts = await openCaptureParts({
    settings,
    recordedSettings: recordableSettings(settings),
    runId: options.workerId,
    scope: scopes,
    counters,
    log,
    ...(options.findBrowser ? { findBrowser: options.findBrowser } : {}),
  });
  const frontier = Frontier.open(settings.dataDir, { maxPages: settings.maxPages });
  const pacer = new HostPacer(settings);
  const robots = new RobotsCache(settings, parts, pacer);
  /** Requests being fetched now: a duplicate arriving meanwhile is acknowledged, not fetched twice. */
  const inFlight = new Set<string>();
  let handling = 0;

  const crawlOne = async (request: CrawlRequested, ctx: StageContext): Promise<void> => {
    // Dead-lettered with the fix before robots.txt or anything else is fetched: never sent.
    if (onionProblem !== null && isOnionUrl(request.canonicalUrl)) throw new OnionRequiresTorError(`${onionProblem} (${request.canonicalUrl})`);
    const scope = scopes.of(request.submission);
    if (!scope.includes(request.canonicalUrl)) {
      log.debug({ url: request.canonicalUrl }, 'request out of its submission scope: not fetched');
      return;
    }
    const discovered: DiscoveredUrl = { ...request, inScope: true };
    const claim = frontier.claimRequested(discovered, { recrawlRunId: request.submission.recrawl ? request.submission.id : null });
    if (claim !== 'fetch') {
      log.debug({ url: request.canonicalUrl, claim }, 'request not fetched');
      return;
    }
    const verdict = (await robots.policyFor(request.canonicalUrl)).verdict(request.canonicalUrl);
    if (!verdict.allowed) {
      if (verdict.state === 'robots_blocked') {
        frontier.markRobotsBlocked(request.canonicalUrl, verdict.reason);
        counters.skippedByRobots++;
      } else {
        frontier.markFailed(request.canonicalUrl, verdict.reason);
        counters.recordFailure(request.canonicalUrl, verdict.reason);
      }
      log.debug({ url: request.canonicalUrl, reason: verdict.reason }, 'not fetched: robots.txt');
      return;
    }
    frontier.markInFlight(request.canonicalUrl);
    const release = await pacer.acquire(request.host);
    let fetched;
    try {
      fetched = await parts.fetcher.fetch(request.canonicalUrl);
    } catch (error) {
      frontier.recordAttemptError(request.canonicalUrl, failureReason(error));
      if (error instanceof DeadLetterError) {
        frontier.markFailed(request.canonicalUrl, failureReason(error));
        counters.recordFailure(request.canonicalUrl, failureReason(error));
      }
      throw error;
    } finally {
      release();
    }
    if (fetched.status === 429 || fetched.status >= 500) {
      frontier.recordAttemptError(request.canonicalUrl, `HTTP ${fetched.status}`);
      // The bus retries it with backoff; after its last attempt it is dead-lettered with this reason.
      throw new RetryableStatusError(fetched.status, fetched.statusText, retryAfterMs(fetched.headers['retry-after']));
    }
    const contentType = mediaTypeOf(headerOf(fetched.headers['content-type']), fetched.body);
    const $ = isHtml(contentType) ? (load(bodyText(fetched.body, headerOf(fetched.headers['content-type']))) as unknown as CheerioAPI) : undefined;
    const { capture, links } = await parts.assembly.assemble({ canonicalUrl: request.canonicalUrl, depth: request.depth }, fetched, $);
    await ctx.emit('page.captured', capture);
    const followed = request.depth < request.submission.maxDepth ? discoveredLinks(links, capture, scope) : [];
    for (const link of frontier.unknownLinks(followed)) {
      await ctx.emit('crawl.requested', {
        url: link.url,
        canonicalUrl: link.canonicalUrl,
        host: link.host,
        depth: link.depth,
        parentUrl: link.parentUrl,
        submission: request.submission,
      });
    }
    frontier.recordCapture(capture, request.submission.id, followed);
    counters.captured++;
    log.debug({ url: capture.url, status: capture.status, bytes: capture.bodyBytes }, 'page captured');
  };

  return {
    name: 'crawl',
    consumes: 'crawl.requested',
    produces: ['page.captured', 'crawl.requested'],
    async handle(message: Envelope<'crawl.requested'>, ctx: StageContext): Promise<void> {
      const request = message.payload;
      if (inFlight.has(request.canonicalUrl)) return;
      inFlight.add(request.canonicalUrl);
      handling++;
      try {
        await crawlOne(request, ctx);
      } finally {
        handling--;
        inFlight.delete(request.canonicalUrl);
      }
    },
    progress: () => counters.progress({ queued: 0, inFlight: handling }),
    async close(): Promise<void> {
      await parts.close();
      frontier.close();
    },
  };
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}


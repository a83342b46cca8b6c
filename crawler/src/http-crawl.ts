import { CheerioCrawler, Configuration, ProxyConfiguration, type CheerioCrawlingContext, type Request, type RequestQueue } from '@crawlee/cheerio';
import { DeadLetterError, StopRunError, UsageError, type Logger, type PageCaptured } from '@indicia/core';
import { openCaptureParts, type CaptureParts } from './capture-parts.js';
import { canonicalizeCrawlableUrl } from './canonical-url.js';
import { CrawlCounters } from './crawl-counters.js';
import type { CrawlHooks, CrawlProgress, CrawlSummary } from './crawl-report.js';
import { CrawlScope } from './crawl-scope.js';
import { crawlSettingsSchema, recordableSettings, redactProxyUrl, type CrawlSettings, type CrawlSettingsInput } from './crawl-settings.js';
import { FetcherHttpClient, fetchSinkKey, type FetchSink } from './crawlee-http-client.js';
import { crawleeLogFor } from './crawlee-log.js';
import { CaptureHookError, failureReason, RetryableStatusError } from './fetch-errors.js';
import { discoveredLinks } from './discovered-links.js';
import { Frontier, type DiscoveredUrl } from './frontier.js';
import { FrontierRequestManager } from './frontier-request-manager.js';
import type { HttpFetcher } from './http-fetcher.js';
import type { PageLink } from './link-extraction.js';
import { assertOnionRoutable } from './onion-routing.js';
import type { PageRenderer } from './page-rendering.js';
import { retryAfterMs } from './retry-after.js';
import { allowEverything, loadRobotsPolicy, type RobotsLoadOptions, type RobotsPolicy } from './robots-policy.js';
import { proxyAnswers } from './socks/proxy-probe.js';
import { ProxyDownError } from './socks/proxy-outage-gate.js';
import { proxyAddressOf, proxyRouteOf } from './socks/proxy-route.js';

/** Time the proxy gets to answer before the crawl starts. */
const startProbeTimeoutMs = 5_000;
/** Generous: onCapture may wait on back-pressure from a slow pipeline, and must not be cut off mid-way. */
const requestHandlerTimeoutSecs = 900;
const serverErrorStatuses = Array.from({ length: 100 }, (_, i) => 500 + i);

/** What a run works with; created when it starts, released when it ends. */
interface RunParts {
  frontier: Frontier;
  scope: CrawlScope;
  scheduler: FrontierRequestManager;
  capture: CaptureParts;
}

/**
 * One HTTP crawl run over a data dir: Crawlee's CheerioCrawler fetching and parsing, fed by our
 * SQLite frontier (see Frontier for the resume guarantees), politeness in FrontierRequestManager,
 * fetching in HttpFetcher. Each capture is stored (blob + row) and handed to `onCapture`; the page
 * is marked done only after that resolved.
 */
export class HttpCrawl {
  private readonly settings: CrawlSettings;
  private readonly seeds: DiscoveredUrl[];
  private readonly log: Logger;
  private readonly counters = new CrawlCounters();
  /** The fetch of each attempt, put there by the HTTP client; keyed by Crawlee's request object. */
  private readonly sinks = new WeakMap<Request, FetchSink>();
  private parts: RunParts | null = null;
  private crawler: CheerioCrawler | null = null;
  private runPromise: Promise<CrawlSummary> | null = null;
  private stopRequested = false;
  private fatal: StopRunError | null = null;

  constructor(
    settings: CrawlSettingsInput,
    private readonly hooks: CrawlHooks,
    private readonly runId: string,
  ) {
    const parsed = crawlSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`invalid crawl settings: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
    }
    this.settings = parsed.data;
    // Here rather than on the schema: the distributed stage uses the schema without seeds (.omit()).
    // Refused before anything is opened or fetched, for the HTTP and the browser crawl alike.
    assertOnionRoutable(this.settings);
    this.seeds = this.settings.seeds.map((seed) => {
      const canonicalUrl = canonicalizeCrawlableUrl(seed);
      if (!canonicalUrl) throw new UsageError(`seed is not an http(s) URL: ${seed}`);
      return { canonicalUrl, url: seed, depth: 0, host: new URL(canonicalUrl).hostname, inScope: true, parentUrl: null };
    });
    this.log = hooks.log.child({ component: 'crawler', runId });
  }

  run(): Promise<CrawlSummary> {
    if (this.runPromise) throw new UsageError('an HttpCrawl runs once; create another for another run');
    this.runPromise = this.execute();
    return this.runPromise;
  }

  /** Graceful: no new URLs are started, the ones in flight finish; resolves when the run has ended. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.parts?.scheduler.stop();
    this.crawler?.stop('stop requested');
    if (this.runPromise) await Promise.allSettled([this.runPromise]);
  }

  private async execute(): Promise<CrawlSummary> {
    await this.assertProxyAnswers();
    const parts = await this.openParts();
    this.parts = parts;
    let summary: CrawlSummary;
    try {
      const start = parts.frontier.beginRun({
        runId: this.runId,
        settingsJson: JSON.stringify(recordableSettings(this.settings)),
        respectRobotsTxt: this.settings.respectRobotsTxt,
        recrawl: this.settings.recrawl,
        retryFailed: this.settings.retryFailed,
        seeds: this.seeds,
      });
      this.log.info(
        { pending: start.pending.length, alreadyCaptured: start.alreadyCaptured, respectRobotsTxt: this.settings.respectRobotsTxt, proxy: redactProxyUrl(this.settings.proxyUrl) },
        'crawl starting',
      );
      if (start.pending.length === 0) {
        this.log.info({ alreadyCaptured: start.alreadyCaptured }, 'nothing to fetch: no URL in this frontier is pending');
      } else if (!this.stopRequested) {
        await this.crawl(parts, start.pending);
      }
      parts.frontier.markPending(parts.scheduler.takeBackingOff().map((entry) => entry.canonicalUrl));
      const completed = !this.stopRequested && this.fatal === null && parts.scheduler.waiting === 0;
      summary = this.summary(parts, start.alreadyCaptured, completed);
      const { settings: _settings, ...outcome } = summary;
      parts.frontier.endRun(this.runId, { completed, summaryJson: JSON.stringify(outcome) });
    } finally {
      await parts.capture.close();
      parts.frontier.close();
    }
    if (this.fatal) throw this.fatal;
    this.hooks.onProgress?.(this.progress());
    const { failures: _failures, settings: _settings, ...figures } = summary;
    this.log.info(figures, 'crawl finished');
    return summary;
  }

  /**
   * A proxy that is down before anything was fetched is a set-up mistake (Tor not started, a wrong
   * port): said at once, rather than after waiting proxyWaitMs for it as for an outage mid-crawl.
   */
  private async assertProxyAnswers(): Promise<void> {
    const proxy = proxyAddressOf(proxyRouteOf(this.settings.proxyUrl));
    if (proxy === null || (await proxyAnswers(proxy, startProbeTimeoutMs))) return;
    throw new ProxyDownError(
      `the proxy ${redactProxyUrl(this.settings.proxyUrl)} does not answer, so nothing was fetched (and nothing is ever sent around it): ` +
        'start it (for Tor: its SocksPort, e.g. 9050) or correct --proxy',
    );
  }

  private async openParts(): Promise<RunParts> {
    const settings = this.settings;
    const scope = new CrawlScope(settings);
    const capture = await openCaptureParts({
      settings,
      recordedSettings: recordableSettings(settings),
      runId: this.runId,
      scope,
      counters: this.counters,
      log: this.log,
      ...(this.hooks.findBrowser ? { findBrowser: this.hooks.findBrowser } : {}),
    });
    const { fetcher, evidence } = capture;
    const frontier = Frontier.open(settings.dataDir, { maxPages: settings.maxPages });
    // robots.txt fetches are evidence too: what the crawl was told it may fetch.
    const recordedFetcher = {
      fetch: async (...args: Parameters<HttpFetcher['fetch']>) => {
        const fetched = await fetcher.fetch(...args);
        await evidence.recordStandaloneFetch(fetched);
        return fetched;
      },
    };
    const robotsOptions = { fetcher: recordedFetcher, userAgent: settings.userAgent, maxRetries: settings.maxRetries, retryBackoffMs: settings.retryBackoffMs };
    const scheduler = new FrontierRequestManager({
      pacing: settings,
      retryBackoffMs: settings.retryBackoffMs,
      loadRobots: settings.respectRobotsTxt ? (origin) => this.robotsOrHalt(origin, robotsOptions) : async () => allowEverything,
      onDispatch: (entry) => frontier.markInFlight(entry.canonicalUrl),
      onRefused: (entry, verdict) => {
        if (verdict.state === 'robots_blocked') {
          frontier.markRobotsBlocked(entry.canonicalUrl, verdict.reason);
          this.counters.skippedByRobots++;
        } else {
          frontier.markFailed(entry.canonicalUrl, verdict.reason);
          this.counters.recordFailure(entry.canonicalUrl, verdict.reason);
        }
        this.log.debug({ url: entry.canonicalUrl, reason: verdict.reason }, 'not fetched: robots.txt');
      },
      onWake: () => void this.crawler?.autoscaledPool?.notify(),
    });
    return { frontier, scope, scheduler, capture };
  }

  /** robots.txt of an origin; when the run must stop meanwhile (the proxy stayed down), it stops, and the origin's pages stay pending. */
  private async robotsOrHalt(origin: string, options: RobotsLoadOptions): Promise<RobotsPolicy> {
    try {
      return await loadRobotsPolicy(origin, options);
    } catch (error) {
      if (!(error instanceof StopRunError)) throw error;
      this.halt(error);
      return allowEverything;
    }
  }

  private async crawl(parts: RunParts, pending: Parameters<FrontierRequestManager['enqueue']>[0]): Promise<void> {
    const crawler = this.createCrawler(parts);
    this.crawler = crawler;
    parts.scheduler.enqueue(pending);
    const progressTimer = setInterval(() => this.hooks.onProgress?.(this.progress()), 1000);
    try {
      await crawler.run();
    } finally {
      // Crawlee can end its run early (e.g. on SIGINT); captures in flight still finish and are recorded.
      await parts.scheduler.idle();
      parts.scheduler.stop();
      clearInterval(progressTimer);
    }
  }

  private createCrawler(parts: RunParts): CheerioCrawler {
    const settings = this.settings;
    const concurrency = settings.concurrency;
    return new CheerioCrawler(
      {
        // Crawlee 3.18 validates `requestManager` out of its options; as `requestQueue` it is used the same way.
        requestQueue: parts.scheduler as unknown as RequestQueue,
        httpClient: new FetcherHttpClient(parts.capture.fetcher),
        ...(settings.proxyUrl ? { proxyConfiguration: new ProxyConfiguration({ proxyUrls: [settings.proxyUrl] }) } : {}),
        useSessionPool: false,
        maxRequestRetries: settings.maxRetries,
        // Proxy errors reach Crawlee as session errors; give them the same retry budget as any other.
        maxSessionRotations: settings.maxRetries,
        // Crawlee's deadlines are backstops behind the fetcher's own, which an onion URL lengthens
        // and which a proxy outage pauses (the fetch waits at the outage gate, then starts anew).
        navigationTimeoutSecs: Math.ceil((Math.max(settings.requestTimeoutMs, settings.onionRequestTimeoutMs) + settings.proxyWaitMs) / 1000) + 5,
        requestHandlerTimeoutSecs: requestHandlerTimeoutSecs + Math.ceil(settings.proxyWaitMs / 1000),
        additionalMimeTypes: ['*/*'],
        // 5xx are judged by capturePage (retry with backoff), not by Crawlee.
        ignoreHttpErrorStatusCodes: serverErrorStatuses,
        autoscaledPoolOptions: {
          desiredConcurrency: concurrency,
          minConcurrency: concurrency,
          maxConcurrency: concurrency,
          maybeRunIntervalSecs: 0.05,
        },
        log: crawleeLogFor(this.log),
        preNavigationHooks: [
          ({ request }, requestOptions) => {
            const sink: FetchSink = {};
            this.sinks.set(request, sink);
            (requestOptions as Record<string, unknown>)[fetchSinkKey] = sink;
          },
        ],
        requestHandler: (context) => this.capturePage(context, parts),
        errorHandler: ({ request }, error) => this.noteAttemptFailed(request, error, parts),
        failedRequestHandler: ({ request }, error) => this.notePageFailed(request, error, parts),
      },
      new Configuration({ persistStorage: false }),
    );
  }

  private async capturePage(context: CheerioCrawlingContext, parts: RunParts): Promise<void> {
    const { request } = context;
    const fetched = this.sinks.get(request)?.fetched;
    if (!fetched) throw new Error(`no fetch was recorded for ${request.url}`);
    if (fetched.status === 429 || fetched.status >= 500) {
      throw new RetryableStatusError(fetched.status, fetched.statusText, retryAfterMs(fetched.headers['retry-after']));
    }
    const depth = request.userData.depth as number;
    const assembled = await parts.capture.assembly.assemble({ canonicalUrl: request.uniqueKey, depth }, fetched, context.$);
    const capture = assembled.capture;
    const links = this.followed(assembled.links, capture, parts.scope);
    await this.deliver(capture);
    const admitted = parts.frontier.recordCapture(capture, this.runId, links);
    this.counters.captured++;
    parts.scheduler.enqueue(admitted);
    this.log.debug({ url: capture.url, status: capture.status, bytes: capture.bodyBytes, truncated: capture.truncated, newLinks: admitted.length }, 'page captured');
  }

  private followed(links: PageLink[], capture: PageCaptured, scope: CrawlScope): DiscoveredUrl[] {
    return capture.depth >= this.settings.maxDepth ? [] : discoveredLinks(links, capture, scope);
  }

  private async deliver(capture: PageCaptured): Promise<void> {
    try {
      await this.hooks.onCapture(capture);
    } catch (error) {
      if (error instanceof StopRunError) throw error;
      throw new CaptureHookError(`capture hook failed: ${failureReason(error)}`, { cause: error });
    }
  }

  /** An attempt failed and Crawlee will retry it, unless retrying cannot help. */
  private noteAttemptFailed(request: Request, error: Error, parts: RunParts): void {
    const cause = this.sinks.get(request)?.error ?? error;
    if (cause instanceof StopRunError) {
      request.noRetry = true;
      this.halt(cause);
      return;
    }
    if (cause instanceof DeadLetterError) request.noRetry = true;
    if (cause instanceof RetryableStatusError && cause.retryAfterMs !== null) request.userData.retryAfterMs = cause.retryAfterMs;
    const reason = failureReason(cause);
    parts.frontier.recordAttemptError(request.uniqueKey, reason);
    this.log.debug({ url: request.url, attempt: request.retryCount + 1, reason, retry: !request.noRetry }, 'attempt failed');
  }

  private notePageFailed(request: Request, error: Error, parts: RunParts): void {
    const cause = this.sinks.get(request)?.error ?? error;
    if (cause instanceof StopRunError) {
      // Not the page's fault: it stays in flight in the frontier and is fetched again by the next run.
      this.halt(cause);
      return;
    }
    const reason = failureReason(cause);
    parts.frontier.markFailed(request.uniqueKey, reason);
    this.counters.recordFailure(request.uniqueKey, reason);
    this.log.debug({ url: request.url, reason }, 'page failed');
  }

  private halt(error: StopRunError): void {
    if (this.fatal) return;
    this.fatal = error;
    this.log.error({ reason: error.message }, 'crawl stopping');
    this.parts?.scheduler.stop();
    this.crawler?.stop(error.message);
  }

  private progress(): CrawlProgress {
    const scheduler = this.parts?.scheduler;
    return this.counters.progress({ queued: scheduler?.waiting ?? 0, inFlight: scheduler?.inFlight ?? 0, proxyDownForMs: this.parts?.capture.outageGate?.downForMs ?? null });
  }

  private summary(parts: RunParts, alreadyCaptured: number, completed: boolean): CrawlSummary {
    const frontier = parts.frontier.stateCounts();
    return {
      ...this.counters.progress({ queued: frontier.pending + frontier.in_flight, inFlight: 0 }),
      runId: this.runId,
      alreadyCaptured,
      failures: [...this.counters.failures],
      settings: recordableSettings(this.settings),
      completed,
      frontier,
      browser: browserSummary(parts.capture.renderer),
      browserUnavailable: parts.capture.renderer.unavailableReason,
      proxyOutages: parts.capture.outageGate?.stats ?? null,
    };
  }
}

function browserSummary(renderer: PageRenderer): CrawlSummary['browser'] {
  const stats = renderer.stats;
  if (!stats) return null;
  return { executable: stats.executable, launches: stats.launches, crashes: stats.crashes, recycles: stats.recycles, blockedRequests: stats.blockedRequests };
}

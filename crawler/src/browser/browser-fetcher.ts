import { UsageError } from '@indicia/core';
import { redactProxyUrl } from '../crawl-settings.js';
import { BrowserCrashedError, BrowserFetcherClosedError, PageCrashedError } from './browser-errors.js';
import { BrowserPool, type BrowserPoolStats } from './browser-pool.js';
import { browserSettingsSchema, type BrowserSettings, type BrowserSettingsInput } from './browser-settings.js';
import { capturePage, type BrowserCapture } from './capture-page.js';
import { chromiumLaunchOptions } from './chromium-launch-options.js';
import { removeOrphanedProfiles } from './chromium-processes.js';

export interface BrowserFetcherOptions {
  /** From findBrowserExecutable(). */
  executablePath: string;
  /** http:// proxy every request goes through (never direct when set); null fetches directly. */
  proxyUrl: string | null;
  userAgent: string;
  /** Cap on each recorded response body. */
  maxBodyBytes: number;
  /** Whether a URL (as the browser requests it, not canonicalised) is in the crawl's scope. */
  inScope: (url: string) => boolean;
  settings?: BrowserSettingsInput;
}

export interface BrowserFetcherStats extends BrowserPoolStats {
  pages: number;
  /** Page attempts repeated after a browser or renderer crash. */
  crashRetries: number;
  blockedRequests: number;
}

/**
 * Fetches pages with real Chromium through playwright-core: a bounded pool of browsers, one fresh
 * context per page, scope enforced on every request, the page settled (load, network idle,
 * scrolling) within a cap, then captured with its screenshot and every exchange. A crashed
 * browser is replaced and the page fetched again, a bounded number of times.
 */
export class BrowserFetcher {
  private readonly settings: BrowserSettings;
  private readonly pool: BrowserPool;
  private readonly counts = { pages: 0, crashRetries: 0, blockedRequests: 0 };
  private closed = false;
  private orphanSweep: Promise<string[]> | null = null;

  constructor(private readonly options: BrowserFetcherOptions) {
    const parsed = browserSettingsSchema.safeParse(options.settings ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`invalid browser settings: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
    }
    this.settings = parsed.data;
    this.pool = new BrowserPool({
      launchOptions: chromiumLaunchOptions({ executablePath: options.executablePath, proxyUrl: options.proxyUrl }),
      browsers: this.settings.browsers,
      pagesAtOncePerBrowser: this.settings.pagesAtOncePerBrowser,
      pagesPerBrowser: this.settings.pagesPerBrowser,
    });
  }

  /** Pages that can be fetched at once; more calls wait for a slot. */
  get concurrency(): number {
    return this.settings.browsers * this.settings.pagesAtOncePerBrowser;
  }

  get stats(): BrowserFetcherStats {
    return { ...this.pool.stats, ...this.counts };
  }

  /** Process ids of the running browsers. */
  processIds(): number[] {
    return this.pool.processIds();
  }

  /**
   * Throws the crawl's fetch errors (fetch-errors.ts, browser-errors.ts): retryable ones for
   * proxy, network, timeouts and repeated browser crashes; dead-letter ones for off-scope
   * redirects, unrenderable responses, pages that crash their renderer or never answer.
   * HTTP error statuses are not errors here: the capture carries the status.
   */
  async fetch(url: string): Promise<BrowserCapture> {
    if (this.closed) throw new BrowserFetcherClosedError('the browser fetcher is closed');
    // Profiles left by an earlier run that was killed; once per fetcher, before the first launch.
    this.orphanSweep ??= removeOrphanedProfiles();
    await this.orphanSweep;
    for (let attempt = 1; ; attempt++) {
      const lease = await this.pool.acquire();
      try {
        const capture = await capturePage(lease.browser, url, {
          inScope: this.options.inScope,
          userAgent: this.options.userAgent,
          navigationTimeoutMs: this.settings.navigationTimeoutMs,
          settleTimeoutMs: this.settings.settleTimeoutMs,
          networkIdleMs: this.settings.networkIdleMs,
          maxScrolls: this.settings.maxScrolls,
          maxScreenshotHeight: this.settings.maxScreenshotHeight,
          maxExchanges: this.settings.maxExchanges,
          maxBodyBytes: this.options.maxBodyBytes,
          proxyLabel: redactProxyUrl(this.options.proxyUrl),
        });
        this.counts.pages += 1;
        this.counts.blockedRequests += capture.blockedCount;
        return { ...capture, attempts: attempt };
      } catch (error) {
        const browserCrashed = lease.crashed() || !lease.browser.isConnected();
        if (this.closed) throw new BrowserFetcherClosedError('the browser fetcher was closed during the fetch', { cause: error });
        if ((browserCrashed || error instanceof PageCrashedError) && attempt <= this.settings.crashRetries) {
          this.counts.crashRetries += 1;
          continue;
        }
        if (browserCrashed) throw new BrowserCrashedError(`the browser crashed on ${attempt} attempts at ${url}`, { cause: error });
        throw error;
      } finally {
        lease.release();
      }
    }
  }

  /** Ends every browser process; fetches in flight fail with BrowserFetcherClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}

import { DeadLetterError, type Logger } from '@indicia/core';
import { BrowserLaunchError } from './browser/browser-errors.js';
import { findBrowserExecutable, type BrowserExecutable, type FindBrowserOptions } from './browser/browser-executable.js';
import { BrowserFetcher, type BrowserFetcherStats } from './browser/browser-fetcher.js';
import type { BrowserSettingsInput } from './browser/browser-settings.js';
import type { BrowserCapture } from './browser/capture-page.js';
import { looksScriptRendered } from './browser/script-rendered.js';
import type { CrawlMode } from './crawl-mode.js';
import type { ProxyOutageGate } from './socks/proxy-outage-gate.js';


export interface PageRendererOptions {
  mode: CrawlMode;
  browser: BrowserSettingsInput & { browserExecutable?: string | null };
  proxyUrl: string | null;
  /** The http:// proxy is Tor's HTTPTunnelPort (may carry .onion). */
  proxyIsTor: boolean;
  /** With a SOCKS proxy: per-site SOCKS credentials (through a local relay: Chromium cannot send them). */
  isolateStreams: boolean;
  userAgent: string;
  maxBodyBytes: number;
  inScope: (url: string) => boolean;
  log: Logger;
  /** Where the browser is looked for; tests pass a search that finds none. */
  findBrowser?: (options: FindBrowserOptions) => BrowserExecutable;
  /** The crawl's: renders wait there while the proxy is down. */
  outageGate?: ProxyOutageGate;
}

export type RenderOutcome =
  | { kind: 'rendered'; capture: BrowserCapture }
  /** No browser (none installed, or it cannot start): the HTTP capture stands, marked as needing one. */
  | { kind: 'unavailable'; reason: string }
  /** The browser could not render this page (it crashed its renderer, never answered...): the HTTP capture stands. */
  | { kind: 'failed'; reason: string };

/**
 * Decides which pages a browser renders and renders them. The browser is found and started only
 * when a page first needs it, so an HTTP-only crawl never pays for one. With no browser, the
 * crawl goes on over HTTP: the pages are marked `needsBrowser`, and the user is told once, with
 * the command that installs one.
 */
export class PageRenderer {
  private fetcher: BrowserFetcher | null = null;
  private executable: string | null = null;
  private unavailable: string | null = null;
  /** Pages that wanted a browser and did not get one. */
  needingBrowser = 0;

  constructor(private readonly options: PageRendererOptions) {}

  get mode(): CrawlMode {
    return this.options.mode;
  }

  /** Whether this fetched HTML page should be rendered. */
  wants(html: string): boolean {
    if (this.options.mode === 'http') return false;
    return this.options.mode === 'browser' || looksScriptRendered(html);
  }

  /**
   * Retryable failures (proxy down, network, a browser that keeps crashing) are thrown, so the page
   * is fetched again later like any failed fetch; everything else is an outcome.
   */
  async render(url: string): Promise<RenderOutcome> {
    const fetcher = this.browserFetcher();
    if (!fetcher) return this.missing();
    try {
      return { kind: 'rendered', capture: await fetcher.fetch(url) };
    } catch (error) {
      if (error instanceof BrowserLaunchError) {
        this.unavailable = `the browser could not start: ${error.message}`;
        this.options.log.warn({ reason: this.unavailable }, 'browser unavailable: the crawl goes on over HTTP and marks the pages that needed one');
        return this.missing();
      }
      if (error instanceof DeadLetterError) return { kind: 'failed', reason: error.message };
      throw error;
    }
  }

  get stats(): (BrowserFetcherStats & { executable: string | null }) | null {
    return this.fetcher ? { ...this.fetcher.stats, executable: this.executable } : null;
  }

  /** Why no browser is used, when one was wanted and none could be had. */
  get unavailableReason(): string | null {
    return this.unavailable;
  }

  async close(): Promise<void> {
    await this.fetcher?.close();
  }

  private browserFetcher(): BrowserFetcher | null {
    if (this.fetcher || this.unavailable !== null) return this.fetcher;
    const found = (this.options.findBrowser ?? findBrowserExecutable)({ explicitPath: this.options.browser.browserExecutable ?? undefined });
    if (!found.found) {
      this.unavailable = found.message;
      this.options.log.warn({ reason: found.message, install: found.installCommand }, 'no browser found: the crawl goes on over HTTP and marks the pages that needed one');
      return null;
    }
    this.executable = found.path;
    const { browserExecutable: _executable, ...settings } = this.options.browser;
    this.fetcher = new BrowserFetcher({
      executablePath: found.path,
      proxyUrl: this.options.proxyUrl,
      proxyIsTor: this.options.proxyIsTor,
      isolateStreams: this.options.isolateStreams,
      userAgent: this.options.userAgent,
      maxBodyBytes: this.options.maxBodyBytes,
      inScope: this.options.inScope,
      settings,
      ...(this.options.outageGate ? { outageGate: this.options.outageGate } : {}),
    });
    this.options.log.info({ executable: found.path, source: found.source, mode: this.options.mode }, 'browser rendering enabled');
    return this.fetcher;
  }

  private missing(): RenderOutcome {
    this.needingBrowser++;
    return { kind: 'unavailable', reason: this.unavailable ?? 'no browser' };
  }
}

import { UsageError } from '@indicia/core';
import { redactProxyUrl } from '../crawl-settings.js';
import { NetworkError, ProxyUnreachableError } from '../fetch-errors.js';
import { isOnionUrl, onionProxyProblem, OnionRequiresTorError } from '../onion-routing.js';
import { onionDefaults } from '../onion-settings.js';
import { proxyAnswers } from '../socks/proxy-probe.js';
import type { ProxyOutageGate } from '../socks/proxy-outage-gate.js';
import { proxyAddressOf, proxyRouteOf } from '../socks/proxy-route.js';
import { SocksRelay } from '../socks/socks-relay.js';
import { BrowserCrashedError, BrowserFetcherClosedError, BrowserLaunchError, PageCrashedError } from './browser-errors.js';
import { BrowserPool, type BrowserPoolStats } from './browser-pool.js';
import { browserSettingsSchema, type BrowserSettings, type BrowserSettingsInput } from './browser-settings.js';
import { capturePage, type BrowserCapture } from './capture-page.js';
import { chromiumLaunchOptions } from './chromium-launch-options.js';
import { removeOrphanedProfiles } from './chromium-processes.js';

export interface BrowserFetcherOptions {
  /** From findBrowserExecutable(). */
  executablePath: string;
  /** http://, socks5h:// or socks5:// proxy every request goes through (never direct when set); null fetches directly. */
  proxyUrl: string | null;
  /** The http:// proxy is Tor's HTTPTunnelPort (may carry .onion). Default false. */
  proxyIsTor?: boolean;
  /**
   * With a SOCKS proxy: per-site SOCKS credentials, as the HTTP fetcher sends them (Chromium
   * cannot send any: a local relay adds them). Default true.
   */
  isolateStreams?: boolean;
  userAgent: string;
  /** Cap on each recorded response body. */
  maxBodyBytes: number;
  /** Whether a URL (as the browser requests it, not canonicalised) is in the crawl's scope. */
  inScope: (url: string) => boolean;
  settings?: BrowserSettingsInput;
  /** Where fetches wait while the proxy is down (shared with the crawl's HTTP fetchers); without it a proxy error is thrown at once. */
  outageGate?: ProxyOutageGate;
}

export interface BrowserFetcherStats extends BrowserPoolStats {
  pages: number;
  /** Page attempts repeated after a browser or renderer crash. */
  crashRetries: number;
  blockedRequests: number;
}

/** The SOCKS greeting is local and quick (as in the HTTP fetcher). */
const socksGreetingTimeoutMs = 10_000;
/** How long the proxy gets to accept a probe connection after a page's connection was cut. */
const proxyProbeTimeoutMs = 2_000;

/**
 * Fetches pages with real Chromium through playwright-core: a bounded pool of browsers, one fresh
 * context per page, scope enforced on every request, the page settled (load, network idle,
 * scrolling) within a cap, then captured with its screenshot and every exchange. A crashed
 * browser is replaced and the page fetched again, a bounded number of times.
 *
 * With a SOCKS proxy Chromium talks only to a SocksRelay of this fetcher on 127.0.0.1, which
 * talks only to the proxy, adding each site's credentials (stream isolation); the relay starts
 * with the first fetch and ends with close().
 */
export class BrowserFetcher {
  private readonly settings: BrowserSettings;
  private pool: BrowserPool | null = null;
  private starting: Promise<BrowserPool> | null = null;
  private relay: SocksRelay | null = null;
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
    // Refuses a bad proxy URL now rather than at the first page.
    proxyRouteOf(options.proxyUrl);
  }

  /** Pages that can be fetched at once; more calls wait for a slot. */
  get concurrency(): number {
    return this.settings.browsers * this.settings.pagesAtOncePerBrowser;
  }

  get stats(): BrowserFetcherStats {
    return { ...(this.pool?.stats ?? { launches: 0, recycles: 0, crashes: 0, profilesLeft: 0 }), ...this.counts };
  }

  /** Process ids of the running browsers. */
  processIds(): number[] {
    return this.pool?.processIds() ?? [];
  }

  /** Chromium's proxy: the relay's address when the crawl's proxy is SOCKS, else the crawl's proxy. */
  get chromiumProxyUrl(): string | null {
    return this.relay?.url ?? (proxyRouteOf(this.options.proxyUrl).kind === 'socks' ? null : this.options.proxyUrl);
  }

  /**
   * Throws the crawl's fetch errors (fetch-errors.ts, browser-errors.ts): retryable ones for
   * proxy, network, timeouts and repeated browser crashes; dead-letter ones for off-scope
   * redirects, unrenderable responses, pages that crash their renderer or never answer.
   * HTTP error statuses are not errors here: the capture carries the status.
   */
  fetch(url: string): Promise<BrowserCapture> {
    const gate = this.options.outageGate;
    return gate ? gate.through(() => this.fetchOnce(url)) : this.fetchOnce(url);
  }

  private async fetchOnce(url: string): Promise<BrowserCapture> {
    if (this.closed) throw new BrowserFetcherClosedError('the browser fetcher is closed');
    const onionProblem = isOnionUrl(url) ? onionProxyProblem({ proxyUrl: this.options.proxyUrl, proxyIsTor: this.options.proxyIsTor ?? false }) : null;
    if (onionProblem !== null) throw new OnionRequiresTorError(`${onionProblem} (${url})`);
    // Profiles left by an earlier run that was killed; once per fetcher, before the first launch.
    this.orphanSweep ??= removeOrphanedProfiles();
    await this.orphanSweep;
    const pool = await this.poolReady();
    for (let attempt = 1; ; attempt++) {
      const lease = await pool.acquire();
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
        throw (await this.proxyFailure(error, url)) ?? error;
      } finally {
        lease.release();
      }
    }
  }

  /** Ends every browser process and the relay; fetches in flight fail with BrowserFetcherClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    const pool = await this.starting?.catch(() => null);
    await pool?.close();
    await this.relay?.close();
  }

  private poolReady(): Promise<BrowserPool> {
    this.starting ??= this.startPool();
    return this.starting;
  }

  private async startPool(): Promise<BrowserPool> {
    const route = proxyRouteOf(this.options.proxyUrl);
    let proxyUrl = this.options.proxyUrl;
    if (route.kind === 'socks') {
      try {
        this.relay = await SocksRelay.start({
          proxyHost: route.host,
          proxyPort: route.port,
          remoteDns: route.remoteDns,
          credentials: route.credentials,
          isolateStreams: this.options.isolateStreams ?? true,
          greetingTimeoutMs: socksGreetingTimeoutMs,
          // Never the one to give up first: Chromium's navigation deadline ends a page.
          connectTimeoutMs: Math.max(this.settings.navigationTimeoutMs, onionDefaults.requestTimeoutMs),
        });
      } catch (error) {
        throw new BrowserLaunchError(`the local SOCKS relay for the browser could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      proxyUrl = this.relay.url;
    }
    this.pool = new BrowserPool({
      launchOptions: chromiumLaunchOptions({ executablePath: this.options.executablePath, proxyUrl }),
      browsers: this.settings.browsers,
      pagesAtOncePerBrowser: this.settings.pagesAtOncePerBrowser,
      pagesPerBrowser: this.settings.pagesPerBrowser,
    });
    if (this.closed) await this.pool.close();
    return this.pool;
  }

  /**
   * What the proxy really did, when Chromium's error hides it: Chromium reports any SOCKS failure of
   * the relay as one code (ERR_SOCKS_CONNECTION_FAILED, a proxy error) while the relay knows what
   * the real proxy said (down, auth refused, onion service unreachable...); and a connection cut
   * mid-page (a network error to Chromium) is a proxy error when the proxy no longer accepts any.
   */
  private async proxyFailure(error: unknown, url: string): Promise<Error | null> {
    if (error instanceof ProxyUnreachableError) return this.relay?.failureFor(new URL(url).hostname) ?? null;
    const proxy = proxyAddressOf(proxyRouteOf(this.options.proxyUrl));
    if (!(error instanceof NetworkError) || proxy === null || (await proxyAnswers(proxy, proxyProbeTimeoutMs))) return null;
    return new ProxyUnreachableError(`proxy unreachable: ${redactProxyUrl(this.options.proxyUrl)} stopped accepting connections (${error.message})`, { cause: error });
  }
}

import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { OffScopeNavigationError, PageCrashedError, UnrenderablePageError } from './browser-errors.js';
import { navigationError } from './navigation-errors.js';
import { NetworkRecorder, type HeaderEntry, type NetworkExchange } from './network-recorder.js';
import { snapshotPage, type PageSnapshot } from './page-snapshot.js';
import { settlePage } from './page-settling.js';
import { guardDocumentRedirects } from './redirect-guard.js';
import { ScopeRouter, type BlockedRequest } from './request-routing.js';
import { withinTime } from './time-limit.js';

/** A page as the browser rendered it (its snapshot: DOM, screenshot, links, images), with every exchange behind it. */
export interface BrowserCapture extends PageSnapshot {
  requestedUrl: string;
  /** After redirects. */
  url: string;
  redirectUrls: string[];
  /** The main document's response. */
  status: number;
  statusText: string;
  headers: HeaderEntry[];
  /** Every finished request with its response, main document first when it was recorded. */
  exchanges: NetworkExchange[];
  exchangesDropped: number;
  exchangesUnrecorded: number;
  blockedRequests: BlockedRequest[];
  blockedCount: number;
  failedRequests: number;
  settled: boolean;
  unsettledReason: string | null;
  scrollRounds: number;
  startedAt: Date;
  finishedAt: Date;
  /** The proxy it went through, credentials removed; null when direct. */
  proxy: string | null;
  /** 1, or more when the browser crashed and the page was fetched again. */
  attempts: number;
}

export interface CapturePageOptions {
  inScope: (url: string) => boolean;
  userAgent: string;
  navigationTimeoutMs: number;
  settleTimeoutMs: number;
  networkIdleMs: number;
  maxScrolls: number;
  maxScreenshotHeight: number;
  maxExchanges: number;
  maxBodyBytes: number;
  proxyLabel: string | null;
}

export const viewport = { width: 1280, height: 800 };
const contextCloseTimeoutMs = 5_000;

/** Loads one URL in a fresh context (no cookies or storage shared with any other page) and captures it. */
export async function capturePage(browser: Browser, url: string, options: CapturePageOptions): Promise<Omit<BrowserCapture, 'attempts'>> {
  const startedAt = new Date();
  const context = await browser.newContext({
    userAgent: options.userAgent,
    viewport,
    serviceWorkers: 'block',
    acceptDownloads: false,
    ignoreHTTPSErrors: true,
  });
  let pageCrashed = false;
  try {
    const router = new ScopeRouter(options.inScope);
    await router.attach(context);
    const recorder = new NetworkRecorder(context, { maxExchanges: options.maxExchanges, maxBodyBytes: options.maxBodyBytes });
    const page = await context.newPage();
    await guardDocumentRedirects(context, page, router, options.inScope);
    page.once('crash', () => (pageCrashed = true));
    keepToOnePage(context, page);
    page.on('dialog', (dialog) => void dialog.dismiss().then(undefined, ignoreClosedPage));

    const response = await navigate(page, url, options, router);
    const settling = await settlePage(page, recorder, {
      settleTimeoutMs: options.settleTimeoutMs,
      networkIdleMs: options.networkIdleMs,
      maxScrolls: options.maxScrolls,
      maxPageHeight: options.maxScreenshotHeight,
      viewportHeight: viewport.height,
    });
    const snapshot = await snapshotPage(page, { maxScreenshotHeight: options.maxScreenshotHeight, viewportWidth: viewport.width });
    await recorder.finish(options.settleTimeoutMs);
    const documentRequest = response.request();
    return {
      requestedUrl: url,
      url: response.url(),
      redirectUrls: redirectChain(documentRequest),
      status: response.status(),
      statusText: response.statusText(),
      headers: await response.headersArray(),
      ...snapshot,
      exchanges: mainDocumentFirst(recorder.exchanges, response.url()),
      exchangesDropped: recorder.exchangesDropped,
      exchangesUnrecorded: recorder.exchangesUnrecorded,
      blockedRequests: router.blocked,
      blockedCount: router.blockedCount,
      failedRequests: recorder.failedRequests,
      ...settling,
      startedAt,
      finishedAt: new Date(),
      proxy: options.proxyLabel,
    };
  } catch (error) {
    if (pageCrashed) throw new PageCrashedError(`the page's renderer crashed: ${url}`, { cause: error });
    throw error;
  } finally {
    if (browser.isConnected()) await withinTime(context.close(), contextCloseTimeoutMs, () => new Error('context close timed out')).then(undefined, ignoreClosedPage);
  }
}

async function navigate(page: Page, url: string, options: CapturePageOptions, router: ScopeRouter): Promise<Response> {
  let response: Response | null;
  try {
    // 'commit': the document has started arriving. Waiting for more here would make a page that
    // never finishes loading a failure, when it should be captured as it is after the settle cap.
    response = await page.goto(url, { waitUntil: 'commit', timeout: options.navigationTimeoutMs });
  } catch (error) {
    if (router.mainDocumentBlocked) {
      throw new OffScopeNavigationError(`the page redirected out of the crawl's scope: ${router.mainDocumentBlocked.url}`, { cause: error });
    }
    throw navigationError(error, url);
  }
  if (!response) throw new UnrenderablePageError(`no document response for ${url}`);
  return response;
}

/** Popups and window.open targets are closed at once: one page per context is what gets captured. */
function keepToOnePage(context: BrowserContext, page: Page): void {
  context.on('page', (other) => {
    if (other !== page) void other.close().then(undefined, ignoreClosedPage);
  });
}

function redirectChain(documentRequest: ReturnType<Response['request']>): string[] {
  const urls: string[] = [];
  for (let request = documentRequest.redirectedFrom(); request; request = request.redirectedFrom()) urls.unshift(request.url());
  // The redirects hop from the requested URL: list the hops after it, ending with the final URL.
  return urls.length === 0 ? [] : [...urls.slice(1), documentRequest.url()];
}

function mainDocumentFirst(exchanges: NetworkExchange[], documentUrl: string): NetworkExchange[] {
  const index = exchanges.findIndex((exchange) => exchange.resourceType === 'document' && exchange.url === documentUrl);
  if (index <= 0) return exchanges;
  return [exchanges[index]!, ...exchanges.slice(0, index), ...exchanges.slice(index + 1)];
}

/** Closing a page or context that already went away (crash, browser closed) is not a failure of the capture. */
function ignoreClosedPage(error: unknown): void {
  if (error instanceof Error && /closed|crashed|timed out/i.test(error.message)) return;
  throw error;
}

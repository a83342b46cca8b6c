import { createRequire } from 'node:module';
import type { Logger } from '@indicia/core';
import { BlobStore } from './blob-store.js';
import type { BrowserExecutable, FindBrowserOptions } from './browser/browser-executable.js';
import { CaptureAssembly } from './capture-assembly.js';
import { canonicalizeCrawlableUrl } from './canonical-url.js';
import type { CrawlCounters } from './crawl-counters.js';
import { redactProxyUrl, type CrawlSettings } from './crawl-settings.js';
import { CaptureEvidence } from './evidence/capture-evidence.js';
import { crawlPaths } from './frontier-database.js';
import { HttpFetcher } from './http-fetcher.js';
import { ImageFetcher } from './images/image-fetcher.js';
import { PageRenderer } from './page-rendering.js';
import { ProxyOutageGate } from './socks/proxy-outage-gate.js';
import { proxyAddressOf, proxyRouteOf } from './socks/proxy-route.js';

export const maxRedirects = 10;
/** Written in every WARC file's warcinfo and the run's metadata record. */
export const software = `Indicia/${(createRequire(import.meta.url)('../package.json') as { version: string }).version}`;

/** Which canonical URLs a crawl may touch: one crawl's scope, or every submission's in a worker. */
export interface UrlScope {
  includes(canonicalUrl: string): boolean;
}

/** Settings a capture needs: a crawl's, without the seeds (a distributed worker gets them per request). */
export type CaptureSettings = Omit<CrawlSettings, 'seeds'>;

export interface CapturePartsOptions {
  settings: CaptureSettings;
  /** What is recorded as the run's settings in the WARC metadata. */
  recordedSettings: Record<string, unknown>;
  runId: string;
  scope: UrlScope;
  counters: CrawlCounters;
  log: Logger;
  findBrowser?: (options: FindBrowserOptions) => BrowserExecutable;
}

/** What fetching and keeping a page takes: fetchers (page, images), the browser, evidence and the assembly that ties them. */
export interface CaptureParts {
  fetcher: HttpFetcher;
  /** Where every fetch waits while the proxy is down; null without a proxy. */
  outageGate: ProxyOutageGate | null;
  evidence: CaptureEvidence;
  renderer: PageRenderer;
  assembly: CaptureAssembly;
  close(): Promise<void>;
}

/**
 * Opens the parts that turn a URL into a capture, the same for the embedded crawl (HttpCrawl) and
 * a distributed crawl worker: the same fail-closed proxy for pages, images and the browser, the
 * same caps, the same evidence.
 */
export async function openCaptureParts(options: CapturePartsOptions): Promise<CaptureParts> {
  const { settings, scope, log } = options;
  const evidence = await CaptureEvidence.open({
    dataDir: settings.dataDir,
    software,
    runId: options.runId,
    recordedSettings: options.recordedSettings,
    proxy: redactProxyUrl(settings.proxyUrl),
    operator: settings.operator,
    caseId: settings.caseId,
    maxWarcFileBytes: settings.maxWarcFileBytes,
  });
  // Every fetcher of a crawl (pages and robots.txt, images, the browser) takes the same route
  // through the same proxy with the same per-site SOCKS credentials: one circuit per site.
  const route = { proxyUrl: settings.proxyUrl, proxyIsTor: settings.proxyIsTor, isolateStreams: settings.isolateStreams };
  // And they wait together when the proxy goes down, instead of failing their pages.
  const proxy = proxyAddressOf(proxyRouteOf(settings.proxyUrl));
  const outageGate = proxy
    ? new ProxyOutageGate({ proxy, label: redactProxyUrl(settings.proxyUrl) ?? '', waitLimitMs: settings.proxyWaitMs, log })
    : null;
  const gated = outageGate ? { outageGate } : {};
  const fetcher = new HttpFetcher({
    ...route,
    ...gated,
    userAgent: settings.userAgent,
    timeoutMs: settings.requestTimeoutMs,
    onionTimeoutMs: settings.onionRequestTimeoutMs,
    maxBodyBytes: settings.maxResponseBytes,
    maxRedirects,
  });
  const blobs = new BlobStore(crawlPaths(settings.dataDir).blobs);
  const inScope = (url: string): boolean => {
    const canonicalUrl = canonicalizeCrawlableUrl(url);
    return canonicalUrl !== null && scope.includes(canonicalUrl);
  };
  const renderer = new PageRenderer({
    mode: settings.mode,
    browser: browserSettingsOf(settings),
    ...route,
    ...gated,
    userAgent: settings.userAgent,
    maxBodyBytes: settings.maxResponseBytes,
    inScope,
    log,
    ...(options.findBrowser ? { findBrowser: options.findBrowser } : {}),
  });
  // Images get their own deadline (same proxy, same fail-closed fetcher): a page waits on its images.
  const imageHttp = settings.images
    ? new HttpFetcher({
        ...route,
        ...gated,
        userAgent: settings.userAgent,
        timeoutMs: Math.min(settings.imageTimeoutMs, settings.requestTimeoutMs),
        // An onion image waits on the same circuit as its page: the page's onion deadline, not the image one.
        onionTimeoutMs: settings.onionRequestTimeoutMs,
        maxBodyBytes: settings.maxImageBytes,
        maxRedirects,
      })
    : null;
  const images = imageHttp
    ? new ImageFetcher({
        http: imageHttp,
        blobStore: blobs,
        limits: {
          maxImageBytes: settings.maxImageBytes,
          maxImagePixels: settings.maxImagePixels,
          maxImagesPerPage: settings.maxImagesPerPage,
          maxImageBytesPerPage: settings.maxImageBytesPerPage,
        },
        redirectAllowed: inScope,
      })
    : null;
  const assembly = new CaptureAssembly({ blobs, evidence, renderer, images, scope, counters: options.counters, maxResponseBytes: settings.maxResponseBytes, log });
  return {
    fetcher,
    outageGate,
    evidence,
    renderer,
    assembly,
    async close() {
      outageGate?.close();
      await renderer.close();
      await evidence.close();
      fetcher.close();
      imageHttp?.close();
    },
  };
}

function browserSettingsOf(settings: CaptureSettings): ConstructorParameters<typeof PageRenderer>[0]['browser'] {
  return {
    browserExecutable: settings.browserExecutable,
    browsers: settings.browsers,
    pagesAtOncePerBrowser: settings.pagesAtOncePerBrowser,
    pagesPerBrowser: settings.pagesPerBrowser,
    navigationTimeoutMs: settings.navigationTimeoutMs,
    settleTimeoutMs: settings.settleTimeoutMs,
    networkIdleMs: settings.networkIdleMs,
    maxScrolls: settings.maxScrolls,
    maxScreenshotHeight: settings.maxScreenshotHeight,
    maxExchanges: settings.maxExchanges,
    crashRetries: settings.crashRetries,
  };
}

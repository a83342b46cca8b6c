import type { ProxyOutageStats } from './socks/proxy-outage-gate.js';
import type { Logger, PageCaptured } from '@indicia/core';
import type { BrowserExecutable, FindBrowserOptions } from './browser/browser-executable.js';
import type { CrawlSettings } from './crawl-settings.js';
import type { UrlState } from './frontier-database.js';

export interface CrawlHooks {
  log: Logger;
  /** Called once per stored capture; awaited (back-pressure) before the page is marked done. */
  onCapture(capture: PageCaptured): Promise<void>;
  /** At least every second while running, and once at the end. */
  onProgress?(progress: CrawlProgress): void;
  /** Where the browser is looked for (default: findBrowserExecutable); tests pass a search that finds none. */
  findBrowser?: (options: FindBrowserOptions) => BrowserExecutable;
}

export interface CrawlProgress {
  /** Pages captured by this run. */
  captured: number;
  /** Pages that failed for good in this run. */
  failed: number;
  /** Waiting to be fetched (including retries backing off). */
  queued: number;
  inFlight: number;
  /** Captures per second since the run started. */
  pagesPerSecond: number;
  elapsedMs: number;
  /** URLs robots.txt kept this run from fetching. */
  skippedByRobots: number;
  /** Pages a browser rendered. */
  rendered: number;
  /** Pages that looked script-rendered (or were to be rendered) but no browser could render them: kept as fetched, marked. */
  needingBrowser: number;
  /** Pages the browser could not render (a renderer crash, a page that never answers): kept as fetched, marked needsBrowser. */
  renderFailed: number;
  /** Images kept (new to this run), and images refused with a reason (too big, not an image, pixel bomb...). */
  imagesKept: number;
  imagesRefused: number;
  /** How long the proxy has been down, every fetch waiting for it; null while it is up (or with no proxy). */
  proxyDownForMs: number | null;
}

export interface CrawlFailure {
  url: string;
  reason: string;
}

export interface CrawlSummary extends CrawlProgress {
  runId: string;
  /** Pages captured by earlier runs on this data dir that this run did not fetch again. */
  alreadyCaptured: number;
  /** The first failures of the run (bounded); `failed` has the full count. */
  failures: CrawlFailure[];
  /** The effective settings, proxy credentials removed (also stored with the run). */
  settings: CrawlSettings;
  /** The run emptied its queue: not stopped, nothing left pending. */
  completed: boolean;
  /** URLs in the data dir's frontier by state, after the run. */
  frontier: Record<UrlState, number>;
  /** The browser used (null when none was needed), or why none could be. */
  browser: { executable: string | null; launches: number; crashes: number; recycles: number; blockedRequests: number } | null;
  browserUnavailable: string | null;
  /** Times the proxy went down during the run, and the time fetches spent waiting for it; null with no proxy. */
  proxyOutages: ProxyOutageStats | null;
}

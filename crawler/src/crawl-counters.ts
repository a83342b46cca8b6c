import type { CrawlFailure, CrawlProgress } from './crawl-report.js';

const keptFailures = 100;

/** What a run has done so far, for progress reports and the summary. */
export class CrawlCounters {
  captured = 0;
  failed = 0;
  skippedByRobots = 0;
  rendered = 0;
  needingBrowser = 0;
  renderFailed = 0;
  imagesRefused = 0;
  private readonly keptImages = new Set<string>();
  readonly failures: CrawlFailure[] = [];
  private readonly startedAt = Date.now();

  /** An image a page shows was kept; the same image on many pages counts once. */
  imageKept(sha256: string): void {
    this.keptImages.add(sha256);
  }

  recordFailure(url: string, reason: string): void {
    this.failed++;
    if (this.failures.length < keptFailures) this.failures.push({ url, reason });
  }

  progress(current: { queued: number; inFlight: number; proxyDownForMs?: number | null }): CrawlProgress {
    const elapsedMs = Date.now() - this.startedAt;
    return {
      captured: this.captured,
      failed: this.failed,
      queued: current.queued,
      inFlight: current.inFlight,
      pagesPerSecond: elapsedMs > 0 ? Math.round((this.captured / elapsedMs) * 100_000) / 100 : 0,
      elapsedMs,
      skippedByRobots: this.skippedByRobots,
      rendered: this.rendered,
      needingBrowser: this.needingBrowser,
      renderFailed: this.renderFailed,
      imagesKept: this.keptImages.size,
      imagesRefused: this.imagesRefused,
      proxyDownForMs: current.proxyDownForMs ?? null,
    };
  }
}

import type { PipelineProgress } from './embedded-pipeline.js';

const number = new Intl.NumberFormat('en-US');

export function formatProgress(progress: PipelineProgress): string {
  return [
    // First: while the proxy is down nothing else moves, and the user may be the one to restart it.
    ...(progress.proxyDownForMs !== null ? [`PROXY DOWN ${Math.round(progress.proxyDownForMs / 1000)} s, fetches waiting for it`] : []),
    `${number.format(progress.captured)} pages`,
    `${progress.pagesPerSecond.toFixed(1)} pages/s`,
    `queue ${number.format(progress.queued)}`,
    `in flight ${progress.inFlight}`,
    `failed ${number.format(progress.failed)}`,
    `robots-blocked ${number.format(progress.skippedByRobots)}`,
    ...(progress.rendered > 0 ? [`rendered ${number.format(progress.rendered)}`] : []),
    ...(progress.needingBrowser > 0 ? [`needing a browser ${number.format(progress.needingBrowser)}`] : []),
    ...(progress.imagesKept > 0 ? [`images ${number.format(progress.imagesKept)}`] : []),
    `ads ${number.format(progress.ads)}`,
    `indicators ${number.format(progress.indicators)}`,
  ].join(' · ');
}

/**
 * Live progress on stderr: one line rewritten in place on a terminal, a line every few seconds
 * otherwise (CI logs, pipes), so long crawls always show that they are moving.
 */
export class ProgressLine {
  private lastWrite = 0;
  private drawn = false;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly plainIntervalMs = 5000,
  ) {}

  update(progress: PipelineProgress): void {
    const line = `crawl: ${formatProgress(progress)}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${line.slice(0, (this.stream.columns ?? 160) - 1)}`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    if (now - this.lastWrite >= this.plainIntervalMs) {
      this.stream.write(`${line}\n`);
      this.lastWrite = now;
    }
  }

  /** Ends the live line so what follows starts on a clean line. */
  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

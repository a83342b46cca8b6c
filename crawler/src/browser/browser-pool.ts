import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { BrowserFetcherClosedError, BrowserLaunchError } from './browser-errors.js';
import { isProcessAlive, launchedBrowserProcesses, removeProfileDir } from './chromium-processes.js';

export interface BrowserPoolOptions {
  launchOptions: LaunchOptions;
  browsers: number;
  pagesAtOncePerBrowser: number;
  /** Pages a browser serves before it is retired and replaced. */
  pagesPerBrowser: number;
}

export interface BrowserPoolStats {
  launches: number;
  /** Browsers retired after pagesPerBrowser pages. */
  recycles: number;
  /** Browsers that disconnected without being asked to close. */
  crashes: number;
  /** Profiles of ended browsers that could not be removed (left for the next run's orphan sweep). */
  profilesLeft: number;
}

/** One launched browser process and what the pool knows about it. */
class PooledBrowser {
  active = 0;
  served = 0;
  retiring = false;
  crashed = false;
  closing: Promise<void> | null = null;
  constructor(
    readonly browser: Browser,
    /** From /proc; null off Linux. */
    readonly pid: number | null,
    readonly profileDir: string | null,
  ) {}
}

/** A page slot in a browser; release it exactly once, when the page's context is closed. */
export interface BrowserLease {
  browser: Browser;
  /** The browser disconnected without the pool closing it (crash, kill). */
  crashed(): boolean;
  release(): void;
}

const closeTimeoutMs = 10_000;

/**
 * A bounded pool of browser processes. Each serves `pagesAtOncePerBrowser` pages at once and
 * `pagesPerBrowser` pages in all, then is closed and replaced on demand, so a long crawl's memory
 * stays flat. A browser that dies is dropped at once (its pages in flight fail and may be
 * retried by the caller on the fresh browser launched for the next lease).
 */
export class BrowserPool {
  private readonly slots: Array<PooledBrowser | null>;
  private readonly launching = new Map<number, Promise<PooledBrowser>>();
  private readonly retired = new Set<PooledBrowser>();
  private readonly waiters: Array<() => void> = [];
  /** Launches run one at a time, so the new child process is told apart from the others. */
  private launchQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  readonly stats: BrowserPoolStats = { launches: 0, recycles: 0, crashes: 0, profilesLeft: 0 };
  /** Profile removals of crashed browsers under way; close() waits for them. */
  private readonly removals = new Set<Promise<void>>();

  constructor(private readonly options: BrowserPoolOptions) {
    this.slots = Array.from({ length: options.browsers }, () => null);
  }

  async acquire(): Promise<BrowserLease> {
    for (;;) {
      if (this.closed) throw new BrowserFetcherClosedError('the browser fetcher is closed');
      const slot = this.freeSlot();
      if (slot !== null) {
        const pooled = await this.browserIn(slot);
        if (pooled.crashed || pooled.retiring || pooled.active >= this.options.pagesAtOncePerBrowser) continue;
        pooled.active += 1;
        pooled.served += 1;
        if (pooled.served >= this.options.pagesPerBrowser) pooled.retiring = true;
        let released = false;
        return {
          browser: pooled.browser,
          crashed: () => pooled.crashed,
          release: () => {
            if (released) return;
            released = true;
            pooled.active -= 1;
            this.afterRelease(slot, pooled);
          },
        };
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Process ids of the live browsers (diagnostics, and tests that kill one). */
  processIds(): number[] {
    return this.slots.flatMap((pooled) => (pooled && !pooled.crashed && pooled.pid !== null ? [pooled.pid] : []));
  }

  /** Closes every browser, waiting for none of the pages in flight; those fail. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await Promise.allSettled([...this.launching.values()]);
    const all = [...this.slots.filter((pooled): pooled is PooledBrowser => pooled !== null), ...this.retired];
    this.slots.fill(null);
    await Promise.all(all.map((pooled) => this.shutDown(pooled)));
    await Promise.all(this.removals);
  }

  private freeSlot(): number | null {
    for (let slot = 0; slot < this.slots.length; slot++) {
      const pooled = this.slots[slot];
      if (pooled === undefined) continue;
      // An empty slot: launch a browser there, or join the launch already under way.
      if (pooled === null) return slot;
      if (!pooled.crashed && !pooled.retiring && pooled.active < this.options.pagesAtOncePerBrowser) {
        return slot;
      }
    }
    return null;
  }

  private async browserIn(slot: number): Promise<PooledBrowser> {
    const current = this.slots[slot];
    if (current) return current;
    let launch = this.launching.get(slot);
    if (!launch) {
      launch = this.launch(slot);
      this.launching.set(slot, launch);
      launch.then(
        () => this.launching.delete(slot),
        () => this.launching.delete(slot),
      );
    }
    return launch;
  }

  private launch(slot: number): Promise<PooledBrowser> {
    const next = this.launchQueue.then(async () => {
      if (this.closed) throw new BrowserFetcherClosedError('the browser fetcher is closed');
      const before = new Set(launchedBrowserProcesses().map((child) => child.pid));
      const browser = await launchWithOneRetry(this.options.launchOptions);
      const child = launchedBrowserProcesses().find((candidate) => !before.has(candidate.pid)) ?? null;
      const pooled = new PooledBrowser(browser, child?.pid ?? null, child?.profileDir ?? null);
      browser.once('disconnected', () => {
        if (pooled.closing) return;
        pooled.crashed = true;
        this.stats.crashes += 1;
        if (this.slots[slot] === pooled) this.slots[slot] = null;
        const removal = this.removeProfile(pooled);
        this.removals.add(removal);
        const forget = () => this.removals.delete(removal);
        removal.then(forget, forget);
        this.wakeAll();
      });
      this.stats.launches += 1;
      this.slots[slot] = pooled;
      return pooled;
    });
    this.launchQueue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private afterRelease(slot: number, pooled: PooledBrowser): void {
    if (pooled.retiring && pooled.active === 0 && !pooled.crashed && !pooled.closing) {
      if (this.slots[slot] === pooled) this.slots[slot] = null;
      this.stats.recycles += 1;
      this.retired.add(pooled);
      void this.shutDown(pooled).then(() => this.retired.delete(pooled));
    }
    this.wakeAll();
  }

  private async shutDown(pooled: PooledBrowser): Promise<void> {
    if (!pooled.closing) {
      pooled.closing = (async () => {
        if (!pooled.crashed) {
          const closing = pooled.browser.close();
          const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), closeTimeoutMs).unref());
          if ((await Promise.race([closing.then(() => 'closed' as const), timer])) === 'timeout' && pooled.pid !== null && isProcessAlive(pooled.pid)) {
            // A browser that does not answer close() is killed: close() must release every process.
            process.kill(pooled.pid, 'SIGKILL');
          }
        }
        await this.removeProfile(pooled);
      })();
    }
    await pooled.closing;
  }

  /** Playwright removes the profile when the browser exits; this covers the exits it did not see through. */
  private async removeProfile(pooled: PooledBrowser): Promise<void> {
    if (pooled.profileDir !== null && !(await removeProfileDir(pooled.profileDir))) this.stats.profilesLeft += 1;
  }

  private wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

async function launchWithOneRetry(options: LaunchOptions): Promise<Browser> {
  try {
    return await chromium.launch(options);
  } catch (first) {
    // A launch can fail once on a loaded machine (startup timeout); twice means it cannot work.
    try {
      return await chromium.launch(options);
    } catch (second) {
      throw new BrowserLaunchError(`could not start the browser ${options.executablePath ?? ''}: ${firstLine(second)} (first attempt: ${firstLine(first)})`, {
        cause: second,
      });
    }
  }
}

function firstLine(error: unknown): string {
  return ((error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '').slice(0, 300);
}

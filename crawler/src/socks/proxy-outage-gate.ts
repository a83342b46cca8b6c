import { StopRunError, type Logger } from '@indicia/core';
import { ProxyUnreachableError } from '../fetch-errors.js';
import { proxyAnswers } from './proxy-probe.js';
import type { ProxyAddress } from './proxy-route.js';

/** The crawl's proxy stayed down longer than it may wait: the run stops, its pages stay to be fetched by the next run. */
export class ProxyDownError extends StopRunError {
  override readonly name: string = 'ProxyDownError';
}

export interface ProxyOutageGateOptions {
  proxy: ProxyAddress;
  /** The proxy as it may be logged (no credentials). */
  label: string;
  /** How long fetches wait for the proxy to come back; 0 stops at the first outage. */
  waitLimitMs: number;
  log: Logger;
}

export interface ProxyOutageStats {
  /** Times the proxy was found down. */
  outages: number;
  /** Time spent waiting for it, outages ended or not. */
  downMs: number;
}

const probeTimeoutMs = 2_000;
const firstProbeDelayMs = 500;
const maxProbeDelayMs = 5_000;

/**
 * Fail-closed, and patient: when the crawl's proxy dies (Tor restarting, a tunnel dropped), no
 * fetch goes another way and no page is failed for it. The first fetch that meets a proxy error
 * asks whether the proxy is still there (proxyAnswers); if not, it is down, and every fetch of
 * the crawl (pages, robots.txt, images, the browser) waits at this gate while the proxy is
 * probed with growing waits. When it answers again the fetches go on where they stopped. Past
 * `waitLimitMs` the waiting fetches fail with ProxyDownError, a StopRunError: the run ends saying
 * so, and its pages stay pending for the next run of the same command.
 *
 * A proxy error while the proxy still answers (one that answers badly) is not an outage: it is
 * thrown as it is, and the page is retried or failed like any other.
 */
export class ProxyOutageGate {
  private outage: { since: number; back: Promise<void>; reopen: () => void; giveUp: (error: ProxyDownError) => void } | null = null;
  private checking: Promise<boolean> | null = null;
  private givenUp: ProxyDownError | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly counts = { outages: 0, endedDownMs: 0 };

  constructor(private readonly options: ProxyOutageGateOptions) {}

  /** How long the proxy has been down; null while it is up. */
  get downForMs(): number | null {
    return this.outage ? Date.now() - this.outage.since : null;
  }

  get stats(): ProxyOutageStats {
    return { outages: this.counts.outages, downMs: this.counts.endedDownMs + (this.downForMs ?? 0) };
  }

  /** Runs one fetch; while the proxy is down it waits for the proxy and runs the fetch again. */
  async through<T>(fetch: () => Promise<T>): Promise<T> {
    for (;;) {
      await this.whenUp();
      try {
        return await fetch();
      } catch (error) {
        if (!(error instanceof ProxyUnreachableError) || !(await this.isDown(error))) throw error;
      }
    }
  }

  /** Stops probing; fetches still waiting fail. */
  close(): void {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
    if (!this.outage) return;
    this.givenUp = new ProxyDownError(`the crawl ended while waiting for the proxy ${this.options.label}`);
    this.outage.giveUp(this.givenUp);
    this.endOutage();
  }

  private async whenUp(): Promise<void> {
    if (this.givenUp) throw this.givenUp;
    if (this.outage) await this.outage.back;
  }

  /** After a proxy error: is the proxy down (the caller then waits), or did it only answer badly? */
  private async isDown(error: ProxyUnreachableError): Promise<boolean> {
    if (this.givenUp) throw this.givenUp;
    if (this.outage) return true;
    // Fetches failing together ask once.
    this.checking ??= proxyAnswers(this.options.proxy, probeTimeoutMs).finally(() => (this.checking = null));
    if (await this.checking) return false;
    if (!this.outage && !this.givenUp) this.beginOutage(error);
    return true;
  }

  private beginOutage(error: ProxyUnreachableError): void {
    let reopen!: () => void;
    let giveUp!: (error: ProxyDownError) => void;
    const back = new Promise<void>((resolve, reject) => {
      reopen = resolve;
      giveUp = reject;
    });
    // Each waiting fetch awaits `back`; this handler only keeps a give-up with no fetch waiting from being "unhandled".
    back.catch(() => undefined);
    this.outage = { since: Date.now(), back, reopen, giveUp };
    this.counts.outages += 1;
    const { label, waitLimitMs } = this.options;
    this.options.log.warn({ proxy: label, waitLimitMs, reason: error.message }, 'proxy down: every fetch waits for it, none goes another way');
    this.scheduleProbe(firstProbeDelayMs);
  }

  private scheduleProbe(delayMs: number): void {
    const outage = this.outage;
    if (!outage || this.closed) return;
    const waited = Date.now() - outage.since;
    if (waited >= this.options.waitLimitMs) {
      this.endOutage();
      this.givenUp = new ProxyDownError(
        `the proxy ${this.options.label} has not answered for ${Math.round(waited / 1000)} s (the limit, proxyWaitMs, is ${this.options.waitLimitMs} ms): ` +
          'the crawl stops here; the pages not yet fetched stay pending, and the same command resumes them once the proxy is back',
      );
      this.options.log.error({ proxy: this.options.label, downMs: waited }, 'proxy still down: stopping');
      outage.giveUp(this.givenUp);
      return;
    }
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      void proxyAnswers(this.options.proxy, probeTimeoutMs).then((answers) => {
        if (this.closed || this.outage !== outage) return;
        if (!answers) return this.scheduleProbe(Math.min(delayMs * 2, maxProbeDelayMs));
        this.endOutage();
        this.options.log.info({ proxy: this.options.label, downMs: Date.now() - outage.since }, 'proxy answering again: fetches resume');
        outage.reopen();
      });
    }, Math.min(delayMs, Math.max(0, this.options.waitLimitMs - waited)));
  }

  private endOutage(): void {
    if (!this.outage) return;
    this.counts.endedDownMs += Date.now() - this.outage.since;
    this.outage = null;
  }
}

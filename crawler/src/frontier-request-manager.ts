import { Request, type IRequestManager } from '@crawlee/cheerio';
import type { FrontierEntry } from './frontier.js';
import { HostQueue } from './host-queue.js';
import { hostPacingFor, type HostPacingSettings } from './onion-settings.js';
import type { RobotsPolicy, RobotsVerdict } from './robots-policy.js';

export interface FrontierRequestManagerOptions {
  /** Per-host limits; .onion hosts get the onion ones (hostPacingFor). */
  pacing: HostPacingSettings;
  retryBackoffMs: number;
  /** Resolves the robots.txt policy of an origin; called once per origin. */
  loadRobots: (origin: string) => Promise<RobotsPolicy>;
  /** An entry is about to be fetched. */
  onDispatch: (entry: FrontierEntry) => void;
  /** An entry robots.txt keeps from being fetched. */
  onRefused: (entry: FrontierEntry, verdict: Exclude<RobotsVerdict, { allowed: true }>) => void;
  /** Something became ready to run (a slot freed, a delay passed, robots.txt arrived). */
  onWake: () => void;
}

/** Longest wait a Retry-After header may impose on one retry. */
const maxRetryAfterMs = 60_000;

/**
 * Feeds Crawlee from our frontier, in place of Crawlee's request queue. It is where politeness
 * lives: at most `perHostConcurrency` requests per origin at a time, at least `perHostDelayMs`
 * between two request starts to one origin (for a .onion origin the onion limits, gentler), nothing fetched before the origin's robots.txt is
 * known, and retries held back with exponential backoff instead of being retried at once. Origins
 * are served round-robin so one large site cannot starve the others.
 */
export class FrontierRequestManager implements IRequestManager {
  private readonly hosts = new Map<string, HostQueue>();
  private activeHosts: HostQueue[] = [];
  private roundRobin = 0;
  private readonly dispatched = new Map<string, { entry: FrontierEntry; host: HostQueue }>();
  private readonly backingOff = new Map<string, { entry: FrontierEntry; timer: NodeJS.Timeout }>();
  /** Crawlee keeps a request's retry count on the request object, so a retry must reuse it. */
  private readonly retrying = new Map<string, Request>();
  private queued = 0;
  private robotsLoading = 0;
  private handled = 0;
  private stopped = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeAt = Number.POSITIVE_INFINITY;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: FrontierRequestManagerOptions) {}

  get inFlight(): number {
    return this.dispatched.size;
  }

  /** Waiting to be fetched: queued, backing off before a retry, or waiting for robots.txt. */
  get waiting(): number {
    return this.queued + this.backingOff.size;
  }

  enqueue(entries: Iterable<FrontierEntry>): void {
    for (const entry of entries) {
      const host = this.hostFor(entry);
      if (host.robots && !this.admitByRobots(host.robots, entry)) continue;
      host.push(entry);
      this.queued++;
    }
    this.options.onWake();
  }

  /** Stop handing out requests; the ones in flight finish. */
  stop(): void {
    this.stopped = true;
    this.clearWakeTimer();
  }

  /** Entries dispatched earlier and now waiting for a retry: to be put back to pending when the run ends. */
  takeBackingOff(): FrontierEntry[] {
    const entries = [...this.backingOff.values()].map(({ entry, timer }) => {
      clearTimeout(timer);
      return entry;
    });
    this.backingOff.clear();
    this.retrying.clear();
    return entries;
  }

  /** Resolves once no request is in flight. */
  idle(): Promise<void> {
    if (this.dispatched.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // ---- IRequestManager, as Crawlee's BasicCrawler uses it ----

  async isFinished(): Promise<boolean> {
    if (this.dispatched.size > 0) return false;
    return this.stopped || (this.queued === 0 && this.backingOff.size === 0 && this.robotsLoading === 0);
  }

  async isEmpty(): Promise<boolean> {
    return this.findReadyHost(Date.now()) === null;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.handled + this.dispatched.size + this.waiting;
  }

  getPendingCount(): number {
    return this.waiting;
  }

  async fetchNextRequest<T extends Record<string, unknown>>(): Promise<Request<T> | null> {
    const now = Date.now();
    const host = this.findReadyHost(now);
    if (!host) return null;
    const entry = host.shift()!;
    this.queued--;
    host.inFlight++;
    host.lastStartAt = now;
    this.options.onDispatch(entry);
    const retry = this.retrying.get(entry.canonicalUrl);
    this.retrying.delete(entry.canonicalUrl);
    const request =
      retry ??
      new Request({
        url: entry.canonicalUrl,
        uniqueKey: entry.canonicalUrl,
        userData: { depth: entry.depth },
      });
    this.dispatched.set(request.uniqueKey, { entry, host });
    return request as Request<T>;
  }

  async markRequestHandled(request: Request): Promise<null> {
    if (this.release(request)) this.handled++;
    return null;
  }

  async reclaimRequest(request: Request): Promise<null> {
    const released = this.dispatched.get(request.uniqueKey);
    if (!this.release(request) || !released) return null;
    const { entry, host } = released;
    const delay = this.retryDelay(request);
    this.retrying.set(entry.canonicalUrl, request);
    const timer = setTimeout(() => {
      this.backingOff.delete(entry.canonicalUrl);
      host.unshift(entry);
      this.queued++;
      this.activate(host);
      this.options.onWake();
    }, delay);
    this.backingOff.set(entry.canonicalUrl, { entry, timer });
    return null;
  }

  async addRequest(): Promise<never> {
    throw new Error('requests come from the frontier; use FrontierRequestManager.enqueue');
  }

  async addRequestsBatched(): Promise<never> {
    throw new Error('requests come from the frontier; use FrontierRequestManager.enqueue');
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const request = await this.fetchNextRequest();
      if (!request) return;
      yield request;
    }
  }

  // ---- internals ----

  private hostFor(entry: FrontierEntry): HostQueue {
    const origin = new URL(entry.canonicalUrl).origin;
    let host = this.hosts.get(origin);
    if (!host) {
      host = new HostQueue(origin, hostPacingFor(new URL(origin).hostname, this.options.pacing));
      this.hosts.set(origin, host);
      this.loadRobots(host);
    }
    this.activate(host);
    return host;
  }

  private loadRobots(host: HostQueue): void {
    this.robotsLoading++;
    host.lastStartAt = Date.now();
    this.options.loadRobots(host.origin).then(
      (policy) => {
        this.robotsLoading--;
        host.robots = policy;
        // After a stop the run is winding down (its frontier may be closed): the entries stay pending.
        if (this.stopped) return;
        for (const entry of host.takeAll()) {
          this.queued--;
          if (this.admitByRobots(policy, entry)) {
            host.push(entry);
            this.queued++;
          }
        }
        this.options.onWake();
      },
      // loadRobots settles every failure into a policy; reaching this is a bug, and it must not stall the crawl.
      (error: unknown) => {
        this.robotsLoading--;
        host.robots = { verdict: () => ({ allowed: false, state: 'failed', reason: `robots.txt check failed: ${String(error)}` }) };
        this.options.onWake();
      },
    );
  }

  private admitByRobots(policy: RobotsPolicy, entry: FrontierEntry): boolean {
    const verdict = policy.verdict(entry.canonicalUrl);
    if (verdict.allowed) return true;
    this.options.onRefused(entry, verdict);
    return false;
  }

  private activate(host: HostQueue): void {
    if (host.active) return;
    host.active = true;
    this.activeHosts.push(host);
  }

  /** The next origin, round-robin, that may start a request now; schedules a wake-up when one will later. */
  private findReadyHost(now: number): HostQueue | null {
    if (this.stopped) return null;
    let earliest = Number.POSITIVE_INFINITY;
    const count = this.activeHosts.length;
    for (let i = 0; i < count; i++) {
      const index = (this.roundRobin + i) % count;
      const host = this.activeHosts[index]!;
      if (!host.robots || host.size === 0 || host.inFlight >= host.pacing.perHostConcurrency) continue;
      const readyAt = host.lastStartAt + host.pacing.perHostDelayMs;
      if (readyAt > now) {
        earliest = Math.min(earliest, readyAt);
        continue;
      }
      this.roundRobin = (index + 1) % count;
      return host;
    }
    this.pruneIdleHosts();
    if (earliest < Number.POSITIVE_INFINITY) this.scheduleWake(earliest, now);
    return null;
  }

  private pruneIdleHosts(): void {
    const isIdle = (host: HostQueue) => host.size === 0 && host.robots !== null;
    if (!this.activeHosts.some(isIdle)) return;
    for (const host of this.activeHosts) if (isIdle(host)) host.active = false;
    this.activeHosts = this.activeHosts.filter((host) => host.active);
    this.roundRobin = 0;
  }

  private scheduleWake(at: number, now: number): void {
    if (this.wakeTimer && this.wakeAt <= at) return;
    this.clearWakeTimer();
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.options.onWake();
    }, Math.max(0, at - now));
  }

  private clearWakeTimer(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = Number.POSITIVE_INFINITY;
  }

  private release(request: Request): boolean {
    const dispatched = this.dispatched.get(request.uniqueKey);
    if (!dispatched) return false;
    this.dispatched.delete(request.uniqueKey);
    dispatched.host.inFlight--;
    if (this.dispatched.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.options.onWake();
    return true;
  }

  private retryDelay(request: Request): number {
    const backoff = this.options.retryBackoffMs * 2 ** Math.max(0, request.retryCount - 1);
    const retryAfter = typeof request.userData.retryAfterMs === 'number' ? Math.min(request.userData.retryAfterMs, maxRetryAfterMs) : 0;
    // Jitter keeps retries of many pages from hitting a recovering server in lockstep.
    return Math.max(backoff * (0.8 + Math.random() * 0.4), retryAfter);
  }
}

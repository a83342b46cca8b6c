import { hostPacingFor, onionDefaults } from '../onion-settings.js';

export interface HostPacerOptions {
  /** Requests in flight at once to one host. */
  perHostConcurrency: number;
  /** Least time between two request starts to one host. */
  perHostDelayMs: number;
  /** The same for a .onion host (the gentler of the two applies). Default onionDefaults. */
  onionPerHostConcurrency?: number;
  onionPerHostDelayMs?: number;
}

interface HostState {
  perHostConcurrency: number;
  perHostDelayMs: number;
  active: number;
  lastStartAt: number;
  waiters: Array<() => void>;
}

/**
 * Politeness in a distributed crawl worker. The bus sends every request for a host to the one
 * worker that holds its partition, so pacing the host here paces it for the whole crawl. A .onion
 * host gets the onion limits (hostPacingFor).
 * `acquire` resolves when a request to the host may start; call the release it returns when the
 * request has finished.
 */
export class HostPacer {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly options: HostPacerOptions) {}

  async acquire(host: string): Promise<() => void> {
    const state = this.stateOf(host);
    for (;;) {
      const waitMs = this.waitBeforeStart(state);
      if (waitMs === 0) break;
      await new Promise<void>((resolve) => {
        state.waiters.push(resolve);
        if (Number.isFinite(waitMs)) setTimeout(resolve, waitMs);
      });
    }
    state.active++;
    state.lastStartAt = Date.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
      this.wake(state);
      if (state.active === 0 && state.waiters.length === 0 && Date.now() - state.lastStartAt >= state.perHostDelayMs) this.hosts.delete(host);
    };
  }

  /** 0 when a request may start now; Infinity when it must wait for a release. */
  private waitBeforeStart(state: HostState): number {
    if (state.active >= state.perHostConcurrency) return Number.POSITIVE_INFINITY;
    return Math.max(0, state.lastStartAt + state.perHostDelayMs - Date.now());
  }

  private wake(state: HostState): void {
    for (const resolve of state.waiters.splice(0)) resolve();
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      const pacing = hostPacingFor(host, {
        perHostConcurrency: this.options.perHostConcurrency,
        perHostDelayMs: this.options.perHostDelayMs,
        onionPerHostConcurrency: this.options.onionPerHostConcurrency ?? onionDefaults.perHostConcurrency,
        onionPerHostDelayMs: this.options.onionPerHostDelayMs ?? onionDefaults.perHostDelayMs,
      });
      state = { ...pacing, active: 0, lastStartAt: 0, waiters: [] };
      this.hosts.set(host, state);
    }
    return state;
  }
}

/**
 * Stops calling a failing service for a while, so a provider that is down costs the pipeline one
 * quick "unavailable" per call instead of a timeout per call. Closed: calls go through and
 * consecutive failures are counted. Open (after failureThreshold of them): calls are refused at
 * once until the cool-down ends. Half-open: one trial call goes through; its success closes the
 * breaker, its failure opens it again for another cool-down.
 */
export interface CircuitBreakerOptions {
  failureThreshold: number;
  coolDownMs: number;
  /** The clock; tests pass their own so nothing depends on real time. */
  now?: () => number;
  /** Told when the breaker opens or closes (for a log line at info: no values, only the state). */
  onStateChange?: (state: BreakerState) => void;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export type BreakerAdmission = { admitted: true } | { admitted: false; retryAt: number };

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil = 0;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.consecutiveFailures < this.options.failureThreshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** When calls may be tried again (ms since the epoch); meaningful while the breaker is open. */
  get retryAt(): number {
    return this.openUntil;
  }

  /** Whether a call may start now. An admitted call must end in recordSuccess or recordFailure. */
  admit(): BreakerAdmission {
    const state = this.state;
    if (state === 'closed') return { admitted: true };
    if (state === 'open' || this.trialInFlight) return { admitted: false, retryAt: this.openUntil };
    this.trialInFlight = true;
    return { admitted: true };
  }

  recordSuccess(): void {
    const wasTripped = this.consecutiveFailures >= this.options.failureThreshold;
    this.consecutiveFailures = 0;
    this.trialInFlight = false;
    if (wasTripped) this.options.onStateChange?.('closed');
  }

  /** A failure; retryAfterMs (a 429's Retry-After) lengthens the cool-down when the breaker opens. */
  recordFailure(options: { retryAfterMs?: number | null } = {}): void {
    this.trialInFlight = false;
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures < this.options.failureThreshold) return;
    this.openUntil = this.now() + Math.max(this.options.coolDownMs, options.retryAfterMs ?? 0);
    this.options.onStateChange?.('open');
  }

  /** An admitted call that ended without telling anything about the service (the caller gave up). */
  recordAbandoned(): void {
    this.trialInFlight = false;
  }
}

import type { Logger } from '@indicia/core';
import { CircuitBreaker } from './circuit-breaker.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { ProviderDisabledError, ProviderPausedError, ProviderRateLimitedError, ProviderRequestRejectedError, ProviderUnavailableError } from './provider-errors.js';

export interface ProviderGuardOptions {
  /** The provider's name as shown to people ("WhoisXML API"). */
  label: string;
  /** The provider's short name, carried by its errors. */
  provider: string;
  maxConcurrent: number;
  /** Consecutive failures after which calls are refused for coolDownMs. */
  failureThreshold: number;
  coolDownMs: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * What every provider needs to degrade gracefully, in one place: a cap on calls in flight, a
 * circuit breaker, and "disabled for the run" once the provider has refused our credentials.
 * A provider runs each of its HTTP calls through `run`.
 */
export class ProviderGuard {
  private readonly breaker: CircuitBreaker;
  private readonly limit: ConcurrencyLimit;
  private disabled: string | null = null;

  constructor(private readonly options: ProviderGuardOptions) {
    this.limit = new ConcurrencyLimit(options.maxConcurrent);
    this.breaker = new CircuitBreaker({
      failureThreshold: options.failureThreshold,
      coolDownMs: options.coolDownMs,
      ...(options.now ? { now: options.now } : {}),
      // State changes only: no domain or contact value is ever in these lines.
      onStateChange: (state) =>
        options.logger?.info({ provider: options.provider, breaker: state }, state === 'open' ? `${options.label} failing: calls paused for a cool-down` : `${options.label} answering again`),
    });
  }

  /** Why the provider was disabled during this run (bad key, no credits); null while it is usable. */
  get disabledReason(): string | null {
    return this.disabled;
  }

  get breakerState() {
    return this.breaker.state;
  }

  get inFlight(): number {
    return this.limit.active;
  }

  async run<T>(call: () => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    this.refuseIfUnusable();
    return this.limit.run(async () => {
      this.refuseIfUnusable();
      const admission = this.breaker.admit();
      if (!admission.admitted) throw this.breakerOpenError(admission.retryAt);
      try {
        const value = await call();
        this.breaker.recordSuccess();
        return value;
      } catch (error) {
        this.learnFrom(error, options.signal);
        throw error;
      }
    }, options);
  }

  private refuseIfUnusable(): void {
    if (this.disabled !== null) throw new ProviderDisabledError(this.options.provider, this.disabled);
    if (this.breaker.state === 'open') throw this.breakerOpenError(this.breaker.retryAt);
  }

  private breakerOpenError(retryAt: number): ProviderPausedError {
    return new ProviderPausedError(this.options.provider, `${this.options.label} unavailable: not called until ${new Date(retryAt).toISOString()} after ${this.options.failureThreshold} consecutive failures`);
  }

  private learnFrom(error: unknown, signal: AbortSignal | undefined): void {
    if (signal?.aborted) {
      // The caller gave up (its deadline): that says nothing about the provider.
      this.breaker.recordAbandoned();
    } else if (error instanceof ProviderRateLimitedError) {
      this.breaker.recordFailure({ retryAfterMs: error.retryAfterMs });
    } else if (error instanceof ProviderUnavailableError) {
      this.breaker.recordFailure();
    } else if (error instanceof ProviderRequestRejectedError) {
      // The provider answered, and answered sensibly: it is up.
      this.breaker.recordSuccess();
    } else if (error instanceof ProviderDisabledError) {
      this.breaker.recordAbandoned();
      if (this.disabled === null) {
        this.disabled = error.message;
        this.options.logger?.warn({ provider: this.options.provider }, error.message);
      }
    } else {
      this.breaker.recordAbandoned();
    }
  }
}

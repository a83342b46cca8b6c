import { DeadLetterError, RetryableError } from '@indicia/core';

/**
 * What can go wrong calling a provider, by what the caller does about it. Messages name the
 * provider and the HTTP status, never the API key nor the value looked up.
 */

/** The provider refused our credentials (bad key, no credits, no access): stop calling it for this run. */
export class ProviderDisabledError extends Error {
  override readonly name: string = 'ProviderDisabledError';
  constructor(
    readonly provider: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The provider failed transiently (timeout, network, 5xx, unreadable answer, breaker open): try later. */
export class ProviderUnavailableError extends RetryableError {
  override readonly name: string = 'ProviderUnavailableError';
  constructor(
    readonly provider: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The circuit breaker is open after consecutive failures: the provider is not called until the cool-down ends. */
export class ProviderPausedError extends ProviderUnavailableError {
  override readonly name: string = 'ProviderPausedError';
}

/** The provider asked us to slow down (429): try again after retryAfterMs when it says. */
export class ProviderRateLimitedError extends ProviderUnavailableError {
  override readonly name: string = 'ProviderRateLimitedError';
  constructor(
    provider: string,
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(provider, message);
  }
}

/** The provider rejected this request as malformed (400/422: a bad domain, a bad term): never retry it. */
export class ProviderRequestRejectedError extends DeadLetterError {
  override readonly name: string = 'ProviderRequestRejectedError';
  constructor(
    readonly provider: string,
    message: string,
  ) {
    super(message);
  }
}

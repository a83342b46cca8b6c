import { DeadLetterError, RetryableError } from '@indicia/core';

/** A WHOIS server could not be reached, refused, or did not answer in time: try again later. */
export class WhoisUnavailableError extends RetryableError {
  override readonly name: string = 'WhoisUnavailableError';
  /** The server (host[:port]) that failed. */
  readonly server: string;
  constructor(message: string, details: { server: string; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.server = details.server;
  }
}

/** The server answered "rate limit exceeded" (or the like) again after backing off: try later. */
export class WhoisRateLimitedError extends RetryableError {
  override readonly name: string = 'WhoisRateLimitedError';
  readonly server: string;
  /** The wait the answer named ("replenished in 50 seconds"), when it named one. */
  readonly retryAfterMs: number | null;
  constructor(message: string, details: { server: string; retryAfterMs: number | null }) {
    super(message);
    this.server = details.server;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** No WHOIS server is known for the domain, and IANA names none: there is nothing to ask. */
export class WhoisNoServerError extends DeadLetterError {
  override readonly name: string = 'WhoisNoServerError';
}

/** A server name or override that is not host[:port]: a configuration mistake. */
export class WhoisServerNameError extends DeadLetterError {
  override readonly name: string = 'WhoisServerNameError';
}

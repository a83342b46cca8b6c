import { DeadLetterError, RetryableError, UsageError } from '@indicia/core';

/**
 * A bootstrap file (bundled, cached, given by the user or fetched from IANA) that is not a valid
 * RFC 9224 registry: no lookup can be routed with it. A config problem, so it is a UsageError; a
 * refresh that fails leaves the previous copy in place.
 */
export class RdapBootstrapError extends UsageError {
  override readonly name: string = 'RdapBootstrapError';
}

/** An RDAP response or jCard that breaks RFC 9083 / RFC 7095: it will never parse, record why. */
export class RdapFormatError extends DeadLetterError {
  override readonly name: string = 'RdapFormatError';
}

/** No RDAP service is known for the domain's TLD: the caller falls back to WHOIS. */
export class RdapNoServiceError extends DeadLetterError {
  override readonly name: string = 'RdapNoServiceError';
}

/** The server refused for now (429, 503, 5xx, timeout) and the retry budget is spent: try later. */
export class RdapUnavailableError extends RetryableError {
  override readonly name: string = 'RdapUnavailableError';
  /** The RDAP server (origin) that refused. */
  readonly server: string;
  /** How long the server asked us to wait, when it said (Retry-After). */
  readonly retryAfterMs: number | null;
  constructor(message: string, details: { server: string; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.server = details.server;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/** The server answered with an HTTP error that retrying will not change (400, 403, 410...). */
export class RdapRequestError extends DeadLetterError {
  override readonly name: string = 'RdapRequestError';
  readonly server: string;
  readonly status: number;
  constructor(message: string, details: { server: string; status: number }) {
    super(message);
    this.server = details.server;
    this.status = details.status;
  }
}

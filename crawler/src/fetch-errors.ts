import { DeadLetterError, RetryableError } from '@indicia/core';

/**
 * Why a fetch failed, as classes the crawl acts on: the retryable ones are tried again with
 * backoff, the dead-letter ones fail the page at once. Messages are one line and start with the
 * cause, because they become the page's recorded failure reason.
 */

/** The configured proxy could not be reached; the request was not sent anywhere else. */
export class ProxyUnreachableError extends RetryableError {
  override readonly name: string = 'ProxyUnreachableError';
}

/** The proxy answered a CONNECT tunnel request with something other than 200. */
export class ProxyTunnelRefusedError extends RetryableError {
  override readonly name: string = 'ProxyTunnelRefusedError';
}

/** Connection refused or reset, DNS failure, a socket that hung up mid-response... */
export class NetworkError extends RetryableError {
  override readonly name: string = 'NetworkError';
}

export class FetchTimeoutError extends RetryableError {
  override readonly name: string = 'FetchTimeoutError';
}

/** 429 or 5xx: the server may answer properly later. */
export class RetryableStatusError extends RetryableError {
  override readonly name: string = 'RetryableStatusError';
  constructor(
    readonly status: number,
    statusText: string,
    /** From a Retry-After header, when the server sent one. */
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ''}`);
  }
}

/** A redirect loop, too many redirects, or a redirect to a non-http(s) URL: retrying changes nothing. */
export class UnfollowableRedirectError extends DeadLetterError {
  override readonly name: string = 'UnfollowableRedirectError';
}

/** The body claims an encoding it does not have (corrupt gzip...). */
export class UndecodableBodyError extends DeadLetterError {
  override readonly name: string = 'UndecodableBodyError';
}

/** One line saying why an attempt failed, as recorded on the page and in the summary. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = (message.split('\n', 1)[0] ?? '').trim().slice(0, 500);
  return firstLine || (error instanceof Error ? error.name : 'unknown error');
}

/** The capture hook (the pipeline behind the crawler) threw: the page is retried like a failed fetch. */
export class CaptureHookError extends RetryableError {
  override readonly name: string = 'CaptureHookError';
}

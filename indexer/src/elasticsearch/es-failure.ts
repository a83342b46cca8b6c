import { errors } from '@elastic/elasticsearch';
import { RetryableError } from '@indicia/core';

/** A timeout (408), too many requests (429) and server-side failures (5xx) may pass; other statuses will not. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The node could not be reached, timed out, or answered 429/5xx: worth trying again. */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError || error instanceof errors.NoLivingConnectionsError) return true;
  if (error instanceof errors.ResponseError) return isTransientStatus(error.statusCode ?? 0);
  return false;
}

/** The error type Elasticsearch answered with (resource_already_exists_exception...), if any. */
export function responseErrorType(error: unknown): string | undefined {
  if (!(error instanceof errors.ResponseError)) return undefined;
  const body = error.meta.body as { error?: { type?: string } } | undefined;
  return body?.error?.type;
}

/**
 * Elasticsearch's reason for refusing a document, without the preview of the field's value that
 * mapping errors quote: the value may be an indicator, which is personal data.
 */
export function redactedReason(error: { type?: string; reason?: string | null; caused_by?: { type?: string; reason?: string | null } } | undefined): string {
  if (!error) return 'no reason given';
  const strip = (text: string | null | undefined): string => (text ?? '').replace(/\s*Preview of field's value:.*$/s, '').trim();
  const cause = error.caused_by ? ` (${error.caused_by.type ?? 'cause'}: ${strip(error.caused_by.reason)})` : '';
  return `${error.type ?? 'error'}: ${strip(error.reason)}${cause}`;
}

/** A read that failed for a reason that may pass is retryable; anything else keeps its class. */
export function classifyReadFailure(error: unknown, doing: string): unknown {
  if (isTransientFailure(error)) return new RetryableError(`Elasticsearch unavailable while ${doing}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  return error;
}

import { ProviderDisabledError, ProviderPausedError, ProviderRateLimitedError, ProviderRequestRejectedError, ProviderUnavailableError } from './provider-errors.js';

/**
 * What a caller that must not wait gets from a provider: the answer, or why there is none. The
 * pipeline records the reason and goes on; a slow or failing provider never holds it up.
 */
export type ProviderOutcome<T> =
  | { status: 'ok'; value: T }
  /** No answer now: disabled (retryable false), down, rate limited, breaker open, or past the deadline. */
  | { status: 'unavailable'; kind: UnavailableKind; reason: string; retryable: boolean }
  /** The provider refused this request itself (a malformed domain or term): asking again will not help. */
  | { status: 'rejected'; reason: string };

/**
 * Why there is no answer, as a closed list a caller can count by: past the caller's deadline;
 * disabled for the run (the API refused the key, no credits); paused (circuit breaker open);
 * rate limited (429); failing (timeout, network, 5xx, an unreadable answer).
 */
export const unavailableKinds = ['deadline', 'disabled', 'paused', 'rate-limited', 'failing'] as const;
export type UnavailableKind = (typeof unavailableKinds)[number];

export interface DeadlineOptions {
  deadlineMs: number;
  /** The caller's own cancellation: when it aborts, its reason is thrown (the caller asked to stop). */
  signal?: AbortSignal;
}

/**
 * Runs a provider call with a deadline. The call gets a signal that aborts when the deadline
 * passes, so its request is cancelled and its concurrency slot freed; the caller gets
 * `unavailable` at the deadline even if the call ignores the signal. Provider errors become
 * outcomes; any other error is a bug and is thrown.
 */
export async function withDeadline<T>(call: (signal: AbortSignal) => Promise<T>, options: DeadlineOptions): Promise<ProviderOutcome<T>> {
  options.signal?.throwIfAborted();
  const controller = new AbortController();
  const deadlineReason = `no answer within the ${options.deadlineMs} ms deadline`;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProviderOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new DOMException(deadlineReason, 'TimeoutError'));
      resolve({ status: 'unavailable', kind: 'deadline', reason: deadlineReason, retryable: true });
    }, options.deadlineMs);
  });
  const forwardAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  const running = call(controller.signal);
  // Once the deadline has answered the caller, a late failure of the call has nobody to tell:
  // the outcome already says it is unavailable.
  running.catch(() => undefined);
  try {
    return await Promise.race([running.then((value): ProviderOutcome<T> => ({ status: 'ok', value })), deadline]);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (controller.signal.aborted) return { status: 'unavailable', kind: 'deadline', reason: deadlineReason, retryable: true };
    return outcomeOf(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}

function outcomeOf(error: unknown): ProviderOutcome<never> {
  if (error instanceof ProviderDisabledError) return { status: 'unavailable', kind: 'disabled', reason: error.message, retryable: false };
  if (error instanceof ProviderUnavailableError) return { status: 'unavailable', kind: kindOf(error), reason: error.message, retryable: true };
  if (error instanceof ProviderRequestRejectedError) return { status: 'rejected', reason: error.message };
  throw error;
}

function kindOf(error: ProviderUnavailableError): UnavailableKind {
  if (error instanceof ProviderPausedError) return 'paused';
  if (error instanceof ProviderRateLimitedError) return 'rate-limited';
  return 'failing';
}

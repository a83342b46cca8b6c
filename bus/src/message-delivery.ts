import { setTimeout as sleep } from 'node:timers/promises';
import { DeadLetterError, StopRunError, deserializeEnvelope, type Envelope, type MessageHandler } from '@indicia/core';

export interface RetryPolicy {
  /** Deliveries of one message before it goes to the dead letter. */
  maxAttempts: number;
  /** First retry delay; doubles on each further attempt. */
  retryBaseMs: number;
  /** Ceiling of one retry delay. */
  maxRetryDelayMs: number;
}

/** How a message's delivery ended. */
export type DeliveryOutcome =
  | { kind: 'handled' }
  /** Failed for good: `envelope` is absent when the bytes could not be decoded. */
  | { kind: 'dead-letter'; envelope?: Envelope; error: unknown; attempts: number }
  | { kind: 'stop'; error: StopRunError }
  /** The consumer is stopping: left unhandled and uncommitted, to be delivered again after a restart. */
  | { kind: 'abandoned' };

export interface DeliveryContext {
  handler: MessageHandler;
  policy: RetryPolicy;
  /** Wraps each handler call: the subscription's concurrency limit. */
  runLimited: <T>(work: () => Promise<T>) => Promise<T>;
  /** Aborted when the consumer stops: no new attempt starts, a retry wait ends. */
  stopping: AbortSignal;
}

/**
 * Decodes one message and runs its handler, retrying with exponential backoff. The wait between
 * attempts holds no concurrency slot, so other keys go on meanwhile; the same key waits (order).
 * Each attempt gets its own decoded envelope.
 */
export async function deliverMessage(value: Buffer | null, context: DeliveryContext): Promise<DeliveryOutcome> {
  const text = value?.toString('utf8') ?? '';
  let envelope: Envelope;
  try {
    envelope = deserializeEnvelope(text);
  } catch (error) {
    if (error instanceof DeadLetterError) return { kind: 'dead-letter', error, attempts: 1 };
    throw error;
  }
  for (let attempts = 1; ; attempts++) {
    if (context.stopping.aborted) return { kind: 'abandoned' };
    // The first attempt gets the envelope just decoded; a retry (and the dead letter) a fresh copy,
    // so a handler that changed its copy cannot affect what comes after.
    const copy = attempts === 1 ? envelope : deserializeEnvelope(text);
    try {
      await context.runLimited(() => context.handler(copy));
      return { kind: 'handled' };
    } catch (error) {
      if (error instanceof StopRunError) return { kind: 'stop', error };
      if (error instanceof DeadLetterError || attempts >= context.policy.maxAttempts) return { kind: 'dead-letter', envelope: deserializeEnvelope(text), error, attempts };
    }
    const delay = Math.min(context.policy.retryBaseMs * 2 ** (attempts - 1), context.policy.maxRetryDelayMs);
    if (!(await waitUnlessStopping(delay, context.stopping))) return { kind: 'abandoned' };
  }
}

/** Waits `ms`; answers false, early, if the consumer stops meanwhile. */
export async function waitUnlessStopping(ms: number, stopping: AbortSignal): Promise<boolean> {
  if (stopping.aborted) return false;
  try {
    await sleep(ms, undefined, { signal: stopping });
    return true;
  } catch (error) {
    if (stopping.aborted) return false;
    throw error;
  }
}

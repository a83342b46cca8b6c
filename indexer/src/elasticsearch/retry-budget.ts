import { setTimeout as sleep } from 'node:timers/promises';
import { describeError, RetryableError } from '@indicia/core';
import { isTransientFailure } from './es-failure.js';

export interface RetryBudgetOptions {
  /** How long, from the first attempt, failures that may pass are retried. */
  budgetMs: number;
  /** The first pause; each next one doubles, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Exponential backoff within a time budget, so a node that is down for a while (a restart, a
 * 30-second outage) is waited out and a node that stays down fails the call after a bounded time.
 */
export class RetryBudget {
  private readonly deadline: number;
  private attempt = 0;

  constructor(private readonly options: RetryBudgetOptions) {
    this.deadline = Date.now() + options.budgetMs;
  }

  get attempts(): number {
    return this.attempt;
  }

  /**
   * Pauses before the next attempt. Resolves false, without pausing, once the budget is spent; the
   * last pause is cut short so that one attempt is made at the deadline.
   */
  async pause(): Promise<boolean> {
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) return false;
    const full = Math.min(this.options.maxDelayMs, this.options.initialDelayMs * 2 ** this.attempt);
    // Jitter spreads the retries of workers that failed together.
    const delay = Math.min(remaining, full * (0.5 + Math.random() / 2));
    this.attempt++;
    await sleep(delay);
    return true;
  }
}

/**
 * Runs `work`, retrying it within the budget while it fails for a reason that may pass (the node
 * unreachable, 429, 5xx). Then the last failure is thrown as a RetryableError: the transport will
 * deliver the message again later. Other failures are thrown as they are, at once.
 */
export async function retryWhileTransient<T>(work: () => Promise<T>, budget: RetryBudget, context: { doing: string; onRetry: (error: unknown) => void }): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientFailure(error)) throw error;
      context.onRetry(error);
      if (!(await budget.pause())) throw new RetryableError(`Elasticsearch unavailable while ${context.doing} (gave up after ${budget.attempts} retries): ${describeError(error)}`, { cause: error });
    }
  }
}

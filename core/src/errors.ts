/**
 * Error classes are named for what the runtime does with them, not for where they came from.
 * Transports and crawlers branch on these classes; anything else is treated as a bug in the
 * stage and goes to the dead letter after its retries, with its stack.
 */

/** Something outside our control failed transiently (timeout, 5xx, broker unavailable): try again later. */
export class RetryableError extends Error {
  override readonly name: string = 'RetryableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** This input can never be processed (malformed, too large, wrong type): record why and move on. */
export class DeadLetterError extends Error {
  override readonly name: string = 'DeadLetterError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The run cannot go on (disk full, store corrupt): stop everything and say why. */
export class StopRunError extends Error {
  override readonly name: string = 'StopRunError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The user asked for something that cannot work (bad flag, bad config file): one line, exit code 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A one-line description of any thrown value, for logs and records (never the stack at info level). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

import type { Envelope } from './envelope.js';
import type { Logger } from './logger.js';
import type { MessageType, PayloadOf } from './messages.js';

/** What a stage may do besides returning: emit new messages (stamped with it as their parent). */
export interface StageContext {
  readonly runId: string;
  readonly log: Logger;
  emit<T extends MessageType>(type: T, payload: PayloadOf<T>): Promise<void>;
}

/**
 * A pipeline stage: a name, the one message type it consumes, the types it may produce, and a
 * handler. Stages hold no transport; the composition root (the CLI) binds them to one, so the
 * same stage runs embedded (in-memory) or distributed (Kafka) unchanged.
 *
 * Contract: `handle` may be called more than once for the same message (delivery is
 * at-least-once), so whatever it writes must be an upsert by a deterministic id. It throws
 * RetryableError for transient failures and DeadLetterError for input that can never succeed.
 */
export interface Stage<T extends MessageType = MessageType> {
  readonly name: string;
  readonly consumes: T;
  readonly produces: readonly MessageType[];
  handle(message: Envelope<T>, ctx: StageContext): Promise<void>;
  /** Release resources (close files, flush batches). Called once when the pipeline stops. */
  close?(): Promise<void>;
}

import type { Envelope } from './envelope.js';
import type { MessageType } from './messages.js';

export type MessageHandler<T extends MessageType = MessageType> = (envelope: Envelope<T>) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group: every group receives every message of the type once. */
  group: string;
  /** Messages of this subscription handled at once. */
  concurrency?: number;
}

/** A message that failed for good, with why; kept, never silently dropped. */
export interface DeadLetter {
  /** The message, when it could be decoded; absent for bytes that are not a valid envelope (see `raw`). */
  envelope?: Envelope;
  /**
   * A message that could not even be decoded (not JSON, or not a valid envelope): its bytes, base64
   * (lossless whatever they are), cut at 1 MiB. Only a transport that carries bytes (Kafka) has these.
   */
  raw?: string;
  group: string;
  error: string;
  attempts: number;
  failedAt: string;
}

/**
 * The port between stages. Implementations: the in-memory transport here (embedded mode) and the
 * Kafka transport in @indicia/bus (distributed mode). Delivery is at-least-once.
 */
export interface Transport {
  readonly name: string;
  /** Validates and sends; may wait (back-pressure) when consumers are behind. */
  publish(envelope: Envelope): Promise<void>;
  subscribe<T extends MessageType>(type: T, handler: MessageHandler<T>, options: SubscribeOptions): void;
  /** Resolves once nothing is queued or being handled. */
  drain(): Promise<void>;
  onDeadLetter(listener: (deadLetter: DeadLetter) => void): void;
  close(): Promise<void>;
}

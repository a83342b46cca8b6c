import { DeadLetterError, StopRunError, describeError } from './errors.js';
import { deserializeEnvelope, parseEnvelope, serializeEnvelope, type Envelope } from './envelope.js';
import type { MessageType } from './messages.js';
import type { DeadLetter, MessageHandler, SubscribeOptions, Transport } from './transport.js';

export interface InMemoryTransportOptions {
  /** Deliveries of one message before it goes to the dead letter. */
  maxAttempts?: number;
  /** First retry delay; doubles on each further attempt. */
  retryBaseMs?: number;
  /** Messages queued for one subscription before `publish` waits for the consumer to catch up. */
  highWaterMark?: number;
}

interface QueuedMessage {
  /** Serialised as it would be on Kafka, so embedded mode fails the way distributed mode would. */
  text: string;
  traceId: string;
  attempts: number;
}

interface Subscription {
  type: MessageType;
  group: string;
  handler: MessageHandler;
  concurrency: number;
  queue: QueuedMessage[];
  active: number;
}

/**
 * The embedded transport: one process, queues in memory, the same contract as Kafka
 * (at-least-once, retries, dead letters, a consumer group per subscription).
 *
 * It also knows when everything a message started has finished (its trace has settled), which the
 * embedded pipeline uses to record that a capture is fully processed: a crawl killed midway
 * replays only the captures whose trace never settled.
 */
export class InMemoryTransport implements Transport {
  readonly name = 'memory';
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly highWaterMark: number;
  private readonly subscriptions = new Map<MessageType, Subscription[]>();
  private readonly openDeliveriesByTrace = new Map<string, number>();
  private unfinished = 0;
  private idleWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private spaceWaiters: Array<() => void> = [];
  private readonly deadLetterListeners: Array<(deadLetter: DeadLetter) => void> = [];
  private readonly traceSettledListeners: Array<(traceId: string) => void> = [];
  private stopError: StopRunError | null = null;
  private closed = false;

  constructor(options: InMemoryTransportOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 100;
    this.highWaterMark = options.highWaterMark ?? 1000;
  }

  subscribe<T extends MessageType>(type: T, handler: MessageHandler<T>, options: SubscribeOptions): void {
    const list = this.subscriptions.get(type) ?? [];
    if (list.some((s) => s.group === options.group)) throw new Error(`group ${options.group} already subscribed to ${type}`);
    list.push({ type, group: options.group, handler: handler as MessageHandler, concurrency: options.concurrency ?? 1, queue: [], active: 0 });
    this.subscriptions.set(type, list);
  }

  async publish(envelope: Envelope): Promise<void> {
    if (this.closed) throw new Error('transport is closed');
    if (this.stopError) throw this.stopError;
    const text = serializeEnvelope(envelope);
    parseEnvelope(JSON.parse(text)); // a producer bug surfaces at the producer, as a schema error
    const subscribers = this.subscriptions.get(envelope.type) ?? [];
    for (const subscription of subscribers) {
      subscription.queue.push({ text, traceId: envelope.traceId, attempts: 0 });
      this.unfinished++;
      this.openDeliveriesByTrace.set(envelope.traceId, (this.openDeliveriesByTrace.get(envelope.traceId) ?? 0) + 1);
      this.pump(subscription);
    }
    if (!this.openDeliveriesByTrace.has(envelope.traceId)) this.settle(envelope.traceId);
    while (subscribers.some((s) => s.queue.length > this.highWaterMark) && !this.stopError) {
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
  }

  drain(): Promise<void> {
    if (this.stopError) return Promise.reject(this.stopError);
    if (this.unfinished === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
  }

  onDeadLetter(listener: (deadLetter: DeadLetter) => void): void {
    this.deadLetterListeners.push(listener);
  }

  /** Called with a trace id once every delivery descending from that trace's first message has finished. */
  onTraceSettled(listener: (traceId: string) => void): void {
    this.traceSettledListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const list of this.subscriptions.values()) for (const s of list) s.queue.length = 0;
    this.releaseSpaceWaiters();
  }

  private pump(subscription: Subscription): void {
    while (subscription.active < subscription.concurrency && subscription.queue.length > 0) {
      const message = subscription.queue.shift()!;
      subscription.active++;
      void this.deliver(subscription, message);
    }
  }

  private async deliver(subscription: Subscription, message: QueuedMessage): Promise<void> {
    let finished = true;
    try {
      await subscription.handler(deserializeEnvelope(message.text));
    } catch (error) {
      finished = this.handleFailure(subscription, message, error);
    } finally {
      subscription.active--;
      if (finished) this.finish(message.traceId);
      if (subscription.queue.length <= this.highWaterMark) this.releaseSpaceWaiters();
      if (!this.closed) this.pump(subscription);
    }
  }

  /** Returns whether the message is done with (dead-lettered or fatal) rather than scheduled again. */
  private handleFailure(subscription: Subscription, message: QueuedMessage, error: unknown): boolean {
    if (error instanceof StopRunError) {
      this.stopError = error;
      for (const waiter of this.idleWaiters.splice(0)) waiter.reject(error);
      this.releaseSpaceWaiters();
      return true;
    }
    const attempts = message.attempts + 1;
    if (error instanceof DeadLetterError || attempts >= this.maxAttempts) {
      const deadLetter: DeadLetter = {
        envelope: JSON.parse(message.text) as Envelope,
        group: subscription.group,
        error: describeError(error),
        attempts,
        failedAt: new Date().toISOString(),
      };
      for (const listener of this.deadLetterListeners) listener(deadLetter);
      return true;
    }
    const delay = this.retryBaseMs * 2 ** (attempts - 1);
    setTimeout(() => {
      if (this.closed) return;
      subscription.queue.unshift({ ...message, attempts });
      this.pump(subscription);
    }, delay);
    return false;
  }

  private finish(traceId: string): void {
    this.unfinished--;
    const open = (this.openDeliveriesByTrace.get(traceId) ?? 1) - 1;
    if (open > 0) this.openDeliveriesByTrace.set(traceId, open);
    else {
      this.openDeliveriesByTrace.delete(traceId);
      this.settle(traceId);
    }
    if (this.unfinished === 0) for (const waiter of this.idleWaiters.splice(0)) waiter.resolve();
  }

  private settle(traceId: string): void {
    for (const listener of this.traceSettledListeners) listener(traceId);
  }

  private releaseSpaceWaiters(): void {
    for (const resolve of this.spaceWaiters.splice(0)) resolve();
  }
}

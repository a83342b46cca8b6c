import { RetryableError, describeError, serializeEnvelope, type Logger, type MessageHandler, type MessageType, type StopRunError } from '@indicia/core';
import kafkajs, { type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage, type RetryOptions } from 'kafkajs';
import { isBrokerUnreachable } from './broker-unreachable.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { ContiguousOffsets } from './contiguous-offsets.js';
import { OffsetCommitter } from './offset-committer.js';
import { rawOf, type DeadLetterRecord } from './dead-letter-record.js';
import { deliverMessage, waitUnlessStopping, type DeliveryContext, type RetryPolicy } from './message-delivery.js';
import { consumerGroupFor, deadLetterTopicSettings, recordOverheadBytes, topicFor, topicPlan } from './topic-plan.js';

export interface SubscriptionConsumerOptions {
  kafka: Kafka;
  prefix: string;
  type: MessageType;
  group: string;
  concurrency: number;
  handler: MessageHandler;
  policy: RetryPolicy;
  /** kafkajs' retry settings for this consumer's requests (the client's, shared by the transport). */
  retry: RetryOptions;
  /** A member silent this long is dropped from its group and its partitions go to others. */
  sessionTimeoutMs: number;
  /** How long a fetch waits at the broker for new messages: also how long stopping an idle consumer takes. */
  maxWaitTimeMs: number;
  /**
   * How long a batch may hold up kafkajs' next fetch (of every partition of this consumer) before
   * it is handed off: its partition paused, the others fetched meanwhile (default 100 ms).
   */
  handOffAfterMs?: number;
  log: Logger;
  /** Produces a dead-letter record; resolves once Kafka acknowledged it. */
  sendDeadLetter(record: DeadLetterRecord): Promise<void>;
  /** A handler threw StopRunError: the run must stop. */
  onStopRun(error: StopRunError): void;
  /** kafkajs gave up on this consumer, for another reason than unreachable brokers, and it cannot be restarted. */
  onConsumerFailed(error: Error): void;
  /** The first wait before starting a consumer again that kafkajs gave up on because no broker answered (default 1 s); it doubles each time. */
  restartBaseMs?: number;
  /** The longest of those waits (default 30 s). */
  maxRestartDelayMs?: number;
}

/**
 * One subscription on Kafka: a consumer in its own group that takes batches of messages, handles up
 * to `concurrency` at once (one at a time per key, so a key's messages keep their order) and
 * commits only the prefix of each partition whose messages are all done, after their handlers
 * resolved. Delivery is at-least-once: a worker killed mid-batch leaves its uncommitted messages to
 * whoever takes over its partitions.
 *
 * kafkajs waits for every batch of a fetch before fetching again, so a batch awaited in `eachBatch`
 * would hold up every partition behind its slowest message (a retry's backoff, a long page). A batch
 * not done within `handOffAfterMs` is therefore handed off: its partition is paused, `eachBatch`
 * returns, the other partitions keep being fetched, and the partition resumes from where the batch
 * ended once it is done. One batch per partition is in hand at a time.
 */
export class SubscriptionConsumer {
  readonly topic: string;
  readonly groupId: string;
  private readonly consumer: Consumer;
  private readonly gate: ConcurrencyGate;
  private readonly stopping = new AbortController();
  private readonly delivery: DeliveryContext;
  /** Batches in hand, by partition; `paused` when its partition was paused for it and must be resumed after it. */
  private readonly inHand = new Map<number, { done: Promise<void>; finished: boolean; paused: boolean }>();
  private readonly handOffAfterMs: number;
  private readonly restartBaseMs: number;
  private readonly maxRestartDelayMs: number;
  private readonly committer: OffsetCommitter;
  private stopped: Promise<void> | null = null;
  /** Set while a consumer that kafkajs gave up on is being started again. */
  private restarting: Promise<void> | null = null;

  constructor(private readonly options: SubscriptionConsumerOptions) {
    this.topic = topicFor(options.prefix, options.type);
    this.groupId = consumerGroupFor(options.prefix, options.type, options.group);
    this.gate = new ConcurrencyGate(options.concurrency);
    this.handOffAfterMs = options.handOffAfterMs ?? 100;
    this.restartBaseMs = options.restartBaseMs ?? 1000;
    this.maxRestartDelayMs = options.maxRestartDelayMs ?? 30_000;
    this.committer = new OffsetCommitter(
      (offsets) => this.consumer.commitOffsets(offsets.map(({ partition, offset }) => ({ topic: this.topic, partition, offset }))),
      (error) => {
        if (error instanceof kafkajs.KafkaJSError) {
          options.log.warn({ groupId: this.groupId, error: error.message }, 'could not commit progress; those messages may be delivered again');
        } else {
          // Not Kafka's doing: a bug, which must stop the run rather than leave progress uncommitted unseen.
          options.onConsumerFailed(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
    this.delivery = {
      handler: options.handler,
      policy: options.policy,
      runLimited: (work) => this.gate.run(work),
      stopping: this.stopping.signal,
    };
    const plan = topicPlan[options.type];
    this.consumer = options.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(options.sessionTimeoutMs / 3)),
      maxBytesPerPartition: plan.fetchBytesPerPartition,
      maxBytes: Math.max(16 * 1024 * 1024, plan.fetchBytesPerPartition),
      maxWaitTimeInMs: options.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      // Restart after any retriable failure (a broker restart) unless we are the ones stopping.
      retry: { ...options.retry, restartOnFailure: async () => !this.stopping.signal.aborted },
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      const error = payload.error instanceof Error ? payload.error : new Error(String(payload.error));
      if (payload.restart) options.log.warn({ groupId: this.groupId, error: error.message }, 'Kafka consumer crashed; kafkajs restarts it');
      else if (this.stopping.signal.aborted) return;
      else if (isBrokerUnreachable(error)) {
        // A crash while restarting starts a new round, which replaces the one ending.
        const restart: Promise<void> = this.restartWhenReachable(error).finally(() => {
          if (this.restarting === restart) this.restarting = null;
        });
        this.restarting = restart;
      } else options.onConsumerFailed(error);
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      options.log.info({ groupId: this.groupId, partitions: payload.memberAssignment[this.topic]?.length ?? 0 }, 'joined consumer group');
    });
  }

  /** Connects, joins the group (reading from the earliest message a new group has not seen) and starts fetching. */
  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.run();
  }

  private run(): Promise<void> {
    return this.consumer.run({
      eachBatch: (payload) => this.takeBatch(payload),
      eachBatchAutoResolve: false,
      autoCommit: false,
      // Batches of several partitions of one fetch are taken at once when handlers may run at once.
      partitionsConsumedConcurrently: Math.min(this.options.concurrency, topicPlan[this.options.type].partitions),
    });
  }

  /**
   * kafkajs gave up on the consumer because no broker answered (it had disconnected it): connects
   * and runs it again, waiting longer between attempts (up to `maxRestartDelayMs`) for as long as
   * the brokers stay unreachable, until it runs or this consumer stops. The batches in hand go on
   * meanwhile; what they finish is committed once the consumer runs again, or delivered again.
   */
  private async restartWhenReachable(cause: Error): Promise<void> {
    let error = cause;
    for (let attempt = 1; ; attempt++) {
      const delayMs = Math.min(this.restartBaseMs * 2 ** (attempt - 1), this.maxRestartDelayMs);
      this.options.log.warn({ groupId: this.groupId, attempt, retryInMs: delayMs, error: error.message }, 'no Kafka broker answers; the consumer starts again when one does');
      if (!(await waitUnlessStopping(delayMs, this.stopping.signal))) return;
      try {
        await this.consumer.connect();
        // stop() waits for this restart before it disconnects: never run a consumer it will not stop.
        if (this.stopping.signal.aborted) return;
        // Joining the group again logs 'joined consumer group'; a crash while joining comes back to
        // the CRASH listener, which starts the next round.
        await this.run();
        return;
      } catch (failure) {
        if (this.stopping.signal.aborted) return;
        const asError = failure instanceof Error ? failure : new Error(String(failure));
        if (!isBrokerUnreachable(asError)) {
          this.options.onConsumerFailed(asError);
          return;
        }
        error = asError;
      }
    }
  }

  /** True while a batch is in hand (messages in flight or waiting for a retry) or its progress is being committed. */
  get busy(): boolean {
    return this.inHand.size > 0 || this.committer.pending;
  }

  /**
   * Stops taking batches, lets handlers in flight finish and commits what is done, then leaves the
   * group. Messages waiting for a retry are left uncommitted (delivered again later). Safe to call twice.
   */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping.abort();
      await this.restarting;
      // Commits go through the running consumer, so the batches in hand finish before it stops.
      await Promise.all([...this.inHand.values()].map((batch) => batch.done));
      await this.committer.flush();
      await this.consumer.stop();
      await this.consumer.disconnect();
    })();
    return this.stopped;
  }

  /**
   * Handles a batch; if it is not done within `handOffAfterMs` (a slow handler, a retry's backoff),
   * pauses its partition and lets kafkajs go on fetching the others while it finishes. Quick batches
   * never pause: a paused partition is fetched again only on kafkajs' next poll.
   */
  private async takeBatch({ batch, resolveOffset }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    const inHand = this.inHand.get(batch.partition);
    if (this.stopping.signal.aborted || inHand) {
      // Not taken (stopping, or a batch already in hand after kafkajs restarted its consumer): not
      // resolved either, so it is fetched again later; paused meanwhile, so not at once.
      this.consumer.pause([{ topic: this.topic, partitions: [batch.partition] }]);
      if (inHand) inHand.paused = true;
      return;
    }
    const state = { done: Promise.resolve(), finished: false, paused: false };
    state.done = this.handleBatch(batch.partition, batch.messages, resolveOffset)
      .catch((error: unknown) => this.options.onConsumerFailed(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        state.finished = true;
        this.inHand.delete(batch.partition);
        if (state.paused && !this.stopping.signal.aborted) this.resume(batch.partition);
      });
    this.inHand.set(batch.partition, state);
    let timer: NodeJS.Timeout | undefined;
    const handOff = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.handOffAfterMs)));
    await Promise.race([state.done, handOff]);
    clearTimeout(timer);
    if (!state.finished) {
      state.paused = true;
      this.consumer.pause([{ topic: this.topic, partitions: [batch.partition] }]);
    }
  }

  private async handleBatch(partition: number, messages: KafkaMessage[], resolveOffset: (offset: string) => void): Promise<void> {
    const progress = new ContiguousOffsets(messages.map((m) => m.offset));
    let doneUpTo: string | null = null;
    await Promise.all(
      [...lanesByKey(messages)].map(async (lane) => {
        for (const index of lane) {
          if (this.stopping.signal.aborted) return;
          if (!(await this.process(partition, messages[index]!))) return; // later messages of the key must not overtake it
          const committable = progress.markDone(index);
          if (committable === null) continue;
          doneUpTo = committable;
          this.committer.note(partition, committable);
        }
      }),
    );
    // Where kafkajs fetches this partition from next; what is not done is fetched again later.
    if (doneUpTo !== null) resolveOffset(doneUpTo);
  }

  private resume(partition: number): void {
    try {
      this.consumer.resume([{ topic: this.topic, partitions: [partition] }]);
    } catch (error) {
      // kafkajs is between a crash and its restart: the restarted consumer starts unpaused anyway.
      if (!(error instanceof kafkajs.KafkaJSError)) throw error;
      this.options.log.debug({ groupId: this.groupId, partition, error: error.message }, 'partition not resumed: the consumer is restarting');
    }
  }

  /** Runs one message to its end; answers whether it is done with (handled or dead-lettered) and may be committed. */
  private async process(partition: number, message: KafkaMessage): Promise<boolean> {
    const outcome = await deliverMessage(message.value, this.delivery);
    switch (outcome.kind) {
      case 'handled':
        return true;
      case 'abandoned':
        return false;
      case 'stop':
        this.options.onStopRun(outcome.error);
        return false;
      case 'dead-letter': {
        const record: DeadLetterRecord = {
          group: this.options.group,
          type: this.options.type,
          error: describeError(outcome.error),
          attempts: outcome.attempts,
          failedAt: new Date().toISOString(),
          ...(outcome.envelope ? { envelope: outcome.envelope } : rawOf(message.value)),
          topic: this.topic,
          partition,
          offset: message.offset,
        };
        if (record.envelope && Buffer.byteLength(serializeEnvelope(record.envelope)) + recordOverheadBytes * 2 > deadLetterTopicSettings.maxMessageBytes) {
          // Cannot happen within the topic plan's limits; if it does, keep what fits rather than lose the letter.
          delete record.envelope;
          Object.assign(record, rawOf(message.value));
        }
        this.options.log.warn({ groupId: this.groupId, partition, offset: message.offset, attempts: record.attempts, error: record.error }, 'message dead-lettered');
        return this.sendDeadLetter(record);
      }
    }
  }

  /** Keeps trying until the dead letter is stored (the broker may be restarting), or the consumer stops. */
  private async sendDeadLetter(record: DeadLetterRecord): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.sendDeadLetter(record);
        return true;
      } catch (error) {
        if (!(error instanceof RetryableError)) throw error;
        this.options.log.warn({ groupId: this.groupId, attempt, error: error.message }, 'could not store a dead letter yet; retrying');
      }
      if (!(await waitUnlessStopping(Math.min(this.options.policy.retryBaseMs * 2 ** attempt, this.options.policy.maxRetryDelayMs), this.stopping.signal))) return false;
    }
  }
}

/** Indices of a batch's messages grouped by key, each group in offset order. */
function lanesByKey(messages: readonly KafkaMessage[]): Iterable<number[]> {
  const lanes = new Map<string, number[]>();
  messages.forEach((message, index) => {
    const key = message.key?.toString('latin1') ?? '';
    const lane = lanes.get(key);
    if (lane) lane.push(index);
    else lanes.set(key, [index]);
  });
  return lanes.values();
}

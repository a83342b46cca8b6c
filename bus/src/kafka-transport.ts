import {
  DeadLetterError,
  StopRunError,
  parseEnvelope,
  partitionKeyOf,
  serializeEnvelope,
  silentLogger,
  type DeadLetter,
  type Envelope,
  type Logger,
  type MessageHandler,
  type MessageType,
  type SubscribeOptions,
  type Transport,
} from '@indicia/core';
import kafkajs, { type Admin, type Producer, type RetryOptions } from 'kafkajs';
import { BatchingProducer, type BatchingProducerOptions } from './batching-producer.js';
import { deadLetterOf, type DeadLetterRecord } from './dead-letter-record.js';
import { groupsCaughtUp } from './drain-probe.js';
import { createKafkaClient, defaultKafkaRetry, type KafkaClient } from './kafka-client.js';
import { waitUnlessStopping, type RetryPolicy } from './message-delivery.js';
import { SubscriptionConsumer } from './subscription-consumer.js';
import { ensureTopics } from './topic-admin.js';
import { deadLetterTopicFor, defaultTopicPrefix, recordOverheadBytes, topicFor, topicPlan } from './topic-plan.js';

export interface KafkaTransportOptions {
  /** `host:port` of one or more brokers, e.g. `['127.0.0.1:9092']`. */
  brokers: string[];
  clientId?: string;
  /** Topics are `${topicPrefix}.${type}` and `${topicPrefix}.dead-letter`; groups start with it too. Default `indicia`. */
  topicPrefix?: string;
  log?: Logger;
  /** Deliveries of one message before it goes to the dead letter (default 5). */
  maxAttempts?: number;
  /** First retry delay, doubling on each further attempt (default 200 ms). */
  retryBaseMs?: number;
  /** Ceiling of one retry delay (default 10 s). */
  maxRetryDelayMs?: number;
  /** A worker silent this long loses its partitions to the others of its group (default 30 s; the broker's floor is 6 s). */
  sessionTimeoutMs?: number;
  /** How long a fetch waits at the broker for new messages; also bounds how long an idle consumer takes to stop (default 1 s). */
  maxWaitTimeMs?: number;
  /** How often `drain()` compares committed offsets with the topics' ends (default 250 ms). */
  drainPollMs?: number;
  /** Copies of each partition when topics are created (the broker's default unless set). */
  replicationFactor?: number;
  producer?: BatchingProducerOptions;
  /** kafkajs' retry of connections and requests (default: about 45 s in all, enough for a broker restart). */
  retry?: RetryOptions;
}

interface Subscription {
  type: MessageType;
  group: string;
  consumer: SubscriptionConsumer;
}

/**
 * The Transport on Kafka, for distributed mode: a topic per message type (see `topicPlan`), batched
 * producing keyed by `partitionKeyOf`, a consumer group per subscription committing only what its
 * handlers finished, retries with backoff, and a dead-letter topic.
 *
 * A worker's life: `KafkaTransport.connect(...)`, `subscribe` (e.g. through `attachStage`),
 * `start()`, then `drain()` to wait for the end of a bounded run or run until a signal calls
 * `close()`.
 */
export class KafkaTransport implements Transport {
  readonly name = 'kafka';
  readonly topicPrefix: string;
  private readonly log: Logger;
  private readonly client: KafkaClient;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly batching: BatchingProducer;
  private readonly policy: RetryPolicy;
  private readonly subscriptions: Subscription[] = [];
  private readonly deadLetterListeners: Array<(deadLetter: DeadLetter) => void> = [];
  private readonly runStoppedListeners: Array<(error: StopRunError) => void> = [];
  /** Aborted when the run stops (StopRunError) or the transport closes: waits end early. */
  private readonly ending = new AbortController();
  private started: Promise<void> | null = null;
  private stopError: StopRunError | null = null;
  private closing: Promise<void> | null = null;
  private acceptingPublishes = true;
  /** Partitions of each topic, as the broker has them (read when the topics are ensured). */
  private partitionCounts = new Map<string, number>();

  private constructor(private readonly options: KafkaTransportOptions) {
    this.topicPrefix = options.topicPrefix ?? defaultTopicPrefix;
    this.log = (options.log ?? silentLogger()).child({ transport: 'kafka' });
    this.client = createKafkaClient({ brokers: options.brokers, clientId: options.clientId, log: this.log, retry: options.retry });
    this.admin = this.client.kafka.admin();
    this.producer = this.client.kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    this.batching = new BatchingProducer(this.producer, (topic) => this.partitionCounts.get(topic) ?? 1, options.producer);
    this.policy = { maxAttempts: options.maxAttempts ?? 5, retryBaseMs: options.retryBaseMs ?? 200, maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000 };
  }

  /** Connects the producer and admin client and creates the topics that are missing (idempotent). */
  static async connect(options: KafkaTransportOptions): Promise<KafkaTransport> {
    const transport = new KafkaTransport(options);
    await transport.admin.connect();
    await transport.producer.connect();
    transport.partitionCounts = await ensureTopics(transport.admin, { prefix: transport.topicPrefix, log: transport.log, replicationFactor: options.replicationFactor });
    return transport;
  }

  subscribe<T extends MessageType>(type: T, handler: MessageHandler<T>, options: SubscribeOptions): void {
    if (this.closing) throw new Error('transport is closed');
    if (this.subscriptions.some((s) => s.type === type && s.group === options.group)) throw new Error(`group ${options.group} already subscribed to ${type}`);
    const consumer = new SubscriptionConsumer({
      kafka: this.client.kafka,
      prefix: this.topicPrefix,
      type,
      group: options.group,
      concurrency: options.concurrency ?? 1,
      handler: handler as MessageHandler,
      policy: this.policy,
      retry: this.options.retry ?? defaultKafkaRetry,
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 30_000,
      maxWaitTimeMs: this.options.maxWaitTimeMs ?? 1000,
      log: this.log,
      sendDeadLetter: (record) => this.sendDeadLetter(record),
      onStopRun: (error) => this.stopRun(error),
      onConsumerFailed: (error) => this.stopRun(new StopRunError(`Kafka consumer of ${type} (group ${options.group}) failed: ${error.message}`, { cause: error })),
    });
    this.subscriptions.push({ type, group: options.group, consumer });
    // Subscribed after start(): this one starts at once, and start()'s promise covers it.
    if (this.started) this.started = Promise.all([this.started, consumer.start()]).then(() => undefined);
  }

  /** Joins every subscription's consumer group and starts consuming; resolves once all have joined. */
  start(): Promise<void> {
    if (this.closing) return Promise.reject(new Error('transport is closed'));
    this.started ??= Promise.all(this.subscriptions.map((s) => s.consumer.start())).then(() => undefined);
    return this.started;
  }

  /**
   * Validates the envelope (a producer bug surfaces here, as DeadLetterError, as in memory) and
   * resolves once Kafka has the message (acks from all in-sync replicas). Waits when too much is
   * queued; rejects with RetryableError if the broker stays unreachable past kafkajs' retries.
   */
  async publish(envelope: Envelope): Promise<void> {
    if (!this.acceptingPublishes) throw new Error('transport is closed');
    if (this.stopError) throw this.stopError;
    const text = serializeEnvelope(envelope);
    parseEnvelope(JSON.parse(text));
    const value = Buffer.from(text);
    const key = partitionKeyOf(envelope);
    const limit = topicPlan[envelope.type].maxMessageBytes;
    if (value.length + Buffer.byteLength(key) + recordOverheadBytes > limit) {
      throw new DeadLetterError(`${envelope.type} message of ${value.length} bytes exceeds its topic's limit of ${limit} bytes`);
    }
    await this.batching.send({ topic: topicFor(this.topicPrefix, envelope.type), key, value });
  }

  /**
   * Resolves once everything this process published is acknowledged, no handler of this process
   * is running, and every group it subscribed has committed up to the end of its topic. Rejects
   * with the StopRunError a handler threw.
   *
   * Cost: it polls the broker every `drainPollMs` (default 250 ms) with a few small requests (two
   * ListOffsets per subscribed topic, twice, and one OffsetFetch per group; see `groupsCaughtUp`),
   * and it sees the end up to one poll late. It speaks for this process's groups only: a worker of
   * another stage, or of the same group in another process, answers for its own.
   */
  async drain(): Promise<void> {
    if (this.subscriptions.length > 0 && !this.started) throw new Error('start() the transport before drain()');
    for (;;) {
      if (this.stopError) throw this.stopError;
      if (this.closing) throw new Error('transport closed while draining');
      await this.batching.flush();
      if (!this.busy() && (await this.caughtUp()) && !this.busy()) {
        if (this.stopError) throw this.stopError;
        return;
      }
      await waitUnlessStopping(this.options.drainPollMs ?? 250, this.ending.signal);
    }
  }

  /**
   * Called once if the run stops: a handler threw StopRunError, or a consumer failed for good. A
   * worker that is not draining (it runs until a signal) uses this to exit with the error instead of
   * idling with its consumers stopped.
   */
  onRunStopped(listener: (error: StopRunError) => void): void {
    this.runStoppedListeners.push(listener);
    if (this.stopError) listener(this.stopError);
  }

  /** Produce requests made so far and the records they carried (dead letters included): how well publishes batch. */
  get produceStats(): { requests: number; records: number } {
    return { ...this.batching.stats };
  }

  onDeadLetter(listener: (deadLetter: DeadLetter) => void): void {
    this.deadLetterListeners.push(listener);
  }

  /**
   * Graceful shutdown, safe to call while consuming and more than once: stops fetching, lets the
   * handlers in flight finish (they may still publish), commits what is done, leaves the groups,
   * sends what is queued and disconnects. Messages waiting for a retry stay uncommitted and are
   * delivered again to the next worker.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.ending.abort();
      // A start in progress finishes first (its failure was its caller's to see), so no consumer joins after we left.
      await Promise.allSettled([this.started]);
      try {
        await Promise.all(this.subscriptions.map((s) => s.consumer.stop()));
      } finally {
        this.acceptingPublishes = false;
        await this.batching.flush();
        await this.producer.disconnect();
        await this.admin.disconnect();
        const leftover = await this.client.closeLeftoverConnections();
        if (leftover > 0) this.log.debug({ sockets: leftover }, 'closed connections kafkajs had lost track of');
      }
    })();
    return this.closing;
  }

  private busy(): boolean {
    return this.subscriptions.some((s) => s.consumer.busy);
  }

  /** Whether every subscribed group has caught up; a broker that cannot answer now means "not yet". */
  private async caughtUp(): Promise<boolean> {
    if (this.subscriptions.length === 0) return true;
    try {
      return await groupsCaughtUp(this.admin, this.subscriptions.map((s) => ({ groupId: s.consumer.groupId, topic: s.consumer.topic })));
    } catch (error) {
      if (!(error instanceof kafkajs.KafkaJSError)) throw error;
      this.log.warn({ error: error.message }, 'cannot compare committed offsets with the topics yet; drain keeps waiting');
      return false;
    }
  }

  private async sendDeadLetter(record: DeadLetterRecord): Promise<void> {
    const key = record.envelope ? partitionKeyOf(record.envelope) : `${record.topic}/${record.partition}/${record.offset}`;
    await this.batching.send({ topic: deadLetterTopicFor(this.topicPrefix), key, value: Buffer.from(JSON.stringify(record)) });
    const deadLetter = deadLetterOf(record);
    for (const listener of this.deadLetterListeners) listener(deadLetter);
  }

  /** A handler threw StopRunError (or a consumer died for good): stop consuming everywhere and make drain() say why. */
  private stopRun(error: StopRunError): void {
    if (this.stopError) return;
    this.stopError = error;
    this.ending.abort();
    this.log.error({ error: error.message }, 'run stopped');
    for (const listener of this.runStoppedListeners) listener(error);
    for (const { consumer } of this.subscriptions) {
      // Not awaited here (we may be inside one of its batches); close() awaits the same stop and surfaces its failure.
      consumer.stop().catch((stopFailure: unknown) => this.log.warn({ groupId: consumer.groupId, error: String(stopFailure) }, 'consumer did not stop cleanly'));
    }
  }
}

import { RetryableError, describeError } from '@indicia/core';
import kafkajs, { type Producer, type TopicMessages } from 'kafkajs';

export interface BatchingProducerOptions {
  /** How long the first message of a batch waits for others (0: until the end of the current tick). */
  lingerMs?: number;
  /** Most messages in one produce request. */
  maxBatchMessages?: number;
  /** Most bytes (keys and values) in one produce request. A larger message goes alone. */
  maxRequestBytes?: number;
  /**
   * Most bytes for one partition in one request: the broker refuses a partition's record batch
   * larger than its topic's `max.message.bytes`, so this stays well under the smallest (1 MiB).
   */
  maxPartitionBytes?: number;
  /** Bytes queued or in flight before `send` waits (back-pressure on publishers that do not await). */
  maxQueuedBytes?: number;
  /** How long the broker may take to acknowledge a request (acks from all in-sync replicas). */
  ackTimeoutMs?: number;
}

export interface OutgoingRecord {
  topic: string;
  key: string;
  value: Buffer;
}

interface Pending {
  record: OutgoingRecord;
  /** Chosen here, as kafkajs' default (Java-compatible murmur2) partitioner would, to size batches per partition. */
  partition: number;
  bytes: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Gathers records sent close together into one produce request (a tick, or `lingerMs`, or until a
 * request is full) and resolves each `send` when its request is acknowledged by all in-sync
 * replicas. One request is in flight at a time: records sent meanwhile gather for the next, which
 * keeps a key's records in order on its partition even when kafkajs retries a request.
 */
export class BatchingProducer {
  private readonly lingerMs: number;
  private readonly maxBatchMessages: number;
  private readonly maxRequestBytes: number;
  private readonly maxPartitionBytes: number;
  private readonly partitioner = kafkajs.Partitioners.DefaultPartitioner();
  private readonly maxQueuedBytes: number;
  private readonly ackTimeoutMs: number;
  private queue: Pending[] = [];
  private queuedBytes = 0;
  private sending: Promise<void> | null = null;
  /** Cancels the scheduled send of a gathering batch; null when none is scheduled. */
  private cancelScheduled: (() => void) | null = null;
  private spaceWaiters: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];
  /** Produce requests made and records they carried, for tests and benchmarks. */
  readonly stats = { requests: 0, records: 0 };

  /** `partitionCount` answers how many partitions a topic has (read once the topics exist). */
  constructor(
    private readonly producer: Producer,
    private readonly partitionCount: (topic: string) => number,
    options: BatchingProducerOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 0;
    this.maxBatchMessages = options.maxBatchMessages ?? 5000;
    this.maxRequestBytes = options.maxRequestBytes ?? 8 * 1024 * 1024;
    this.maxPartitionBytes = options.maxPartitionBytes ?? 512 * 1024;
    this.maxQueuedBytes = options.maxQueuedBytes ?? 64 * 1024 * 1024;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 30_000;
  }

  /** Resolves once the record is acknowledged; rejects with RetryableError if kafkajs gave up retrying. */
  async send(record: OutgoingRecord): Promise<void> {
    const bytes = Buffer.byteLength(record.key) + record.value.length;
    // A record larger than the whole allowance still goes, alone, once nothing else is queued.
    while (this.queuedBytes > 0 && this.queuedBytes + bytes > this.maxQueuedBytes) {
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
    const partitionMetadata = Array.from({ length: this.partitionCount(record.topic) }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [], isr: [], partitionErrorCode: 0 }));
    const partition = this.partitioner({ topic: record.topic, partitionMetadata, message: { key: record.key, value: record.value } });
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, partition, bytes, resolve, reject });
      this.queuedBytes += bytes;
      this.schedule();
    });
  }

  /** Resolves when everything sent so far is acknowledged (or failed). */
  flush(): Promise<void> {
    if (this.queue.length === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.sending || this.cancelScheduled) return;
    if (this.queue.length >= this.maxBatchMessages || this.queuedBytes >= this.maxRequestBytes) {
      this.sendNext();
    } else if (this.lingerMs > 0) {
      const timer = setTimeout(() => this.sendNext(), this.lingerMs);
      this.cancelScheduled = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(() => this.sendNext());
      this.cancelScheduled = () => clearImmediate(immediate);
    }
  }

  private sendNext(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    const batch = this.takeBatch();
    if (batch.length === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    this.sending = this.produce(batch).finally(() => {
      this.sending = null;
      for (const item of batch) this.queuedBytes -= item.bytes;
      for (const resolve of this.spaceWaiters.splice(0)) resolve();
      // What gathered while this request was in flight goes at once: it has waited a round trip.
      this.sendNext();
    });
  }

  /** The longest head of the queue that fits one request; at least one record. */
  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    const partitionBytes = new Map<string, number>();
    while (count < this.queue.length && count < this.maxBatchMessages) {
      const next = this.queue[count]!;
      const slot = `${next.partition}:${next.record.topic}`;
      const inPartition = (partitionBytes.get(slot) ?? 0) + next.bytes;
      if (count > 0 && (bytes + next.bytes > this.maxRequestBytes || inPartition > this.maxPartitionBytes)) break;
      partitionBytes.set(slot, inPartition);
      bytes += next.bytes;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async produce(batch: Pending[]): Promise<void> {
    const byTopic = new Map<string, TopicMessages>();
    for (const { record, partition } of batch) {
      const entry = byTopic.get(record.topic) ?? { topic: record.topic, messages: [] };
      entry.messages.push({ key: record.key, value: record.value, partition });
      byTopic.set(record.topic, entry);
    }
    this.stats.requests++;
    this.stats.records += batch.length;
    try {
      await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1, timeout: this.ackTimeoutMs });
    } catch (error) {
      const failure = new RetryableError(`Kafka did not acknowledge ${batch.length} message(s): ${describeError(error)}`, { cause: error });
      for (const item of batch) item.reject(failure);
      return;
    }
    for (const item of batch) item.resolve();
  }
}

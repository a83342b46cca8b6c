import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '@indicia/core';
import { createKafkaClient } from './kafka-client.js';
import type { DeadLetterRecord } from './dead-letter-record.js';
import { deadLetterTopicFor, defaultTopicPrefix } from './topic-plan.js';

export interface ReadDeadLettersOptions {
  brokers: string[];
  topicPrefix?: string;
  log?: Logger;
  /** Gives up if the records up to the topic's end have not all arrived by then (default 30 s). */
  timeoutMs?: number;
}

/**
 * Every record in the dead-letter topic now, oldest first, for a person or a test to look at. Reads
 * through a throwaway consumer group (kafkajs has no group-less consumer), deleted afterwards, so
 * it moves no one's offsets.
 */
export async function readDeadLetters(options: ReadDeadLettersOptions): Promise<DeadLetterRecord[]> {
  const prefix = options.topicPrefix ?? defaultTopicPrefix;
  const topic = deadLetterTopicFor(prefix);
  const client = createKafkaClient({ brokers: options.brokers, clientId: 'indicia-dead-letter-reader', log: options.log ?? silentLogger() });
  const admin = client.kafka.admin();
  await admin.connect();
  const groupId = `${prefix}.dead-letter-reader.${randomUUID()}`;
  try {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]));
    if (ends.size === 0) return [];
    const records: Array<{ partition: number; offset: bigint; record: DeadLetterRecord }> = [];
    const consumer = client.kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? 30_000;
        const timer = setTimeout(() => reject(new Error(`dead letters of ${topic} not read within ${timeoutMs} ms`)), timeoutMs);
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const offset = BigInt(message.offset);
              records.push({ partition, offset, record: JSON.parse(message.value?.toString('utf8') ?? 'null') as DeadLetterRecord });
              if (offset + 1n >= (ends.get(partition) ?? 0n)) ends.delete(partition);
              if (ends.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    await admin.deleteGroups([groupId]);
    return records.sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset)).map((r) => r.record);
  } finally {
    await admin.disconnect();
    await client.closeLeftoverConnections();
  }
}

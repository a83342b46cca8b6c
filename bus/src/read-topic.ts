import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '@indicia/core';
import { createKafkaClient } from './kafka-client.js';

export interface ReadTopicOptions {
  brokers: string[];
  log?: Logger;
  /** Gives up if the records up to the topic's end have not all arrived by then (default 30 s). */
  timeoutMs?: number;
}

/**
 * Every record in a topic now (values as text), oldest first by partition, for a person or a test
 * to look at. Reads through a throwaway consumer group (kafkajs has no group-less consumer),
 * deleted afterwards, so it moves no one's offsets.
 */
export async function readWholeTopic(topic: string, options: ReadTopicOptions): Promise<string[]> {
  const client = createKafkaClient({ brokers: options.brokers, clientId: 'indicia-topic-reader', log: options.log ?? silentLogger() });
  const admin = client.kafka.admin();
  await admin.connect();
  const groupId = `${topic}.reader.${randomUUID()}`;
  try {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]));
    if (ends.size === 0) return [];
    const records: Array<{ partition: number; offset: bigint; value: string }> = [];
    const consumer = client.kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? 30_000;
        const timer = setTimeout(() => reject(new Error(`the records of ${topic} were not read within ${timeoutMs} ms`)), timeoutMs);
        consumer
          .run({
            eachMessage: async ({ partition, message }) => {
              const offset = BigInt(message.offset);
              records.push({ partition, offset, value: message.value?.toString('utf8') ?? '' });
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
    return records.sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset)).map((r) => r.value);
  } finally {
    await admin.disconnect();
    await client.closeLeftoverConnections();
  }
}

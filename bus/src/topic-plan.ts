import type { MessageType } from '@indicia/core';

const MiB = 1024 * 1024;

/** How one message type's topic is laid out; created from this table, never by the broker's defaults. */
export interface TopicSettings {
  /**
   * Upper bound on the workers of one consumer group that can share the type: a partition goes to
   * one member. Never lowered later and raised only with care: the key → partition mapping changes.
   */
  partitions: number;
  /** The topic's `max.message.bytes`: the largest record batch the broker accepts. */
  maxMessageBytes: number;
  /** What a consumer fetches from one partition at a time: bounds a worker's memory per partition. */
  fetchBytesPerPartition: number;
}

/**
 * The topic of each message type, chosen for what travels on it (broker ceiling: 16 MiB,
 * `message.max.bytes` in infra/kafka.sh).
 *
 * | type            | partitions | max.message.bytes | why                                                              |
 * |-----------------|-----------:|------------------:|------------------------------------------------------------------|
 * | crawl.requested |         12 |             1 MiB | keyed by host: up to 12 crawler workers, one host on one worker; a URL and its submission are small |
 * | page.captured   |          6 |            16 MiB | the page body and its images inline (capped by the crawler): large, so few partitions and 4 MiB fetched per partition |
 * | ad.extracted    |         12 |             4 MiB | an ad's text, OCR text and indicators with provenance: tens of KB, a long page up to a few MB |
 * | domain.seen     |          6 |             1 MiB | a domain and where it was seen: tiny, and the pivot stage is light |
 * | whois.recorded  |          6 |             1 MiB | a registration snapshot with its raw response (cut at 256 KiB) |
 * | dns.recorded    |          6 |             1 MiB | a domain's A/AAAA/MX/NS/TXT records: small |
 * | dead-letter     |          1 |            17 MiB | a failed message (up to a 16 MiB capture) with its error; read rarely, by people |
 */
export const topicPlan: Readonly<Record<MessageType, TopicSettings>> = {
  'crawl.requested': { partitions: 12, maxMessageBytes: 1 * MiB, fetchBytesPerPartition: 1 * MiB },
  'page.captured': { partitions: 6, maxMessageBytes: 16 * MiB, fetchBytesPerPartition: 4 * MiB },
  'ad.extracted': { partitions: 12, maxMessageBytes: 4 * MiB, fetchBytesPerPartition: 1 * MiB },
  'domain.seen': { partitions: 6, maxMessageBytes: 1 * MiB, fetchBytesPerPartition: 1 * MiB },
  'whois.recorded': { partitions: 6, maxMessageBytes: 1 * MiB, fetchBytesPerPartition: 1 * MiB },
  'dns.recorded': { partitions: 6, maxMessageBytes: 1 * MiB, fetchBytesPerPartition: 1 * MiB },
};

export const deadLetterTopicSettings: TopicSettings = { partitions: 1, maxMessageBytes: 17 * MiB, fetchBytesPerPartition: 17 * MiB };

/** Dead letters are evidence of what went wrong: kept for 90 days rather than the broker's 7. */
export const deadLetterRetentionMs = 90 * 24 * 60 * 60 * 1000;

/**
 * Room a record takes besides its key and value inside a record batch (batch header ~61 bytes,
 * record header ~20): a message must fit `maxMessageBytes` with this to spare.
 */
export const recordOverheadBytes = 512;

export const defaultTopicPrefix = 'indicia';

export function topicFor(prefix: string, type: MessageType): string {
  return `${prefix}.${type}`;
}

export function deadLetterTopicFor(prefix: string): string {
  return `${prefix}.dead-letter`;
}

/**
 * The Kafka consumer group of a subscription: one per (type, group), e.g.
 * `indicia.page.captured.extract`, so a stage's group never shares a Kafka group with another
 * type (kafkajs' assigner would hand one member partitions of a topic it does not consume).
 */
export function consumerGroupFor(prefix: string, type: MessageType, group: string): string {
  return `${topicFor(prefix, type)}.${group}`;
}

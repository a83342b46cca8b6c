import { messageTypes, type Logger, type MessageType } from '@indicia/core';
import kafkajs, { type Admin, type ITopicConfig, type ITopicMetadata } from 'kafkajs';
import { deadLetterRetentionMs, deadLetterTopicFor, deadLetterTopicSettings, topicFor, topicPlan, type TopicSettings } from './topic-plan.js';

export interface EnsureTopicsOptions {
  prefix: string;
  log: Logger;
  /** Copies of each partition; the broker's default (`-1`) unless set. */
  replicationFactor?: number;
  /** How long new topics may take to get a leader for every partition (default 30 s). */
  leaderWaitMs?: number;
}

interface PlannedTopic {
  name: string;
  settings: TopicSettings;
  extraConfig: Array<{ name: string; value: string }>;
}

function plannedTopics(prefix: string): PlannedTopic[] {
  return [
    ...messageTypes.map((type: MessageType) => ({ name: topicFor(prefix, type), settings: topicPlan[type], extraConfig: [] })),
    {
      name: deadLetterTopicFor(prefix),
      settings: deadLetterTopicSettings,
      extraConfig: [{ name: 'retention.ms', value: String(deadLetterRetentionMs) }],
    },
  ];
}

/**
 * Creates the topics of every message type and the dead-letter topic as `topicPlan` says, if they
 * do not exist. Idempotent and safe when several workers start at once: a topic another worker
 * created first counts as created. A topic that exists with fewer partitions than planned is left
 * as it is, with a warning: adding partitions moves keys to other partitions, which an operator
 * must decide (in-flight messages of a host would lose their order). Answers each topic's partition count.
 */
export async function ensureTopics(admin: Admin, options: EnsureTopicsOptions): Promise<Map<string, number>> {
  const planned = plannedTopics(options.prefix);
  const existing = new Set(await admin.listTopics());
  const missing = planned.filter((topic) => !existing.has(topic.name));
  if (missing.length > 0) {
    const topics: ITopicConfig[] = missing.map((topic) => ({
      topic: topic.name,
      numPartitions: topic.settings.partitions,
      replicationFactor: options.replicationFactor ?? -1,
      configEntries: [{ name: 'max.message.bytes', value: String(topic.settings.maxMessageBytes) }, ...topic.extraConfig],
    }));
    // kafkajs answers false (no error) when every topic it was asked for already exists. Its own
    // wait for leaders gives up on the "unknown topic" a broker answers while the new topic's
    // metadata spreads, hence ours below.
    const created = await admin.createTopics({ topics, waitForLeaders: false });
    options.log.info({ topics: missing.map((t) => t.name), created }, 'created Kafka topics');
  }
  const metadata = await waitForLeaders(admin, planned.map((t) => t.name), options.leaderWaitMs ?? 30_000);
  for (const topic of metadata) {
    const plan = planned.find((t) => t.name === topic.name)!;
    if (topic.partitions.length < plan.settings.partitions) {
      options.log.warn({ topic: topic.name, partitions: topic.partitions.length, planned: plan.settings.partitions }, 'topic has fewer partitions than planned; fewer workers of a group can share it');
    }
  }
  return new Map(metadata.map((topic) => [topic.name, topic.partitions.length]));
}

/** Polls the topics until every partition has a leader that serves it: producing and fetching work from then on. */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<ITopicMetadata[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.length === topics.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) {
        // The metadata names a leader a moment before that broker serves the partition: until it
        // does, produce requests fail part-way (kafkajs then resends the whole request, writing
        // duplicates) and fetches make consumers rejoin their group. Asking every partition for
        // its offsets proves it is served.
        await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
        return metadata;
      }
    } catch (error) {
      // A topic created a moment ago is "unknown" to the broker until its metadata has spread.
      if (!(error instanceof kafkajs.KafkaJSProtocolError && error.retriable)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader for every partition after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every topic of a prefix (all types and the dead letter), e.g. for a test to remove what it made. */
export function topicsOf(prefix: string): string[] {
  return plannedTopics(prefix).map((topic) => topic.name);
}

/** Deletes the topics and consumer groups of a prefix that exist. For tests and `--reset`-style tooling. */
export async function deleteTopicsAndGroups(admin: Admin, prefix: string): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const topics = topicsOf(prefix).filter((topic) => existing.has(topic));
  const { groups } = await admin.listGroups();
  const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(`${prefix}.`));
  if (ours.length > 0) await admin.deleteGroups(ours);
  if (topics.length > 0) await admin.deleteTopics({ topics });
}

import { Kafka, logLevel } from 'kafkajs';
import { messageTypes, type MessageType } from '@indicia/core';
import { deadLetterTopicFor, topicFor } from './topic-plan.js';

/** How far one stage's consumer group is behind on its topic. */
export interface GroupLag {
  /** The stage's group as the worker names it: crawl, extract, index... */
  group: string;
  type: MessageType;
  /** Messages on the topic that the group has not committed yet. */
  lag: number;
  /** Messages ever written to the topic (the sum of its partitions' end offsets). */
  produced: number;
  /** Workers in the group now. */
  members: number;
}

export interface PipelineLagOptions {
  brokers: string[];
  topicPrefix: string;
  /** Client id shown in the broker's logs. */
  clientId?: string;
}

/**
 * The lag of every consumer group of a deployment (topics under one prefix), read from the broker:
 * what `indicia status` shows, and how a test knows that a distributed run has finished (every
 * lag 0, and staying 0).
 */
export async function pipelineLag(options: PipelineLagOptions): Promise<GroupLag[]> {
  const kafka = new Kafka({ clientId: options.clientId ?? 'indicia-status', brokers: options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const found: Array<{ groupId: string; group: string; type: MessageType }> = [];
    for (const { groupId } of groups) {
      for (const type of messageTypes) {
        const prefix = `${topicFor(options.topicPrefix, type)}.`;
        if (groupId.startsWith(prefix)) found.push({ groupId, group: groupId.slice(prefix.length), type });
      }
    }
    const described = found.length > 0 ? await admin.describeGroups(found.map((g) => g.groupId)) : { groups: [] };
    const lags: GroupLag[] = [];
    for (const { groupId, group, type } of found) {
      const topic = topicFor(options.topicPrefix, type);
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committedByPartition = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      let lag = 0;
      let produced = 0;
      for (const end of ends) {
        const high = Number(end.high);
        const low = Number(end.low);
        const at = committedByPartition.get(end.partition) ?? -1;
        produced += high;
        lag += high - (at >= 0 ? at : low);
      }
      const members = described.groups.find((g) => g.groupId === groupId)?.members.length ?? 0;
      lags.push({ group, type, lag, produced, members });
    }
    return lags.sort((a, b) => messageTypes.indexOf(a.type) - messageTypes.indexOf(b.type) || a.group.localeCompare(b.group));
  } finally {
    await admin.disconnect();
  }
}

/** Messages in the deployment's dead-letter topic (0 when it does not exist yet). */
export async function deadLetterCount(options: PipelineLagOptions): Promise<number> {
  const kafka = new Kafka({ clientId: options.clientId ?? 'indicia-status', brokers: options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topic = deadLetterTopicFor(options.topicPrefix);
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Deletes every topic of a deployment (tests and `indicia` tear-downs); consumer groups expire on their own. */
export async function deleteDeploymentTopics(options: PipelineLagOptions): Promise<void> {
  const kafka = new Kafka({ clientId: options.clientId ?? 'indicia-cleanup', brokers: options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${options.topicPrefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

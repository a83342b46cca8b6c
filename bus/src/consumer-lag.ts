import { Kafka, logLevel, type Admin } from 'kafkajs';
import { messageTypes, type MessageType } from '@indicia/core';
import { topicsOf } from './topic-admin.js';
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
export function pipelineLag(options: PipelineLagOptions): Promise<GroupLag[]> {
  return withAdmin(options, async (admin) => {
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
  });
}

/** Messages in the deployment's dead-letter topic (0 when it does not exist yet). */
export function deadLetterCount(options: PipelineLagOptions): Promise<number> {
  return withAdmin(options, async (admin) => {
    const topic = deadLetterTopicFor(options.topicPrefix);
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  });
}

/**
 * Deletes a deployment's topics (tests and benchmarks clean up with it). Its consumer groups are
 * left to expire: a group whose killed members have not timed out yet cannot be deleted.
 */
export function deleteDeploymentTopics(options: PipelineLagOptions): Promise<void> {
  return withAdmin(options, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const topics = topicsOf(options.topicPrefix).filter((topic) => existing.has(topic));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  });
}

/** A short-lived admin client for one inspection: connected, used, always disconnected. */
async function withAdmin<T>(options: PipelineLagOptions, work: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new Kafka({ clientId: options.clientId ?? 'indicia-admin', brokers: options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

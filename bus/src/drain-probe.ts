import type { Admin } from 'kafkajs';

/** A consumer group and the topic it consumes. */
export interface ConsumedTopic {
  groupId: string;
  topic: string;
}

type Watermarks = Map<number, { low: bigint; high: bigint }>;

async function watermarksOf(admin: Admin, topic: string): Promise<Watermarks> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
}

async function allWatermarks(admin: Admin, topics: readonly string[]): Promise<Map<string, Watermarks>> {
  return new Map(await Promise.all(topics.map(async (topic) => [topic, await watermarksOf(admin, topic)] as const)));
}

function sameHighs(a: Map<string, Watermarks>, b: Map<string, Watermarks>): boolean {
  for (const [topic, partitions] of a) {
    for (const [partition, { high }] of partitions) if (b.get(topic)?.get(partition)?.high !== high) return false;
  }
  return true;
}

/**
 * Whether every group has committed up to the end (high watermark) of its topic. Reads the high
 * watermarks, then the groups' committed offsets, then the high watermarks again and requires them
 * unchanged: a handler that publishes and then commits cannot slip a new message past the check
 * (its message is acknowledged before its commit, so it shows in the second reading).
 *
 * Cost per call: two ListOffsets requests per topic (earliest and latest), twice, and one
 * OffsetFetch per group — a few small requests to the broker; callers poll it a few times a second.
 * A group that has committed nothing yet counts from the topic's earliest offset.
 */
export async function groupsCaughtUp(admin: Admin, consumed: readonly ConsumedTopic[]): Promise<boolean> {
  const topics = [...new Set(consumed.map((c) => c.topic))];
  const before = await allWatermarks(admin, topics);
  for (const { groupId, topic } of consumed) {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const byPartition = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    for (const [partition, { low, high }] of before.get(topic)!) {
      const offset = byPartition.get(partition) ?? -1n;
      if ((offset >= 0n ? offset : low) < high) return false;
    }
  }
  return sameHighs(before, await allWatermarks(admin, topics));
}

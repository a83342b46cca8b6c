import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { DeadLetterError, RetryableError, StopRunError, createEnvelope, type CrawlRequested, type Envelope } from '@indicia/core';
import kafkajs from 'kafkajs';
import { createKafkaClient } from './kafka-client.js';
import { KafkaTransport, type KafkaTransportOptions } from './kafka-transport.js';
import { removePrefix, testBrokers, testLog, uniquePrefix } from './test-support/kafka-test-env.js';
import { deadLetterTopicFor, topicFor, topicPlan } from './topic-plan.js';

const log = testLog();
const origin = { runId: 'run-bus', producer: 'test' };
const timeout = { timeout: 60_000 };

function crawlRequest(host: string, seq: number, url = `http://${host}/ads/${seq}`): Envelope<'crawl.requested'> {
  const payload: CrawlRequested = {
    url, canonicalUrl: url, host, depth: seq, parentUrl: null,
    submission: { id: 'run-bus', seeds: [`http://${host}/`], maxDepth: 1000, recrawl: false },
  };
  return createEnvelope('crawl.requested', payload, origin);
}

describe('KafkaTransport on a real broker', () => {
  const prefixes: string[] = [];
  const connect = (options: Partial<KafkaTransportOptions> & { topicPrefix: string }) =>
    KafkaTransport.connect({ brokers: testBrokers, log, maxWaitTimeMs: 200, drainPollMs: 100, ...options });
  const newPrefix = (label: string) => {
    const prefix = uniquePrefix(label);
    prefixes.push(prefix);
    return prefix;
  };
  after(async () => {
    for (const prefix of prefixes) await removePrefix(prefix);
  });

  it('creates the planned topics once, whoever starts first, with their partitions and size limits', timeout, async () => {
    const topicPrefix = newPrefix('topics');
    // Workers starting at the same moment all ensure the topics: none may fail.
    const transports = await Promise.all([connect({ topicPrefix }), connect({ topicPrefix }), connect({ topicPrefix })]);
    await Promise.all(transports.map((t) => t.close()));
    const admin = createKafkaClient({ brokers: testBrokers, log }).kafka.admin();
    await admin.connect();
    try {
      const names = [...Object.keys(topicPlan).map((type) => topicFor(topicPrefix, type as keyof typeof topicPlan)), deadLetterTopicFor(topicPrefix)];
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      const partitions = Object.fromEntries(topics.map((t) => [t.name, t.partitions.length]));
      assert.deepEqual(partitions, {
        [topicFor(topicPrefix, 'crawl.requested')]: 12,
        [topicFor(topicPrefix, 'page.captured')]: 6,
        [topicFor(topicPrefix, 'ad.extracted')]: 12,
        [topicFor(topicPrefix, 'domain.seen')]: 6,
        [topicFor(topicPrefix, 'whois.recorded')]: 6,
        [topicFor(topicPrefix, 'dns.recorded')]: 6,
        [deadLetterTopicFor(topicPrefix)]: 1,
      });
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: topicFor(topicPrefix, 'page.captured'), configNames: ['max.message.bytes'] }],
      });
      assert.equal(configs.resources[0]!.configEntries[0]!.configValue, String(16 * 1024 * 1024));
    } finally {
      await admin.disconnect();
    }
  });

  it('keeps each key in order on its partition while handling many keys at once', timeout, async () => {
    const transport = await connect({ topicPrefix: newPrefix('order') });
    try {
      const hosts = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example', 'f.example'];
      const seenByHost = new Map<string, number[]>(hosts.map((h) => [h, []]));
      let active = 0;
      let mostActive = 0;
      transport.subscribe('crawl.requested', async (m) => {
        active++;
        mostActive = Math.max(mostActive, active);
        // Uneven handling times: a later message of a key would overtake an earlier one if keys were not serialised.
        await new Promise((resolve) => setTimeout(resolve, (m.payload.depth * 7) % 5));
        seenByHost.get(m.payload.host)!.push(m.payload.depth);
        active--;
      }, { group: 'crawler', concurrency: 8 });
      const perHost = 40;
      // One publisher per host, each in order; the hosts interleave. Published before the consumer
      // starts, so its batches hold many keys at once.
      await Promise.all(hosts.map(async (host) => {
        for (let seq = 0; seq < perHost; seq++) await transport.publish(crawlRequest(host, seq));
      }));
      await transport.start();
      await transport.drain();
      for (const host of hosts) assert.deepEqual(seenByHost.get(host), Array.from({ length: perHost }, (_, i) => i), `order of ${host}`);
      assert.ok(mostActive > 1, `several keys should be handled at once, saw at most ${mostActive}`);
    } finally {
      await transport.close();
    }
  });

  it('sends publishes made close together in few produce requests, each resolved on acknowledgement', timeout, async () => {
    const transport = await connect({ topicPrefix: newPrefix('batch') });
    try {
      const before = transport.produceStats;
      await Promise.all(Array.from({ length: 300 }, (_, i) => transport.publish(crawlRequest(`h${i % 30}.example`, i))));
      const after = transport.produceStats;
      assert.equal(after.records - before.records, 300);
      assert.ok(after.requests - before.requests <= 5, `300 publishes took ${after.requests - before.requests} requests`);
    } finally {
      await transport.close();
    }
  });

  it('tells a worker that is not draining that the run stopped, and stops consuming', timeout, async () => {
    const transport = await connect({ topicPrefix: newPrefix('stopped') });
    try {
      const stopped: StopRunError[] = [];
      transport.onRunStopped((error) => stopped.push(error));
      let calls = 0;
      transport.subscribe('crawl.requested', async () => {
        calls++;
        throw new StopRunError('disk full');
      }, { group: 'g' });
      await transport.publish(crawlRequest('stop.example', 0));
      await transport.publish(crawlRequest('stop.example', 1));
      await transport.start();
      while (stopped.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.match(stopped[0]!.message, /disk full/);
      await assert.rejects(transport.publish(crawlRequest('stop.example', 2)), StopRunError);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(calls, 1, 'the message after it (same key, same partition) is not handled');
    } finally {
      await transport.close();
    }
  });

  it('refuses at the producer a message larger than its topic allows', timeout, async () => {
    const transport = await connect({ topicPrefix: newPrefix('size') });
    try {
      const huge = crawlRequest('big.example', 0, `http://big.example/${'x'.repeat(topicPlan['crawl.requested'].maxMessageBytes)}`);
      await assert.rejects(transport.publish(huge), (error: unknown) => error instanceof DeadLetterError && /exceeds its topic's limit/.test(error.message));
    } finally {
      await transport.close();
    }
  });

  it('close lets the handler in flight finish and commits it; a message waiting for a retry is delivered again later', timeout, async () => {
    const topicPrefix = newPrefix('close');
    const first = await connect({ topicPrefix, retryBaseMs: 60_000 });
    let releaseHandler!: () => void;
    const held = new Promise<void>((resolve) => (releaseHandler = resolve));
    const handledFirst: string[] = [];
    let started = 0;
    first.subscribe('crawl.requested', async (m) => {
      started++;
      if (m.payload.host === 'retry.example') throw new RetryableError('later');
      await held;
      handledFirst.push(m.payload.host);
    }, { group: 'g', concurrency: 2 });
    await first.start();
    await first.publish(crawlRequest('held.example', 0));
    await first.publish(crawlRequest('retry.example', 0));
    while (started < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    let closed = false;
    const closing = first.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(closed, false, 'close waits for the handler in flight');
    releaseHandler();
    await closing;
    assert.deepEqual(handledFirst, ['held.example']);

    const second = await connect({ topicPrefix });
    try {
      const handledSecond: string[] = [];
      second.subscribe('crawl.requested', async (m) => void handledSecond.push(m.payload.host), { group: 'g' });
      await second.start();
      await second.drain();
      assert.deepEqual(handledSecond, ['retry.example'], 'only the uncommitted message comes again');
    } finally {
      await second.close();
    }
  });
});

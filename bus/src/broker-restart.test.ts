// test-runner: alone — this test stops and restarts the shared Kafka broker (infra/kafka.sh).
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createEnvelope } from '@indicia/core';
import { KafkaTransport } from './kafka-transport.js';
import { removePrefix, testBrokers, testLog, uniquePrefix } from './test-support/kafka-test-env.js';

const kafkaScript = fileURLToPath(new URL('../../infra/kafka.sh', import.meta.url));
const brokerPort = testBrokers[0]!.split(':').at(-1)!;

async function broker(action: 'start' | 'stop'): Promise<void> {
  await promisify(execFile)(kafkaScript, [action], { env: { ...process.env, INDICIA_KAFKA_PORT: brokerPort }, timeout: 180_000 });
}

const seen = (domain: string) => createEnvelope('domain.seen', { domain, via: 'site', captureId: `c-${domain}`, adId: null }, { runId: 'run-restart', producer: 'test' });

it('a broker restart mid-run loses nothing: producers wait and retry, consumers rejoin, every message is handled', { timeout: 240_000 }, async () => {
  const topicPrefix = uniquePrefix('restart');
  const transport = await KafkaTransport.connect({ brokers: testBrokers, topicPrefix, log: testLog(), maxWaitTimeMs: 200, drainPollMs: 200 });
  try {
    const handled = new Set<string>();
    // Slow enough that handlers are in flight, and progress uncommitted, when the broker goes.
    transport.subscribe('domain.seen', async (m) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      handled.add(m.payload.domain);
    }, { group: 'index', concurrency: 2 });
    await transport.start();
    const before = Array.from({ length: 300 }, (_, i) => `before${i}.example`);
    const during = Array.from({ length: 100 }, (_, i) => `during${i}.example`);
    await Promise.all(before.map((d) => transport.publish(seen(d))));
    while (handled.size < 50) await new Promise((resolve) => setTimeout(resolve, 20));

    await broker('stop');
    // Published while the broker is down: each publish waits (kafkajs retries) until it is back.
    const publishing = Promise.all(during.map((d) => transport.publish(seen(d))));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await broker('start');
    await publishing;
    await transport.drain();

    const missing = [...before, ...during].filter((d) => !handled.has(d));
    assert.deepEqual(missing, []);
  } finally {
    // Whatever happened, the broker others test against is left running.
    await broker('start');
    await transport.close();
    await removePrefix(topicPrefix);
  }
});

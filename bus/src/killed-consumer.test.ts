import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEnvelope } from '@indicia/core';
import { KafkaTransport } from './kafka-transport.js';
import { removePrefix, testBrokers, testLog, uniquePrefix } from './test-support/kafka-test-env.js';

const childScript = fileURLToPath(new URL('./test-support/killable-consumer.js', import.meta.url));

function linesOf(file: string, kind: 'start' | 'done'): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith(`${kind} `)).map((line) => line.slice(kind.length + 1));
}

it('a consumer killed mid-batch loses nothing: its unfinished messages go to the next consumer of the group, even with later ones done', { timeout: 90_000 }, async () => {
  const topicPrefix = uniquePrefix('killed');
  const dir = mkdtempSync(join(tmpdir(), 'indicia-killed-'));
  const out = join(dir, 'child.log');
  writeFileSync(out, '');
  const log = testLog();
  const transport = await KafkaTransport.connect({ brokers: testBrokers, topicPrefix, log, maxWaitTimeMs: 200, drainPollMs: 100 });
  try {
    const domains = Array.from({ length: 60 }, (_, i) => `k${i}.example`);
    // Held in flight by the child (fewer than its concurrency, so the rest gets done around them).
    const held = ['k3.example', 'k11.example'];
    await Promise.all(domains.map((domain) => transport.publish(createEnvelope('domain.seen', { domain, via: 'site', captureId: `c-${domain}`, adId: null }, { runId: 'run-killed', producer: 'test' }))));

    const child = spawn(process.execPath, [childScript], {
      env: { ...process.env, KAFKA_BROKERS: testBrokers[0], TOPIC_PREFIX: topicPrefix, GROUP: 'extract', OUT_FILE: out, HOLD: held.join(',') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 45_000;
      // Killed once everything else is done (and its progress committed) and the held ones are in flight.
      while (!(new Set(linesOf(out, 'done')).size === domains.length - held.length && held.every((d) => linesOf(out, 'start').includes(d)))) {
        assert.ok(Date.now() < deadline, 'the child consumer never got through');
        assert.equal(child.exitCode, null, 'the child consumer exited by itself');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const finishedByChild = new Set(linesOf(out, 'done'));
    const inFlightAtKill = linesOf(out, 'start').filter((d) => !finishedByChild.has(d));
    assert.deepEqual(inFlightAtKill.sort(), [...held].sort());

    const handledAfter = new Set<string>();
    transport.subscribe('domain.seen', async (m) => void handledAfter.add(m.payload.domain), { group: 'extract' });
    await transport.start();
    await transport.drain();
    for (const domain of domains) {
      assert.ok(finishedByChild.has(domain) || handledAfter.has(domain), `${domain} was lost`);
    }
    for (const domain of inFlightAtKill) assert.ok(handledAfter.has(domain), `${domain}, in flight when the worker died, was not delivered again`);
  } finally {
    await transport.close();
    await removePrefix(topicPrefix);
    rmSync(dir, { recursive: true, force: true });
  }
});

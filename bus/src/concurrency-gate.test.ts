import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { ConcurrencyGate } from './concurrency-gate.js';

it('lets at most `limit` through at once, in the order they asked', async () => {
  const gate = new ConcurrencyGate(2);
  const releases: Array<() => void> = [];
  const started: number[] = [];
  const runs = [0, 1, 2, 3].map((i) => gate.run(async () => {
    started.push(i);
    await new Promise<void>((resolve) => releases.push(resolve));
  }));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1]);
  releases[1]!();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1, 2]);
  releases[0]!();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1, 2, 3]);
  releases[2]!();
  releases[3]!();
  await Promise.all(runs);
  assert.throws(() => new ConcurrencyGate(0), RangeError);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConcurrencyLimit } from './concurrency-limit.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

test('no more than the limit run at once; the others start in order as slots free', async () => {
  const limit = new ConcurrencyLimit(2);
  const gates = [deferred(), deferred(), deferred(), deferred()];
  const started: number[] = [];
  const runs = gates.map((gate, index) =>
    limit.run(async () => {
      started.push(index);
      await gate.promise;
      return index;
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1]);
  assert.equal(limit.active, 2);
  gates[1]!.resolve();
  await runs[1];
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [0, 1, 2]);
  for (const gate of gates) gate.resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3]);
  assert.equal(limit.active, 0);
});

test('a waiting call whose signal aborts leaves the queue at once with the abort reason', async () => {
  const limit = new ConcurrencyLimit(1);
  const gate = deferred();
  const first = limit.run(() => gate.promise);
  const controller = new AbortController();
  const waiting = limit.run(async () => 'ran', { signal: controller.signal });
  controller.abort(new Error('caller gave up'));
  await assert.rejects(waiting, /caller gave up/);
  gate.resolve();
  await first;
  assert.equal(await limit.run(async () => 'next'), 'next');
  assert.equal(limit.active, 0);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServerPacer, sleep } from './server-pacer.js';

describe('ServerPacer', () => {
  it('runs one server’s tasks one at a time, each at least the interval after the previous start', async () => {
    const pacer = new ServerPacer({ minIntervalMs: 60 });
    const starts: number[] = [];
    let running = 0;
    let overlapped = false;
    const task = async (): Promise<void> => {
      starts.push(Date.now());
      running += 1;
      if (running > 1) overlapped = true;
      await sleep(5);
      running -= 1;
    };
    await Promise.all([pacer.run('a', task), pacer.run('a', task), pacer.run('a', task)]);
    assert.equal(overlapped, false);
    // Timers never fire early; 2 ms of slack covers Date.now()'s rounding.
    for (let index = 1; index < starts.length; index += 1) assert.ok(starts[index]! - starts[index - 1]! >= 58, `gap ${starts[index]! - starts[index - 1]!} ms`);
  });

  it('does not hold one server back for another, and honours per-server intervals', async () => {
    const pacer = new ServerPacer({ minIntervalMs: 10_000, perServerMs: { fast: 0 } });
    await pacer.run('slow', async () => undefined);
    const started = Date.now();
    await pacer.run('fast', async () => undefined);
    await pacer.run('fast', async () => undefined);
    await pacer.run('other', async () => undefined);
    assert.ok(Date.now() - started < 5000);
  });

  it('keeps the order after a failed task and hands the failure to its caller', async () => {
    const pacer = new ServerPacer({ minIntervalMs: 0 });
    const failing = pacer.run('a', async () => {
      throw new Error('refused');
    });
    const next = pacer.run('a', async () => 'answered');
    await assert.rejects(failing, /refused/);
    assert.equal(await next, 'answered');
  });
});

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createEnvelope, type Envelope } from './envelope.js';
import { DeadLetterError, RetryableError, StopRunError } from './errors.js';
import { InMemoryTransport } from './in-memory-transport.js';
import type { DeadLetter } from './transport.js';
import type { DomainSeen } from './messages.js';

const domainSeen = (domain: string): DomainSeen => ({ domain, via: 'site', captureId: 'c1', adId: null });
const origin = { runId: 'run-test', producer: 'test' };

describe('InMemoryTransport', () => {
  it('delivers every message to every consumer group, as a copy that went through JSON', async () => {
    const transport = new InMemoryTransport();
    const seenA: Envelope[] = [];
    const seenB: Envelope[] = [];
    transport.subscribe('domain.seen', async (m) => void seenA.push(m), { group: 'a' });
    transport.subscribe('domain.seen', async (m) => void seenB.push(m), { group: 'b', concurrency: 4 });
    const sent = createEnvelope('domain.seen', domainSeen('example.com'), origin);
    await transport.publish(sent);
    await transport.drain();
    assert.equal(seenA.length, 1);
    assert.equal(seenB.length, 1);
    assert.deepEqual(seenA[0], sent);
    assert.notEqual(seenA[0], sent);
  });

  it('rejects a payload that does not fit its schema at the producer', async () => {
    const transport = new InMemoryTransport();
    const bad = createEnvelope('domain.seen', { domain: '', via: 'site', captureId: 'c', adId: null }, origin);
    await assert.rejects(transport.publish(bad), DeadLetterError);
  });

  it('retries a retryable failure with backoff and then succeeds', async () => {
    const transport = new InMemoryTransport({ retryBaseMs: 5 });
    let calls = 0;
    transport.subscribe('domain.seen', async () => {
      calls++;
      if (calls < 3) throw new RetryableError('not yet');
    }, { group: 'g' });
    await transport.publish(createEnvelope('domain.seen', domainSeen('example.org'), origin));
    await transport.drain();
    assert.equal(calls, 3);
  });

  it('dead-letters a DeadLetterError at once and a persistent failure after maxAttempts', async () => {
    const transport = new InMemoryTransport({ retryBaseMs: 1, maxAttempts: 3 });
    const deadLetters: DeadLetter[] = [];
    transport.onDeadLetter((d) => deadLetters.push(d));
    let calls = 0;
    transport.subscribe('domain.seen', async (m) => {
      calls++;
      if (m.payload.domain === 'poison.example') throw new DeadLetterError('cannot parse');
      throw new Error('bug');
    }, { group: 'g' });
    await transport.publish(createEnvelope('domain.seen', domainSeen('poison.example'), origin));
    await transport.publish(createEnvelope('domain.seen', domainSeen('buggy.example'), origin));
    await transport.drain();
    assert.equal(calls, 1 + 3);
    assert.deepEqual(deadLetters.map((d) => [d.envelope!.payload, d.attempts]).map(([p, a]) => [(p as DomainSeen).domain, a]), [
      ['poison.example', 1],
      ['buggy.example', 3],
    ]);
    assert.match(deadLetters[1]!.error, /Error: bug/);
  });

  it('settles a trace only after everything descended from it is handled', async () => {
    const transport = new InMemoryTransport();
    const settled: string[] = [];
    const order: string[] = [];
    transport.onTraceSettled((traceId) => {
      settled.push(traceId);
      order.push('settled');
    });
    transport.subscribe('domain.seen', async (m) => {
      if (m.payload.via === 'site') {
        await transport.publish(createEnvelope('domain.seen', { ...m.payload, via: 'url' }, { ...origin, parent: m }));
        order.push('parent done');
      } else {
        await new Promise((r) => setTimeout(r, 10));
        order.push('child done');
      }
    }, { group: 'g', concurrency: 2 });
    const root = createEnvelope('domain.seen', domainSeen('example.net'), { ...origin, id: 'capture-1' });
    await transport.publish(root);
    await transport.drain();
    assert.deepEqual(settled, ['capture-1']);
    assert.deepEqual(order, ['parent done', 'child done', 'settled']);
  });

  it('settles at once a message nobody consumes', async () => {
    const transport = new InMemoryTransport();
    const settled: string[] = [];
    transport.onTraceSettled((t) => settled.push(t));
    await transport.publish(createEnvelope('domain.seen', domainSeen('example.com'), { ...origin, id: 'lonely' }));
    assert.deepEqual(settled, ['lonely']);
  });

  it('makes publishers wait when a consumer is behind (back-pressure)', async () => {
    const transport = new InMemoryTransport({ highWaterMark: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    transport.subscribe('domain.seen', async () => gate, { group: 'slow' });
    let published = 0;
    const producer = (async () => {
      for (let i = 0; i < 6; i++) {
        await transport.publish(createEnvelope('domain.seen', domainSeen(`d${i}.example`), origin));
        published++;
      }
    })();
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(published < 6, `publisher should be held back, published ${published}`);
    release();
    await producer;
    await transport.drain();
    assert.equal(published, 6);
  });

  it('stops the run on StopRunError: drain rejects', async () => {
    const transport = new InMemoryTransport();
    transport.subscribe('domain.seen', async () => {
      throw new StopRunError('disk full');
    }, { group: 'g' });
    await transport.publish(createEnvelope('domain.seen', domainSeen('example.com'), origin));
    await assert.rejects(transport.drain(), /disk full/);
  });
});

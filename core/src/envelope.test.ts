import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createEnvelope, deserializeEnvelope, serializeEnvelope } from './envelope.js';
import { DeadLetterError } from './errors.js';

describe('envelope', () => {
  it('carries its parent and trace so results trace back to a capture', () => {
    const root = createEnvelope('domain.seen', { domain: 'example.com', via: 'site', captureId: 'c1', adId: null }, { runId: 'r', producer: 'crawl', id: 'c1' });
    const child = createEnvelope('domain.seen', { domain: 'example.org', via: 'email', captureId: 'c1', adId: 'a1' }, { runId: 'r', producer: 'extract', parent: root });
    assert.equal(root.traceId, 'c1');
    assert.equal(child.traceId, 'c1');
    assert.deepEqual(child.parentIds, ['c1']);
    assert.deepEqual(deserializeEnvelope(serializeEnvelope(child)), child);
  });

  it('turns garbage into a DeadLetterError with the reason', () => {
    assert.throws(() => deserializeEnvelope('{nope'), DeadLetterError);
    assert.throws(() => deserializeEnvelope(JSON.stringify({ id: 'x', type: 'no.such', runId: 'r', traceId: 't', parentIds: [], producer: 'p', createdAt: 'now', payload: {} })), DeadLetterError);
    assert.throws(
      () => deserializeEnvelope(JSON.stringify({ id: 'x', type: 'domain.seen', runId: 'r', traceId: 't', parentIds: [], producer: 'p', createdAt: 'now', payload: { domain: 'a' } })),
      /invalid domain.seen payload at via/,
    );
  });
});

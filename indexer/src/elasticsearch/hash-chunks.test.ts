import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashWithBitsFlipped } from '../contract/synthetic-ads.js';
import { candidateChunkTerms, hashChunks, maxChunkRadius } from './hash-chunks.js';

/** A deterministic pseudo-random 64-bit hash. */
function hashFrom(seed: number): string {
  let state = seed >>> 0;
  let hex = '';
  for (let i = 0; i < 2; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    hex += state.toString(16).padStart(8, '0');
  }
  return hex;
}

/**
 * `hash` with `bits` bits flipped, dealt round-robin over the four chunks from a chunk chosen by
 * `seed`: the worst case for chunked search, every chunk as far from the query as the others.
 */
function flipEvenly(hash: string, bits: number, seed: number): string {
  let value = BigInt(`0x${hash}`);
  for (let i = 0; i < bits; i++) value ^= 1n << BigInt(((i + seed) % 4) * 16 + Math.floor(i / 4) + (seed % 5));
  return value.toString(16).padStart(16, '0');
}

describe('hash chunks', () => {
  it('splits a hash into four tagged 16-bit chunks', () => {
    assert.deepEqual(hashChunks('c3a5e1f00f1e5a3c'), ['0:c3a5', '1:e1f0', '2:0f1e', '3:5a3c']);
  });

  it('lists candidate terms that hold a chunk of every hash within the distance (pigeonhole)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const query = hashFrom(seed);
      const maxDistance = seed % 16;
      const terms = new Set(candidateChunkTerms(query, maxDistance));
      for (let bits = 0; bits <= maxDistance; bits++) {
        const near = flipEvenly(query, bits, seed);
        assert.ok(hashChunks(near).some((chunk) => terms.has(chunk)), `${near} is ${bits} bits from ${query} but no chunk is a candidate at distance ${maxDistance}`);
      }
    }
    assert.ok(hashChunks(hashWithBitsFlipped('c3a5e1f00f1e5a3c', 3)).some((chunk) => candidateChunkTerms('c3a5e1f00f1e5a3c', 3)!.includes(chunk)));
  });

  it('keeps the term list short, and gives up (scan) beyond the largest radius', () => {
    assert.equal(candidateChunkTerms('0000000000000000', 3)!.length, 4);
    assert.equal(candidateChunkTerms('0000000000000000', 10)!.length, 4 * (1 + 16 + 120));
    assert.equal(new Set(candidateChunkTerms('0000000000000000', 15)).size, 4 * (1 + 16 + 120 + 560));
    assert.equal(maxChunkRadius, 3);
    assert.equal(candidateChunkTerms('0000000000000000', 16), null);
  });
});

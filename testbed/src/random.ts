/**
 * Seeded randomness. Every ad, operator and page draws from its own stream keyed by
 * (seed, stream, index), so any ad can be generated on its own, in any order, in O(1), and the same
 * key always gives the same values in every process.
 */

/** Mixes integers into one 32-bit seed (murmur3 finaliser per part); large parts keep their high bits. */
export function mixSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    for (const word of [part >>> 0, Math.floor(part / 0x1_0000_0000) >>> 0]) {
      hash = Math.imul(hash ^ word, 0x85ebca6b);
      hash ^= hash >>> 13;
      hash = Math.imul(hash, 0xc2b2ae35);
      hash ^= hash >>> 16;
    }
  }
  return hash >>> 0;
}

/** Streams that never share a key, so adding a draw to one kind of thing never shifts another. */
export const randomStreams = {
  publicAd: 1,
  privateAd: 2,
  operator: 3,
  phonePool: 4,
  linkJunk: 5,
  labelledCorpus: 6,
  photo: 7,
  contactCard: 8,
} as const;

/** mulberry32: tiny, fast and good enough for synthetic content. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static for(seed: number, stream: number, index: number): SeededRandom {
    return new SeededRandom(mixSeed(seed, stream, index));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Lowercase hex digits, for session ids and the like. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /**
   * One item, each with probability weight / total weight: one draw, then the weights are
   * subtracted in order until the roll falls below zero.
   */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    if (pairs.length === 0) throw new RangeError('weighted pick from an empty list');
    let roll = this.next() * pairs.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of pairs) {
      roll -= weight;
      if (roll < 0) return item;
    }
    // Rounding can leave a roll of exactly the total: it belongs to the last item.
    return pairs[pairs.length - 1]![0];
  }

  /** Fisher–Yates in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

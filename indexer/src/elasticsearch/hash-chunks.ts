/**
 * Multi-index hashing for exact near-duplicate search without scripts. A 64-bit perceptual hash is
 * indexed as four 16-bit chunks, each a keyword tagged with its place ("2:0f1e"). By the pigeonhole
 * principle, two hashes within d bits of each other have at least one chunk within ⌊d/4⌋ bits: the
 * candidates are the images holding any chunk value within that radius of the query's chunk, found
 * with one terms query, and the exact distance is then computed for each candidate.
 *
 * Sixteen-bit chunks keep the candidates few: at the default distance (10, radius 2) a uniformly
 * random hash is a candidate with probability about 4 · 137 / 65,536, under 1 %. Beyond
 * `maxChunkRadius` the terms list grows too long and the caller scans every hash instead.
 */

const chunkCount = 4;
const chunkBits = 16;
/** Radius 3 is 4 · 697 = 2,788 terms (distances up to 15); radius 4 would be over 10,000. */
export const maxChunkRadius = 3;

/** The four chunk keywords of a hash of 16 hex digits. */
export function hashChunks(perceptualHash: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < chunkCount; i++) chunks.push(`${i}:${perceptualHash.slice(i * 4, i * 4 + 4)}`);
  return chunks;
}

/** The chunk radius that guarantees every hash within `maxDistance` bits is a candidate. */
export function chunkRadiusFor(maxDistance: number): number {
  return Math.floor(maxDistance / chunkCount);
}

/**
 * Every chunk keyword within `radius` bits of the query's chunks: the terms that find all the
 * candidates within `radius * 4 + 3` bits. Null when the radius is too large to list.
 */
export function candidateChunkTerms(perceptualHash: string, maxDistance: number): string[] | null {
  const radius = chunkRadiusFor(maxDistance);
  if (radius > maxChunkRadius) return null;
  const masks = masksWithBitsUpTo(radius);
  const terms: string[] = [];
  for (let i = 0; i < chunkCount; i++) {
    const chunk = Number.parseInt(perceptualHash.slice(i * 4, i * 4 + 4), 16);
    for (const mask of masks) terms.push(`${i}:${((chunk ^ mask) >>> 0).toString(16).padStart(4, '0')}`);
  }
  return terms;
}

/** Every 16-bit mask with at most `bits` bits set, the empty mask first. */
function masksWithBitsUpTo(bits: number): number[] {
  const masks = [0];
  let frontier = [0];
  for (let level = 1; level <= bits; level++) {
    const next: number[] = [];
    for (const mask of frontier) {
      // Add bits above the highest one set, so each mask is built once.
      const highest = mask === 0 ? -1 : 31 - Math.clz32(mask);
      for (let bit = highest + 1; bit < chunkBits; bit++) next.push(mask | (1 << bit));
    }
    masks.push(...next);
    frontier = next;
  }
  return masks;
}

import type Database from 'better-sqlite3';
import { bitCount32, type HashHalves } from '../hash-halves.js';

/** One image whose hash is near the query. */
export interface NearImage {
  imageId: number;
  adSeq: number;
  distance: number;
}

const initialCapacity = 1024;
/** Rows formatted per query while loading: 100,000 rows make a 3.2 MB string. */
const loadChunkRows = 100_000;

/**
 * Every stored perceptual hash, in typed arrays (ids and hash halves as 32-bit integers, 16 bytes an image: 16 MB for a million), scanned
 * in full for each query. Hashes are never changed once written and ids only grow, so the table
 * stays valid and is topped up with the rows added since the largest id it has loaded, by this
 * connection or any other.
 */
export class ImageHashTable {
  private hi = new Uint32Array(initialCapacity);
  private lo = new Uint32Array(initialCapacity);
  private imageIds = new Uint32Array(initialCapacity);
  private adSeqs = new Uint32Array(initialCapacity);
  private size = 0;
  private loadedUpTo = 0;
  private readonly selectSince: Database.Statement<[number, number], { packed: string | null; top: number | null; rows: number }>;

  constructor(db: Database.Database) {
    // One row of hex per chunk instead of a JS row per image: materialising rows costs ~2 µs each
    // in better-sqlite3, twice what SQLite takes to format them and Buffer.from to decode them.
    this.selectSince = db.prepare(`SELECT group_concat(printf('%08x%08x%08x%08x', id, ad_seq, phash_hi, phash_lo), '') AS packed,
      max(id) AS top, count(*) AS rows
      FROM (SELECT id, ad_seq, phash_hi, phash_lo FROM ad_images WHERE id > ? AND phash_hi IS NOT NULL ORDER BY id LIMIT ?)`);
  }

  /** Loads the hashes written since the last call; run inside the query's read snapshot. */
  refresh(): void {
    for (;;) {
      const chunk = this.selectSince.get(this.loadedUpTo, loadChunkRows);
      if (!chunk || chunk.rows === 0 || chunk.packed === null || chunk.top === null) return;
      const bytes = Buffer.from(chunk.packed, 'hex');
      while (this.size + chunk.rows > this.hi.length) this.grow();
      for (let offset = 0; offset < bytes.length; offset += 16) {
        this.imageIds[this.size] = bytes.readUInt32BE(offset);
        this.adSeqs[this.size] = bytes.readUInt32BE(offset + 4);
        this.hi[this.size] = bytes.readUInt32BE(offset + 8);
        this.lo[this.size] = bytes.readUInt32BE(offset + 12);
        this.size++;
      }
      this.loadedUpTo = chunk.top;
      if (chunk.rows < loadChunkRows) return;
    }
  }

  get count(): number {
    return this.size;
  }

  /** Every image within `maxDistance` bits of `query`. */
  near(query: HashHalves, maxDistance: number): NearImage[] {
    const found: NearImage[] = [];
    const { hi, lo } = this;
    const queryHi = query.hi >>> 0;
    const queryLo = query.lo >>> 0;
    for (let i = 0; i < this.size; i++) {
      const high = bitCount32(hi[i]! ^ queryHi);
      if (high > maxDistance) continue;
      const distance = high + bitCount32(lo[i]! ^ queryLo);
      if (distance <= maxDistance) found.push({ imageId: this.imageIds[i]!, adSeq: this.adSeqs[i]!, distance });
    }
    return found;
  }

  private grow(): void {
    const grown = (from: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const to = new Uint32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.hi = grown(this.hi);
    this.lo = grown(this.lo);
    this.imageIds = grown(this.imageIds);
    this.adSeqs = grown(this.adSeqs);
  }
}

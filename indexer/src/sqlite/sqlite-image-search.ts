import type Database from 'better-sqlite3';
import type { ImageMatch, ImageMatchPage, MatchedImage } from '../index-store.js';
import type { NormalisedImageQuery } from '../image-similarity-query.js';
import { ImageHashTable } from './image-hash-table.js';
import type { ImageRow, SqliteAdReader } from './sqlite-ad-reader.js';

interface Closeness {
  distance: number;
  exact: boolean;
}

/** Exact byte matches rank before every perceptual match, whatever its distance. */
const exactRank = -1;

/**
 * Near-duplicate image search over the SQLite index: ads holding the query's bytes by the sha256
 * index, ads holding a perceptually close picture by a full scan of the hash table (about a
 * millisecond per 100,000 images), ranked exact first, then by distance, then newest first.
 */
export class SqliteImageSearch {
  private readonly hashes: ImageHashTable;
  private readonly selectBySha256: Database.Statement<[string], { id: number; ad_seq: number }>;
  private readonly selectImagesById: Database.Statement<[string], ImageRow>;
  private readonly selectNewestFirst: Database.Statement<{ seqs: string; limit: number; offset: number }, { seq: number }>;

  constructor(
    db: Database.Database,
    private readonly reader: SqliteAdReader,
  ) {
    this.hashes = new ImageHashTable(db);
    this.selectBySha256 = db.prepare('SELECT id, ad_seq FROM ad_images WHERE sha256 = ?');
    this.selectImagesById = db.prepare('SELECT * FROM ad_images WHERE id IN (SELECT value FROM json_each(?))');
    this.selectNewestFirst = db.prepare(`SELECT seq FROM ads WHERE seq IN (SELECT value FROM json_each(@seqs))
      ORDER BY last_seen DESC, id LIMIT @limit OFFSET @offset`);
  }

  search(query: NormalisedImageQuery): ImageMatchPage {
    const byAd = new Map<number, Map<number, Closeness>>();
    const note = (adSeq: number, imageId: number, closeness: Closeness): void => {
      let images = byAd.get(adSeq);
      if (!images) byAd.set(adSeq, (images = new Map()));
      if (!images.get(imageId)?.exact) images.set(imageId, closeness);
    };
    if (query.sha256 !== null) for (const row of this.selectBySha256.all(query.sha256)) note(row.ad_seq, row.id, { distance: 0, exact: true });
    if (query.halves !== null) {
      this.hashes.refresh();
      for (const near of this.hashes.near(query.halves, query.maxDistance)) note(near.adSeq, near.imageId, { distance: near.distance, exact: false });
    }
    const pageSeqs = this.page(byAd, query);
    const rows = this.reader.adsBySeq(pageSeqs);
    const wantedImages = pageSeqs.flatMap((seq) => [...byAd.get(seq)!.keys()]);
    const images = new Map(this.selectImagesById.all(JSON.stringify(wantedImages)).map((row) => [row.id, row]));
    const matches = rows.map((row): ImageMatch => {
      const matched = [...byAd.get(row.seq)!].map(([id, closeness]): MatchedImage => {
        const image = images.get(id)!;
        return { sha256: image.sha256, url: image.url, perceptualHash: image.phash, ...closeness };
      }).sort(closestFirst);
      const best = matched[0]!;
      return { adId: row.id, url: row.url, site: row.site, title: row.title, firstSeen: row.first_seen, lastSeen: row.last_seen, distance: best.distance, exact: best.exact, images: matched };
    });
    return { total: byAd.size, matches };
  }

  /**
   * The ad seqs of the requested page. Ads are grouped by rank (exact, then each distance) and
   * only the groups the page reaches are ordered by recency in SQL, so a huge group of distant
   * matches costs nothing when the page ends before it.
   */
  private page(byAd: Map<number, Map<number, Closeness>>, query: NormalisedImageQuery): number[] {
    const byRank = new Map<number, number[]>();
    for (const [adSeq, images] of byAd) {
      const rank = Math.min(...[...images.values()].map((c) => (c.exact ? exactRank : c.distance)));
      const group = byRank.get(rank);
      if (group) group.push(adSeq);
      else byRank.set(rank, [adSeq]);
    }
    const seqs: number[] = [];
    let skip = query.offset;
    for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
      const group = byRank.get(rank)!;
      if (skip >= group.length) {
        skip -= group.length;
        continue;
      }
      const wanted = query.limit - seqs.length;
      seqs.push(...this.selectNewestFirst.all({ seqs: JSON.stringify(group), limit: wanted, offset: skip }).map((row) => row.seq));
      skip = 0;
      if (seqs.length >= query.limit) break;
    }
    return seqs;
  }
}

function closestFirst(a: MatchedImage, b: MatchedImage): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  return a.distance - b.distance || a.sha256.localeCompare(b.sha256);
}

import type { Client, estypes } from '@elastic/elasticsearch';
import { hashHalves, halvesDistance } from '../hash-halves.js';
import type { NormalisedImageQuery } from '../image-similarity-query.js';
import type { ImageMatch, ImageMatchPage, MatchedImage } from '../index-store.js';
import type { AdDocument } from './ad-document.js';
import { candidateChunkTerms } from './hash-chunks.js';
import type { IndexNames } from './index-layout.js';

interface Closeness {
  distance: number;
  exact: boolean;
}

/** What the candidate scan reads of each ad: enough to compute distances and rank. */
type CandidateFields = Pick<AdDocument, 'id' | 'lastSeen'> & { images?: Array<{ sha256: string; perceptualHash: string | null }> };

interface MatchingAd {
  id: string;
  lastSeen: string;
  /** Rank: -1 for the same bytes, else the smallest distance. */
  rank: number;
  images: Map<string, Closeness>;
}

const scanPageSize = 1000;

/**
 * Exact near-duplicate image search without scripts. Candidates come from the index: ads holding
 * the query's bytes (sha256) or, for the perceptual hash, a chunk within the radius that
 * guarantees every hash within `maxDistance` bits is among them (hash-chunks.ts); past that radius,
 * every ad with a hashed image. The exact distances, the ranking (same bytes first, then by
 * distance, then newest) and the page are computed here, as the SQLite store does.
 */
export class EsImageSearch {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  async search(query: NormalisedImageQuery): Promise<ImageMatchPage> {
    const matching: MatchingAd[] = [];
    for await (const candidate of this.candidates(query)) {
      const images = new Map<string, Closeness>();
      for (const image of candidate.images ?? []) {
        if (query.sha256 !== null && image.sha256 === query.sha256) images.set(image.sha256, { distance: 0, exact: true });
        else if (query.halves !== null && image.perceptualHash !== null) {
          const distance = halvesDistance(query.halves, hashHalves(image.perceptualHash));
          if (distance <= query.maxDistance) images.set(image.sha256, { distance, exact: false });
        }
      }
      if (images.size === 0) continue;
      const rank = Math.min(...[...images.values()].map((c) => (c.exact ? -1 : c.distance)));
      matching.push({ id: candidate.id, lastSeen: candidate.lastSeen, rank, images });
    }
    matching.sort((a, b) => a.rank - b.rank || compareText(b.lastSeen, a.lastSeen) || compareText(a.id, b.id));
    const page = matching.slice(query.offset, query.offset + query.limit);
    return { total: matching.length, matches: await this.describe(page) };
  }

  /** Every ad that may hold a matching image, read page by page in id order. */
  private async *candidates(query: NormalisedImageQuery): AsyncIterable<CandidateFields> {
    const should: estypes.QueryDslQueryContainer[] = [];
    if (query.sha256 !== null) should.push({ nested: { path: 'images', query: { term: { 'images.sha256': query.sha256 } } } });
    if (query.perceptualHash !== null) {
      const terms = candidateChunkTerms(query.perceptualHash, query.maxDistance);
      should.push(terms === null ? { nested: { path: 'images', query: { exists: { field: 'images.perceptualHash' } } } } : { terms: { imageHashChunks: terms } });
    }
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await this.client.search<CandidateFields>({
        index: this.names.ads,
        query: { bool: { should, minimum_should_match: 1 } },
        sort: [{ id: 'asc' }],
        size: scanPageSize,
        _source: ['id', 'lastSeen', 'images.sha256', 'images.perceptualHash'],
        track_total_hits: false,
        ...(after ? { search_after: after } : {}),
      });
      const hits = response.hits.hits;
      for (const hit of hits) yield hit._source!;
      if (hits.length < scanPageSize) return;
      after = hits.at(-1)!.sort;
    }
  }

  /** The page's ads with their matching images, closest first. */
  private async describe(page: readonly MatchingAd[]): Promise<ImageMatch[]> {
    if (page.length === 0) return [];
    const response = await this.client.mget<AdDocument>({
      index: this.names.ads,
      ids: page.map((ad) => ad.id),
      _source_includes: ['id', 'url', 'site', 'title', 'firstSeen', 'lastSeen', 'images.sha256', 'images.url', 'images.perceptualHash'],
    });
    const docs = new Map<string, AdDocument>();
    for (const found of response.docs) if ('found' in found && found.found && found._source) docs.set(found._id, found._source);
    return page.flatMap((ad): ImageMatch[] => {
      const doc = docs.get(ad.id);
      // Gone since the scan (never deleted by this store, but an operator may): left out.
      if (!doc) return [];
      const images = doc.images
        .filter((image) => ad.images.has(image.sha256))
        .map((image): MatchedImage => ({ sha256: image.sha256, url: image.url, perceptualHash: image.perceptualHash, ...ad.images.get(image.sha256)! }))
        .sort(closestFirst);
      const best = images[0]!;
      return [{ adId: doc.id, url: doc.url, site: doc.site, title: doc.title, firstSeen: doc.firstSeen, lastSeen: doc.lastSeen, distance: best.distance, exact: best.exact, images }];
    });
  }
}

function closestFirst(a: MatchedImage, b: MatchedImage): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  return a.distance - b.distance || a.sha256.localeCompare(b.sha256);
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

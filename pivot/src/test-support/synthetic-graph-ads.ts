import type { GraphAd } from '../graph/graph-input.js';

/** The shape syntheticGraphAds gives: what a test or bench checks the clusters against. */
export const syntheticAdsPerOperator = 4;

/**
 * Synthetic ads for the link graph at scale (the clusters test, bench/link-graph.mjs): operators
 * of 4 ads each, whose ads share a phone in pairs (fictional NANP 555 numbers) and a Telegram handle
 * across both pairs, each ad with its own email on one of three mail domains and posted on one of
 * seven sites. Clustered over strong links, `count` ads give count / 4 clusters of 4 ads.
 */
export function* syntheticGraphAds(count: number): Generator<GraphAd> {
  for (let index = 0; index < count; index++) {
    const operator = Math.floor(index / syntheticAdsPerOperator);
    const pair = Math.floor(index / 2);
    yield {
      adId: `ad-${index}`,
      url: `https://site-${index % 7}.test/ad/${index}`,
      site: `site-${index % 7}.test`,
      title: `Ad ${index}`,
      firstSeen: '2024-01-01T00:00:00.000Z',
      lastSeen: '2024-01-02T00:00:00.000Z',
      indicators: [
        { type: 'phone', value: `+1702555${String(pair).padStart(6, '0')}` },
        { type: 'handle', value: `op_${operator}`, platform: 'telegram' },
        { type: 'email', value: `ad${index}@mail-${index % 3}.example` },
      ],
    };
  }
}

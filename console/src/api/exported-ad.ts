import type { ExportedAd, StoredAd } from '@indicia/indexer';

/** A stored ad cut to the export contract's keys (ExportedAd), as `indicia export` writes them. */
export function exportedAdOf(ad: StoredAd): ExportedAd {
  return {
    id: ad.id,
    url: ad.url,
    site: ad.site,
    title: ad.title,
    text: ad.text,
    firstSeen: ad.firstSeen,
    lastSeen: ad.lastSeen,
    indicators: ad.indicators.map(({ type, value, platform, chain, raw, source }) => ({ type, value, ...(platform ? { platform } : {}), ...(chain ? { chain } : {}), raw, source })),
    location: ad.location,
    language: ad.language,
    age: ad.age,
    prices: ad.prices,
    images: ad.images.map(({ firstSeen: _firstSeen, lastSeen: _lastSeen, captureId: _captureId, ...image }) => image),
    needsBrowser: ad.needsBrowser,
    truncated: ad.truncated,
  };
}

import { groundTruth, type GroundTruthAd } from './ground-truth.js';
import { onionMirrorList, type OnionMirror } from './onion-mirrors.js';
import type { SitePages } from './page-inventory.js';
import type { ContentOptions } from './testbed-options.js';

export interface OnionGroundTruth {
  seed: number;
  mirrors: OnionMirror[];
  /**
   * The mirrored sites' ads as found on the onion hosts: the same ads (same indicators, clusters,
   * pictures) with onion URLs and the onion host as `site`. The clear-web truth is unchanged.
   */
  ads: GroundTruthAd[];
  /** Pages a full plain-HTTP crawl of each onion host fetches: those of the site it mirrors. */
  pagesBySite: Record<string, SitePages>;
}

/** What a perfect crawl of the onion mirrors finds (the same seed and ad count as groundTruth). */
export function onionGroundTruth(options: ContentOptions = {}): OnionGroundTruth {
  const truth = groundTruth(options);
  const mirrors = onionMirrorList(truth.seed);
  const ads: GroundTruthAd[] = [];
  const pagesBySite: Record<string, SitePages> = {};
  for (const mirror of mirrors) {
    const pages = truth.pagesBySite[mirror.clearHost];
    if (pages !== undefined) pagesBySite[mirror.onionHost] = pages;
    for (const ad of truth.ads) {
      if (ad.site !== mirror.clearHost) continue;
      const url = new URL(ad.url);
      url.hostname = mirror.onionHost;
      ads.push({ ...ad, url: url.href, site: mirror.onionHost });
    }
  }
  return { seed: truth.seed, mirrors, ads, pagesBySite };
}

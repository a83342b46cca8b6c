import { join } from 'node:path';
import { SqliteIndexStore, type ExportedAd } from '@indicia/indexer';
import type { GroundTruthAd } from '@indicia/testbed';

/** What `indicia crawl --json` prints, in the parts the onion tests read. */
export interface CrawlSummary {
  pages: { captured: number; failed: number };
  failures: Array<{ url: string; reason: string }>;
}

export async function indexedAds(dataDir: string): Promise<ExportedAd[]> {
  const store = SqliteIndexStore.open(join(dataDir, 'index.sqlite'));
  const ads: ExportedAd[] = [];
  try {
    for await (const ad of store.exportAds()) ads.push(ad);
  } finally {
    await store.close();
  }
  return ads;
}

/**
 * What the index lacks of the truth, as "URL phone VALUE" / "URL email VALUE" / "URL (ad)" lines
 * (empty when the crawl found everything).
 */
export function missingFromIndex(truthAds: GroundTruthAd[], ads: ExportedAd[]): string[] {
  const byUrl = new Map(ads.map((ad) => [ad.url, ad]));
  const missing: string[] = [];
  for (const truthAd of truthAds) {
    const url = new URL(truthAd.url);
    const ad = byUrl.get(url.href);
    if (ad === undefined) {
      missing.push(`${url.href} (ad)`);
      continue;
    }
    const found = new Set(ad.indicators.map((indicator) => `${indicator.type} ${indicator.value}`));
    for (const phone of truthAd.phones) if (!found.has(`phone ${phone}`)) missing.push(`${url.href} phone ${phone}`);
    for (const email of truthAd.emails) if (!found.has(`email ${email}`)) missing.push(`${url.href} email ${email}`);
  }
  return missing;
}

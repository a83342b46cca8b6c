import type { GroundTruth, GroundTruthAd } from '@indicia/testbed';
import type { ExportedAd } from '@indicia/indexer';

export interface PrecisionRecall {
  truePositives: number;
  extracted: number;
  expected: number;
  precision: number;
  recall: number;
  missing: string[];
  unexpected: string[];
}

/**
 * Compares (ad URL, indicator) pairs of one type between the index and the ground truth. Ads the
 * index holds that the truth does not (a listing page taken for an ad, say) count against precision.
 * `only` keeps the truth ads (and the indexed ads at their URLs) one comparison is about.
 */
export function compareWithTruth(truth: GroundTruth, ads: ExportedAd[], type: 'phone' | 'email', options: { only?: (ad: GroundTruthAd) => boolean } = {}): PrecisionRecall {
  const expected = new Set<string>();
  const leftOut = new Set<string>();
  for (const ad of truth.ads) {
    if (options.only && !options.only(ad)) {
      leftOut.add(ad.url);
      continue;
    }
    for (const value of type === 'phone' ? ad.phones : ad.emails) expected.add(`${ad.url} ${value}`);
  }
  const extracted = new Set<string>();
  for (const ad of ads) {
    if (leftOut.has(ad.url)) continue;
    for (const indicator of ad.indicators) if (indicator.type === type) extracted.add(`${ad.url} ${indicator.value}`);
  }
  const truePositives = [...extracted].filter((pair) => expected.has(pair)).length;
  return {
    truePositives,
    extracted: extracted.size,
    expected: expected.size,
    precision: extracted.size === 0 ? 0 : truePositives / extracted.size,
    recall: expected.size === 0 ? 1 : truePositives / expected.size,
    missing: [...expected].filter((pair) => !extracted.has(pair)).slice(0, 10),
    unexpected: [...extracted].filter((pair) => !expected.has(pair)).slice(0, 10),
  };
}

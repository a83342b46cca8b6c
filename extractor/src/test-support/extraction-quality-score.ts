/**
 * Precision and recall of an extraction against labelled indicators, per indicator type and per
 * written style, for the quality test (and any other test that compares against a truth).
 */

export type SpanSource = 'text' | 'html';

export interface LabelledSpan {
  source: SpanSource;
  start: number;
  end: number;
}

export interface ExpectedIndicator extends LabelledSpan {
  type: string;
  value: string;
  platform?: string;
  chain?: string;
  style: string;
}

export interface FoundIndicator {
  type: string;
  value: string;
  platform?: string;
  chain?: string;
  /** Which input string the offsets index (undefined when they index neither correctly). */
  source: SpanSource | undefined;
  start: number;
  end: number;
}

export interface ScoredItem {
  id: string;
  expected: readonly ExpectedIndicator[];
  found: readonly FoundIndicator[];
  distractors?: ReadonlyArray<LabelledSpan & { style: string }>;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Rates extends Counts {
  precision: number;
  recall: number;
}

export interface QualityExample {
  id: string;
  type: string;
  value: string;
  platform?: string;
  /** The expected style for a miss; for a false positive, what its span overlaps. */
  where: string;
}

export interface QualityReport {
  overall: Rates;
  byType: Map<string, Rates>;
  /** Expected styles; false positives count against the style whose written form they overlap. */
  byStyle: Map<string, Rates>;
  /** False positives by what they overlap: 'distractor:date', 'misread:<style>', or 'prose'. */
  falsePositivesByOrigin: Map<string, number>;
  /** WhatsApp/Signal handles found for a labelled phone that the truth does not list: not counted. */
  tolerated: number;
  misses: QualityExample[];
  falsePositives: QualityExample[];
  /** Found true positives whose span does not overlap the planted written form. */
  misplaced: QualityExample[];
}

export function rates(counts: Counts): Rates {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  return { ...counts, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

function keyOf(indicator: { type: string; platform?: string; value: string }): string {
  return `${indicator.type}\u0000${indicator.platform ?? ''}\u0000${indicator.value}`;
}

function overlaps(a: LabelledSpan, b: { source: SpanSource | undefined; start: number; end: number }): boolean {
  return a.source === b.source && a.start < b.end && b.start < a.end;
}

class Tally {
  readonly counts = new Map<string, Counts>();

  add(name: string, field: keyof Counts): void {
    let counts = this.counts.get(name);
    if (!counts) this.counts.set(name, (counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 }));
    counts[field]++;
  }

  rates(): Map<string, Rates> {
    return new Map([...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, counts]) => [name, rates(counts)]));
  }
}

export function scoreExtraction(items: Iterable<ScoredItem>): QualityReport {
  const overall: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const byType = new Tally();
  const byStyle = new Tally();
  const origins = new Map<string, number>();
  const report: Omit<QualityReport, 'overall' | 'byType' | 'byStyle' | 'falsePositivesByOrigin'> = { tolerated: 0, misses: [], falsePositives: [], misplaced: [] };

  for (const item of items) {
    const expected = new Map(item.expected.map((indicator) => [keyOf(indicator), indicator]));
    const phones = new Set(item.expected.filter((indicator) => indicator.type === 'phone').map((indicator) => indicator.value));
    const found = new Map(item.found.map((indicator) => [keyOf(indicator), indicator]));
    for (const [key, indicator] of expected) {
      const match = found.get(key);
      const field: keyof Counts = match ? 'truePositives' : 'falseNegatives';
      overall[field]++;
      byType.add(indicator.type, field);
      byStyle.add(indicator.style, field);
      const example = { id: item.id, type: indicator.type, value: indicator.value, ...(indicator.platform ? { platform: indicator.platform } : {}), where: indicator.style };
      if (!match) report.misses.push(example);
      else if (!overlaps(indicator, match)) report.misplaced.push(example);
    }
    for (const [key, indicator] of found) {
      if (expected.has(key)) continue;
      // "WhatsApp: +44 ..." or "WhatsApp or call ..." may or may not make a handle of the number
      // beside the phone; the number itself is what the truth measures.
      if ((indicator.platform === 'whatsapp' || indicator.platform === 'signal') && phones.has(indicator.value)) {
        report.tolerated++;
        continue;
      }
      const planted = item.expected.find((candidate) => overlaps(candidate, indicator));
      const distractor = planted ? undefined : item.distractors?.find((candidate) => overlaps(candidate, indicator));
      const origin = planted ? `misread:${planted.style}` : distractor ? `distractor:${distractor.style}` : 'prose';
      overall.falsePositives++;
      byType.add(indicator.type, 'falsePositives');
      if (planted) byStyle.add(planted.style, 'falsePositives');
      origins.set(origin, (origins.get(origin) ?? 0) + 1);
      report.falsePositives.push({ id: item.id, type: indicator.type, value: indicator.value, ...(indicator.platform ? { platform: indicator.platform } : {}), where: origin });
    }
  }
  return {
    overall: rates(overall),
    byType: byType.rates(),
    byStyle: byStyle.rates(),
    falsePositivesByOrigin: new Map([...origins].sort(([, a], [, b]) => b - a)),
    ...report,
  };
}

function percent(value: number): string {
  return (value * 100).toFixed(1).padStart(6);
}

/** A fixed-width table: one row per name, with counts, precision and recall. */
export function formatRatesTable(title: string, rows: Map<string, Rates>): string {
  const width = Math.max(title.length, ...[...rows.keys()].map((name) => name.length));
  const lines = [`${title.padEnd(width)}   found  missed     fp  precision  recall`];
  for (const [name, row] of rows) {
    lines.push(`${name.padEnd(width)}  ${String(row.truePositives).padStart(6)}  ${String(row.falseNegatives).padStart(6)}  ${String(row.falsePositives).padStart(5)}     ${percent(row.precision)}  ${percent(row.recall)}`);
  }
  return lines.join('\n');
}

import type { Indicator, Provenance } from '@indicia/core';
import type { RuleMatch } from './rules/extractor-rule.js';

/**
 * Gathers matches into indicators: one per (type, platform, value), every place it was read kept
 * in its provenance. Indicators come out in reading order of their first occurrence, so the same
 * page always gives the same list.
 */
const sourceOrder = { text: 0, 'html-attr': 1, url: 2, ocr: 3 } as const;

export class IndicatorCollector {
  private readonly indicators = new Map<string, Indicator>();
  private readonly seenProvenance = new Set<string>();

  add(match: RuleMatch, provenance: Provenance): void {
    const key = `${match.type}\u0000${match.platform ?? ''}\u0000${match.value}`;
    const provenanceKey = `${key}\u0000${provenance.source}\u0000${provenance.attribute ?? ''}\u0000${provenance.imageSha256 ?? ''}\u0000${provenance.start}\u0000${provenance.end}`;
    if (this.seenProvenance.has(provenanceKey)) return;
    this.seenProvenance.add(provenanceKey);
    const existing = this.indicators.get(key);
    if (existing) {
      existing.provenance.push(provenance);
      return;
    }
    const indicator: Indicator = { type: match.type, value: match.value, provenance: [provenance] };
    if (match.platform) indicator.platform = match.platform;
    if (match.chain) indicator.chain = match.chain;
    this.indicators.set(key, indicator);
  }

  /** Provenance in reading order (text, then attributes, by offset); indicators by their first occurrence. */
  list(): Indicator[] {
    const byReadingOrder = (a: Provenance, b: Provenance): number => sourceOrder[a.source] - sourceOrder[b.source] || a.start - b.start || a.end - b.end;
    const indicators = [...this.indicators.values()];
    for (const indicator of indicators) indicator.provenance.sort(byReadingOrder);
    // Array#sort is stable: indicators read at the same place keep the order their rules ran in.
    return indicators.sort((a, b) => byReadingOrder(a.provenance[0]!, b.provenance[0]!));
  }
}

import type { Indicator, Provenance, ProvenanceSource } from '@indicia/core';
import { IndicatorCollector } from './indicator-collector.js';
import { defaultRuleRegistry, type RuleRegistry } from './rules/rule-registry.js';
import { normalizeText } from './text-normalization.js';

export interface IndicatorContext {
  captureId: string;
  source: ProvenanceSource;
  defaultCountry?: string;
  /** The attribute the text is the value of, for `source: 'html-attr'` (e.g. 'href'). */
  attribute?: string;
  /** The image the text was read from, for `source: 'ocr'`. */
  imageSha256?: string;
}

/**
 * Indicators in one piece of text, each with provenance offsets into that exact string. An href
 * (source 'html-attr', attribute 'href') or a URL (source 'url') is read with the link rules
 * (tel:, mailto:, wa.me/..., t.me/...); anything else with the text rules.
 */
export function extractIndicators(text: string, context: IndicatorContext): Indicator[] {
  const collector = new IndicatorCollector();
  collectIndicators(collector, text, context);
  return collector.list();
}

export function collectIndicators(collector: IndicatorCollector, text: string, context: IndicatorContext, registry: RuleRegistry = defaultRuleRegistry): void {
  const defaultCountry = context.defaultCountry ?? null;
  const isLink = context.source === 'url' || (context.source === 'html-attr' && context.attribute === 'href');
  if (isLink) {
    for (const rule of registry.link) {
      for (const match of rule.find({ href: text, defaultCountry })) {
        collector.add(match, provenanceOf(text, context, { start: match.start, end: match.end, obfuscated: match.obfuscated === true, rules: match.rules }));
      }
    }
    return;
  }
  const normalized = normalizeText(text);
  for (const rule of registry.text) {
    for (const match of rule.find({ text: normalized.text, defaultCountry })) {
      const span = normalized.toRaw(match.start, match.end);
      collector.add(match, provenanceOf(text, context, { start: span.start, end: span.end, obfuscated: span.obfuscated || match.obfuscated === true, rules: [...match.rules, ...span.steps] }));
    }
  }
}

/** Where a match was read: its span of the raw text, in the context the text came from. */
function provenanceOf(text: string, context: IndicatorContext, match: Pick<Provenance, 'start' | 'end' | 'obfuscated' | 'rules'>): Provenance {
  return {
    captureId: context.captureId,
    source: context.source,
    ...(context.attribute ? { attribute: context.attribute } : {}),
    ...(context.imageSha256 ? { imageSha256: context.imageSha256 } : {}),
    start: match.start,
    end: match.end,
    raw: text.slice(match.start, match.end),
    obfuscated: match.obfuscated,
    rules: match.rules,
  };
}

import type { PageClassification, PageKind } from './page-classifier.js';
import { configPattern, type SiteConfig } from './site-config.js';

export interface Decision {
  kind: PageKind;
  method: 'site-config' | 'generic';
  score: number;
  reasons: string[];
}

/**
 * A site's configuration overrides the generic verdict: its patterns say which URLs are ads
 * (notAdUrlPattern first; with an adUrlPattern, a URL it does not match is not an ad).
 */
export function applySiteConfig(config: SiteConfig | undefined, url: string, generic: PageClassification): Decision {
  const genericDecision: Decision = { kind: generic.kind, method: 'generic', score: generic.score, reasons: generic.reasons };
  if (!config) return genericDecision;
  const notAd = configPattern(config.notAdUrlPattern);
  const isAd = configPattern(config.adUrlPattern);
  const notAnAd = (reason: string): Decision => ({ kind: generic.kind === 'ad' ? 'other' : generic.kind, method: 'site-config', score: generic.score, reasons: [...generic.reasons, reason] });
  if (notAd?.test(url)) return notAnAd(`site config ${config.host}: URL matches notAdUrlPattern`);
  if (isAd?.test(url)) return { kind: 'ad', method: 'site-config', score: generic.score, reasons: [...generic.reasons, `site config ${config.host}: URL matches adUrlPattern`] };
  if (isAd) return notAnAd(`site config ${config.host}: URL does not match adUrlPattern`);
  return genericDecision;
}

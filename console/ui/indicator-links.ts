import { segment } from './api-client.js';
import type { IndicatorRef } from './api-types.js';
import { h } from './dom.js';

/** The console path of an indicator's page: /indicators/phone/%2B17025550141 (?platform= for handles). */
export function indicatorPath(ref: IndicatorRef): string {
  const query = new URLSearchParams();
  if (ref.platform) query.set('platform', ref.platform);
  if (ref.chain) query.set('chain', ref.chain);
  const text = query.toString();
  return `/indicators/${segment(ref.type)}/${segment(ref.value)}${text ? `?${text}` : ''}`;
}

/** The same query for the API route. */
export function indicatorApiPath(ref: IndicatorRef): string {
  return `/api/v1${indicatorPath(ref)}`;
}

/** How an indicator reads: '+17025550141', 'telegram @anna', 'bitcoin bc1...'. */
export function indicatorLabel(ref: IndicatorRef): string {
  if (ref.type === 'handle') return `${ref.platform ?? 'handle'} @${ref.value}`;
  if (ref.type === 'crypto') return `${ref.chain ?? 'crypto'} ${ref.value}`;
  return ref.value;
}

/** The graph's seed for an indicator: 'phone:+1702...', 'handle:telegram:anna'. */
export function graphSeed(ref: IndicatorRef): string {
  if (ref.type === 'handle') return `handle:${ref.platform ?? ''}:${ref.value}`;
  if (ref.type === 'crypto') return `crypto:${ref.chain ?? ''}:${ref.value}`;
  return `${ref.type}:${ref.value}`;
}

export function indicatorLink(ref: IndicatorRef, extra: { className?: string } = {}): HTMLAnchorElement {
  return h('a', { href: indicatorPath(ref), class: `indicator indicator-${ref.type} ${extra.className ?? ''}`.trim() }, indicatorLabel(ref));
}

export function domainLink(domain: string): HTMLAnchorElement {
  return h('a', { href: `/domains/${segment(domain)}`, class: 'indicator indicator-domain' }, domain);
}

/** Every indicator as a link; domains go to their domain page. */
export function indicatorChip(ref: IndicatorRef): HTMLElement {
  const link = ref.type === 'domain' ? domainLink(ref.value) : indicatorLink(ref);
  link.classList.add('chip');
  return link;
}

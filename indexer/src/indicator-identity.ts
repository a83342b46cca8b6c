import { indicatorIdFor } from '@indicia/core';
import type { IndicatorRef } from './index-store.js';

/** The deterministic id every adapter keys an indicator by: type, platform or chain, value. */
export function indicatorIdOf(indicator: IndicatorRef): string {
  return indicatorIdFor(indicator.type, indicator.value, indicator.platform ?? indicator.chain ?? '');
}

/** The ref with only the keys that apply, so results and exports carry no `platform: undefined`. */
export function indicatorRef(type: IndicatorRef['type'], value: string, qualifiers: { platform?: string | null; chain?: string | null }): IndicatorRef {
  const ref: IndicatorRef = { type, value };
  if (qualifiers.platform) ref.platform = qualifiers.platform;
  if (qualifiers.chain) ref.chain = qualifiers.chain;
  return ref;
}

/** A stable order for an ad's indicators: by type, then qualifier, then value. */
export function compareIndicatorRefs(a: IndicatorRef, b: IndicatorRef): number {
  return compareStrings(a.type, b.type) || compareStrings(a.platform ?? a.chain ?? '', b.platform ?? b.chain ?? '') || compareStrings(a.value, b.value);
}

function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

import type { IndicatorType } from '@indicia/core';

/**
 * The bit each indicator type has in `ads.indicator_types` (schema step 8). Fixed forever: a new
 * type gets the next free bit, in a new schema step that fills it in for existing ads.
 */
export const indicatorTypeBits: Readonly<Record<IndicatorType, number>> = {
  phone: 1,
  email: 2,
  handle: 4,
  crypto: 8,
  url: 16,
  domain: 32,
};

const bitEntries = Object.entries(indicatorTypeBits) as Array<[IndicatorType, number]>;

export function bitsOfTypes(types: Iterable<IndicatorType>): number {
  let bits = 0;
  for (const type of types) bits |= indicatorTypeBits[type];
  return bits;
}

export function typesOfBits(bits: number): IndicatorType[] {
  return bitEntries.filter(([, bit]) => (bits & bit) !== 0).map(([type]) => type);
}

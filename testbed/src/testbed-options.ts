import { UsageError } from '@indicia/core';

/** Far beyond any benchmark; keeps a typo like --ads 1e12 from hanging the truth builder. */
export const maxAds = 10_000_000;

export interface ContentOptions {
  seed?: number;
  ads?: number;
}

export function resolveContentOptions(options: ContentOptions): { seed: number; ads: number } {
  const seed = options.seed ?? 1;
  const ads = options.ads ?? 200;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`testbed seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(ads) || ads < 0 || ads > maxAds) throw new UsageError(`testbed ads must be an integer from 0 to ${maxAds}, got ${ads}`);
  return { seed, ads };
}

export function resolvePort(port: number | undefined, name: string): number {
  const value = port ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new UsageError(`testbed ${name} must be a port number from 0 to 65535, got ${port}`);
  return value;
}

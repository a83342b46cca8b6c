import { indicatorTypes, UsageError, type IndicatorType } from '@indicia/core';
import type { IndicatorRef } from './index-store.js';

/**
 * An indicator named by a caller (a console URL, a watchlist) in the form values are stored in:
 * emails, handles and domains lowercased, a handle without its "@", qualifiers lowercased. Phones
 * must already be E.164 and crypto addresses keep their case (checksums live in it).
 */
export function normaliseIndicatorInput(input: IndicatorRef): IndicatorRef {
  const type = indicatorTypeOf(input.type);
  let value = input.value.trim();
  if (type === 'email' || type === 'domain' || type === 'handle') value = value.toLowerCase();
  if (type === 'handle') value = value.replace(/^@/, '');
  if (!value) throw new UsageError(`an indicator needs a value (type ${type})`);
  const ref: IndicatorRef = { type, value };
  const platform = input.platform?.trim().toLowerCase();
  const chain = input.chain?.trim().toLowerCase();
  if (type === 'handle') {
    if (!platform) throw new UsageError('a handle needs its platform, e.g. telegram');
    ref.platform = platform;
  } else if (type === 'crypto') {
    if (!chain) throw new UsageError('a crypto address needs its chain, e.g. bitcoin');
    ref.chain = chain;
  }
  return ref;
}

export function indicatorTypeOf(type: string): IndicatorType {
  if (!(indicatorTypes as readonly string[]).includes(type)) throw new UsageError(`unknown indicator type "${type.slice(0, 32)}" (one of ${indicatorTypes.join(', ')})`);
  return type as IndicatorType;
}

/** A domain as sites and `domain` indicators are stored: lowercase, without a trailing dot. */
export function normaliseDomainInput(domain: string): string {
  const normalised = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(normalised)) throw new UsageError(`"${domain.slice(0, 64)}" is not a domain name (IDNs in punycode)`);
  return normalised;
}

/** The timeline bucket of an indicator profile: a UTC day unless a month is asked for. */
export function profileBucketOf(bucket: string | undefined): 'day' | 'month' {
  if (bucket === undefined || bucket === 'day' || bucket === 'month') return bucket ?? 'day';
  throw new UsageError(`a timeline bucket is "day" or "month" (got "${bucket.slice(0, 16)}")`);
}

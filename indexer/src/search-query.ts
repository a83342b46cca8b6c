import { UsageError, type IndicatorType } from '@indicia/core';
import type { IndicatorRef, SearchQuery } from './index-store.js';
import { indicatorTypeOf, normaliseIndicatorInput } from './indicator-input.js';
import { queryTime } from './query-time.js';

export const defaultPageSize = 20;
export const maxPageSize = 1000;

/** A search query checked and put in the form values are stored in, shared by every adapter. */
export interface NormalisedSearchQuery {
  /** Absent when the query had no text or only whitespace. */
  text: string | null;
  /** The indicators the ad must all hold (each once). */
  indicators: IndicatorRef[];
  country: string | null;
  site: string | null;
  /** ISO 8601 UTC with milliseconds, as stored times are. */
  seenFrom: string | null;
  seenTo: string | null;
  matchedAfter: string | null;
  indicatorType: IndicatorType | null;
  facets: boolean;
  limit: number;
  offset: number;
}

export function normaliseSearchQuery(query: SearchQuery): NormalisedSearchQuery {
  const limit = query.limit ?? defaultPageSize;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) throw new UsageError(`search limit must be an integer from 1 to ${maxPageSize} (got ${limit})`);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`search offset must be a non-negative integer (got ${offset})`);
  const indicators: IndicatorRef[] = [];
  const phone = query.phone?.trim();
  if (phone) indicators.push({ type: 'phone', value: phone });
  const email = query.email?.trim().toLowerCase();
  if (email) indicators.push({ type: 'email', value: email });
  if (query.handle) {
    const platform = query.handle.platform.trim().toLowerCase();
    const value = query.handle.value.trim().replace(/^@/, '').toLowerCase();
    if (!platform || !value) throw new UsageError('a handle search needs both a platform and a value, e.g. telegram:some_name');
    indicators.push({ type: 'handle', value, platform });
  }
  if (query.indicator) {
    const indicator = normaliseIndicatorInput(query.indicator);
    // The same indicator asked for twice (as `phone` and as `indicator`) is one condition.
    if (!indicators.some((known) => sameRef(known, indicator))) indicators.push(indicator);
  }
  const text = query.text?.trim();
  const seenFrom = optionalTime(query.seenFrom, { name: 'seenFrom', endOfDay: false });
  const seenTo = optionalTime(query.seenTo, { name: 'seenTo', endOfDay: true });
  return {
    text: text ? text : null,
    indicators,
    country: query.country?.trim() ? query.country.trim().toUpperCase() : null,
    site: query.site?.trim() ? query.site.trim().toLowerCase() : null,
    seenFrom,
    seenTo,
    matchedAfter: optionalTime(query.matchedAfter, { name: 'matchedAfter', endOfDay: true }),
    indicatorType: query.indicatorType === undefined ? null : indicatorTypeOf(query.indicatorType),
    facets: query.facets === true,
    limit,
    offset,
  };
}

function optionalTime(value: string | undefined, options: { name: string; endOfDay: boolean }): string | null {
  return value === undefined || value.trim() === '' ? null : queryTime(value, options);
}

function sameRef(a: IndicatorRef, b: IndicatorRef): boolean {
  return a.type === b.type && a.value === b.value && (a.platform ?? a.chain ?? '') === (b.platform ?? b.chain ?? '');
}

import { indicatorTypes, type IndicatorType } from '@indicia/core';
import type { IndexStore, SearchQuery } from '@indicia/indexer';
import type { WatchedQuery } from '../accounts/watchlists.js';
import { badRequest } from '../http/rejected-request-error.js';
import type { InterpretQuery, ReadAs } from '../ports.js';

/** The search parameters the search page, exports and saved queries share. */
export const searchParamNames = ['q', 'site', 'country', 'type', 'from', 'to'] as const;

export function searchParamsOf(url: URL): WatchedQuery {
  const params: WatchedQuery = {};
  for (const name of searchParamNames) {
    const value = url.searchParams.get(name)?.trim();
    if (value) {
      if (value.length > 500) throw badRequest(`${name} is too long`);
      params[name] = value;
    }
  }
  return params;
}

export function hasSearchParams(params: WatchedQuery): boolean {
  return searchParamNames.some((name) => params[name] !== undefined);
}

/**
 * The store query for the search box and filters: the box read by the CLI's interpreter (a phone
 * in any format, an email, a handle, else text). A national number valid in several countries
 * becomes the reading the index holds most ads for.
 */
export async function storeQueryOf(
  params: WatchedQuery,
  deps: { store: IndexStore; interpretQuery: InterpretQuery },
  page: { limit: number; offset: number },
): Promise<{ query: SearchQuery; readAs: ReadAs[] }> {
  let query: SearchQuery = { limit: page.limit, offset: page.offset };
  let readAs: ReadAs[] = [];
  if (params.q !== undefined) {
    const interpreted = deps.interpretQuery({ text: params.q, limit: page.limit, offset: page.offset });
    query = interpreted.query;
    readAs = interpreted.readAs;
    if (interpreted.phoneReadings.length > 1) {
      const chosen = await likeliestReading(deps.store, query, interpreted.phoneReadings);
      query.phone = chosen;
      readAs = readAs.map((reading) => (reading.as === 'phone' ? { as: 'phone', value: chosen } : reading));
    }
  }
  if (params.site !== undefined) query.site = params.site.toLowerCase();
  if (params.country !== undefined) query.country = params.country.toUpperCase();
  if (params.type !== undefined) query.indicatorType = indicatorTypeParam(params.type);
  if (params.from !== undefined) query.seenFrom = params.from;
  if (params.to !== undefined) query.seenTo = params.to;
  return { query, readAs };
}

function indicatorTypeParam(value: string): IndicatorType {
  if (!(indicatorTypes as readonly string[]).includes(value)) throw badRequest(`type must be one of ${indicatorTypes.join(', ')}`);
  return value as IndicatorType;
}

async function likeliestReading(store: IndexStore, query: SearchQuery, readings: string[]): Promise<string> {
  const counted = await Promise.all(readings.map(async (phone) => ({ phone, total: (await store.search({ ...query, phone, limit: 1, offset: 0 })).total })));
  const best = counted.reduce((a, b) => (b.total > a.total ? b : a));
  return best.total > 0 ? best.phone : readings[0]!;
}

import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexSummary } from '../index-store.js';
import type { IndexNames } from './index-layout.js';

const compositePageSize = 1000;

/**
 * The store summary from aggregations, exact like the SQLite one: distinct indicators are counted
 * in the indicators index (one document each), and ads per site, language, country and currency
 * come from composite aggregations paged to the end (terms aggregations may be approximate).
 */
export async function readSummary(client: Client, names: IndexNames): Promise<IndexSummary> {
  const [totals, types, sites, languages, countries, currencies] = await Promise.all([
    client.search({
      index: names.ads,
      size: 0,
      track_total_hits: true,
      aggs: {
        firstSeen: { min: { field: 'firstSeen' } },
        lastSeen: { max: { field: 'lastSeen' } },
        stated: { filter: { exists: { field: 'age.min' } } },
        under18: { filter: { range: { 'age.min': { lt: 18 } } } },
      },
    }),
    adsByValue(client, names.indicators, 'type'),
    adsByValue(client, names.ads, 'site'),
    adsByValue(client, names.ads, 'language'),
    adsByValue(client, names.ads, 'location.country'),
    // prices is an array of objects in one document: an ad counts once per currency it states.
    adsByValue(client, names.ads, 'prices.currency'),
  ]);
  const aggregations = totals.aggregations as Record<string, { value_as_string?: string; value?: number | null; doc_count?: number }>;
  const indicatorsByType: Record<string, number> = {};
  for (const { value, ads } of types) indicatorsByType[value] = ads;
  const byPrimaryLanguage = new Map<string, number>();
  for (const { value, ads } of languages) {
    // "en-GB" and "en" are one language to count by: the primary subtag, lowercased.
    const primary = value.split('-')[0]!.toLowerCase();
    byPrimaryLanguage.set(primary, (byPrimaryLanguage.get(primary) ?? 0) + ads);
  }
  return {
    ads: totalOf(totals.hits.total),
    indicators: types.reduce((sum, { ads }) => sum + ads, 0),
    indicatorsByType,
    sites: mostFirst(sites).map(({ value, ads }) => ({ site: value, ads })),
    firstSeen: dateOf(aggregations.firstSeen),
    lastSeen: dateOf(aggregations.lastSeen),
    languages: mostFirst([...byPrimaryLanguage].map(([value, ads]) => ({ value, ads }))).map(({ value, ads }) => ({ language: value, ads })),
    countries: mostFirst(countries).map(({ value, ads }) => ({ country: value, ads })),
    currencies: mostFirst(currencies).map(({ value, ads }) => ({ currency: value, ads })),
    ages: { stated: aggregations.stated?.doc_count ?? 0, under18: aggregations.under18?.doc_count ?? 0 },
  };
}

/** Documents per value of a keyword field, every value, in value order. */
async function adsByValue(client: Client, index: string, field: string): Promise<Array<{ value: string; ads: number }>> {
  const counts: Array<{ value: string; ads: number }> = [];
  let after: Record<string, estypes.FieldValue> | undefined;
  for (;;) {
    const response = await client.search({
      index,
      size: 0,
      aggs: { values: { composite: { size: compositePageSize, sources: [{ value: { terms: { field } } }], ...(after ? { after } : {}) } } },
    });
    const composite = response.aggregations?.values as estypes.AggregationsCompositeAggregate | undefined;
    const buckets = (composite?.buckets ?? []) as estypes.AggregationsCompositeBucket[];
    for (const bucket of buckets) counts.push({ value: String(bucket.key.value), ads: bucket.doc_count });
    if (buckets.length < compositePageSize || !composite?.after_key) return counts;
    after = composite.after_key;
  }
}

/** Most ads first, then by value (SQLite's ORDER BY ads DESC, value). */
function mostFirst<T extends { value: string; ads: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.ads - a.ads || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function totalOf(total: estypes.SearchTotalHits | number | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

function dateOf(aggregate: { value_as_string?: string; value?: number | null } | undefined): string | null {
  if (!aggregate || aggregate.value === null || aggregate.value === undefined) return null;
  return aggregate.value_as_string ?? new Date(aggregate.value).toISOString();
}

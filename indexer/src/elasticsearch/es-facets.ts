import type { estypes } from '@elastic/elasticsearch';
import { topFacetValues } from '../facet-counts.js';
import type { FacetCount, SearchFacets } from '../index-store.js';

/**
 * Terms buckets asked of each shard. A terms aggregation is exact when it returns every value (no
 * `sum_other_doc_count`): sites, countries and indicator types number far fewer than this.
 */
const termsSize = 10_000;

/** Aggregations that count a search's whole match set by site, country and indicator type. */
export const facetAggregations: Record<string, estypes.AggregationsAggregationContainer> = {
  sites: { terms: { field: 'site', size: termsSize } },
  countries: { terms: { field: 'location.country', size: termsSize } },
  // Counted per ad, not per indicator: an ad with three phones counts once for "phone".
  indicators: { nested: { path: 'indicators' }, aggs: { types: { terms: { field: 'indicators.type', size: 100 }, aggs: { ads: { reverse_nested: {} } } } } },
};

interface TermsBucket {
  key: string | number;
  doc_count: number;
  ads?: { doc_count: number };
}

interface FacetAggregates {
  sites?: { buckets: TermsBucket[] };
  countries?: { buckets: TermsBucket[] };
  indicators?: { types?: { buckets: TermsBucket[] } };
}

export function readFacets(aggregations: Record<string, estypes.AggregationsAggregate> | undefined): SearchFacets {
  const found = (aggregations ?? {}) as FacetAggregates;
  const counts = (buckets: TermsBucket[] | undefined, count: (bucket: TermsBucket) => number): FacetCount[] =>
    topFacetValues((buckets ?? []).map((bucket) => ({ value: String(bucket.key), count: count(bucket) })));
  return {
    sites: counts(found.sites?.buckets, (bucket) => bucket.doc_count),
    countries: counts(found.countries?.buckets, (bucket) => bucket.doc_count),
    types: counts(found.indicators?.types?.buckets, (bucket) => bucket.ads?.doc_count ?? 0),
  };
}

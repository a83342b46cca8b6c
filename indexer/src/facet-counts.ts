import { maxFacetValues, type FacetCount } from './index-store.js';

/** The order and cut every adapter applies to a facet: most ads first, ties by value, the first `maxFacetValues`. */
export function topFacetValues(counts: Iterable<FacetCount>): FacetCount[] {
  return [...counts].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, maxFacetValues);
}

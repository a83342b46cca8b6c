import type { IndicatorType } from '@indicia/core';
import { topFacetValues } from '../facet-counts.js';
import type { SearchFacets } from '../index-store.js';
import { typesOfBits } from './indicator-type-bits.js';

/** The columns of a matching ad that facets count by (ads.indicator_types: indicator-type-bits.ts). */
export interface FacetRow {
  site: string;
  location_country: string | null;
  indicator_types: number;
}

/**
 * Facet counts tallied from rows the search reads anyway: a bounded plan's matching ads carry
 * their site, country and type bits, and an unbounded plan groups the index by those three, so
 * facets never cost another pass over the matches.
 */
export class FacetTally {
  private readonly sites = new Map<string, number>();
  private readonly countries = new Map<string, number>();
  private readonly typesByBits = new Map<number, number>();

  /** One matching ad, or `ads` ads sharing these values. */
  add(row: FacetRow, ads = 1): void {
    this.sites.set(row.site, (this.sites.get(row.site) ?? 0) + ads);
    if (row.location_country !== null) this.countries.set(row.location_country, (this.countries.get(row.location_country) ?? 0) + ads);
    this.typesByBits.set(row.indicator_types, (this.typesByBits.get(row.indicator_types) ?? 0) + ads);
  }

  facets(): SearchFacets {
    const types = new Map<IndicatorType, number>();
    for (const [bits, ads] of this.typesByBits) for (const type of typesOfBits(bits)) types.set(type, (types.get(type) ?? 0) + ads);
    const counts = (map: Map<string, number>) => topFacetValues([...map].map(([value, count]) => ({ value, count })));
    return { sites: counts(this.sites), countries: counts(this.countries), types: counts(types) };
  }
}

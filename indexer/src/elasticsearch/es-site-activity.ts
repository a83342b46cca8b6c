import type { Client, estypes } from '@elastic/elasticsearch';
import { indicatorIdOf } from '../indicator-identity.js';
import type { DomainAds, SiteActivity } from '../index-store.js';
import type { IndexNames } from './index-layout.js';

const compositePageSize = 1000;

interface SiteBucket {
  key: { site: string };
  doc_count: number;
  firstSeen: { value: number | null; value_as_string?: string };
  lastSeen: { value: number | null; value_as_string?: string };
}

/** Every site with its ad count and seen times, from a composite aggregation paged to the end (exact). */
export async function listSites(client: Client, names: IndexNames): Promise<SiteActivity[]> {
  const sites: SiteActivity[] = [];
  let after: Record<string, estypes.FieldValue> | undefined;
  for (;;) {
    const response = await client.search({
      index: names.ads,
      size: 0,
      aggs: {
        sites: {
          composite: { size: compositePageSize, sources: [{ site: { terms: { field: 'site' } } }], ...(after ? { after } : {}) },
          aggs: { firstSeen: { min: { field: 'firstSeen' } }, lastSeen: { max: { field: 'lastSeen' } } },
        },
      },
    });
    const composite = response.aggregations?.sites as (estypes.AggregationsCompositeAggregate & { buckets: SiteBucket[] }) | undefined;
    const buckets = composite?.buckets ?? [];
    for (const bucket of buckets) sites.push({ site: bucket.key.site, ads: bucket.doc_count, firstSeen: timeOf(bucket.firstSeen), lastSeen: timeOf(bucket.lastSeen) });
    if (buckets.length < compositePageSize || !composite?.after_key) break;
    after = composite.after_key;
  }
  return sites.sort((a, b) => b.ads - a.ads || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}

/** `domain` is normalised (lowercase letters, digits, "-", "_" and dots: nothing a wildcard reads as a pattern). */
export async function domainAds(client: Client, names: IndexNames, domain: string): Promise<DomainAds> {
  const [hosted, mentioning] = await Promise.all([
    client.count({ index: names.ads, query: { bool: { should: [{ term: { site: domain } }, { wildcard: { site: { value: `*.${domain}` } } }], minimum_should_match: 1 } } }),
    client.count({ index: names.ads, query: { nested: { path: 'indicators', query: { term: { 'indicators.id': indicatorIdOf({ type: 'domain', value: domain }) } } } } }),
  ]);
  return { domain, hosted: hosted.count, mentioning: mentioning.count };
}

function timeOf(bound: { value: number | null; value_as_string?: string }): string {
  return bound.value_as_string ?? new Date(bound.value ?? 0).toISOString();
}

import type { Client, estypes } from '@elastic/elasticsearch';
import { compareIndicatorRefs, indicatorIdOf, indicatorRef } from '../indicator-identity.js';
import { maxCooccurringIndicators, type CooccurringIndicator, type IndicatorProfile, type IndicatorRef, type IndicatorSite } from '../index-store.js';
import type { IndicatorLinkDocument } from './ad-document.js';
import type { IndexNames } from './index-layout.js';

/**
 * Terms each shard reports before the top co-occurring indicators are picked: on one shard (the
 * default) the pick is exact at any size; across shards this keeps it exact unless an indicator
 * shares ads with more distinct indicators than this.
 */
const cooccurringShardSize = 10_000;
/** More sites than one indicator is ever seen on. */
const sitesSize = 10_000;

interface Bound {
  value?: number | null;
  value_as_string?: string;
}

interface LinkTimes {
  firstSeen: Bound;
  lastSeen: Bound;
}

interface CooccurringBucket {
  key: string;
  doc_count: number;
  named: { hits: { hits: Array<{ _source: Pick<IndicatorLinkDocument, 'type' | 'value' | 'platform' | 'chain'> }> } };
}

interface ProfileAggregates {
  links: {
    mine: LinkTimes & { timeline: { buckets: Array<{ key_as_string: string; doc_count: number }> } };
    others: { ids: { buckets: CooccurringBucket[] } };
  };
  sites: { buckets: Array<{ key: string; doc_count: number; links: { mine: LinkTimes } }> };
}

/**
 * An indicator's profile in one search over the ads holding it: the times and timeline come from
 * its own nested link in each ad (when that ad showed it), the co-occurring indicators from the
 * other links of those ads.
 */
export async function readIndicatorProfile(client: Client, names: IndexNames, indicator: IndicatorRef, bucket: 'day' | 'month'): Promise<IndicatorProfile | null> {
  const id = indicatorIdOf(indicator);
  const thisLink: estypes.QueryDslQueryContainer = { term: { 'indicators.id': id } };
  const linkTimes = { firstSeen: { min: { field: 'indicators.firstSeen' } }, lastSeen: { max: { field: 'indicators.lastSeen' } } };
  const response = await client.search({
    index: names.ads,
    size: 0,
    track_total_hits: true,
    query: { nested: { path: 'indicators', query: thisLink } },
    aggs: {
      links: {
        nested: { path: 'indicators' },
        aggs: {
          mine: {
            filter: thisLink,
            aggs: {
              ...linkTimes,
              timeline: {
                date_histogram: {
                  field: 'indicators.firstSeen',
                  calendar_interval: bucket,
                  format: bucket === 'day' ? 'yyyy-MM-dd' : 'yyyy-MM',
                  time_zone: 'UTC',
                  min_doc_count: 1,
                },
              },
            },
          },
          others: {
            filter: { bool: { must_not: [thisLink] } },
            aggs: {
              // An ad holds one link per indicator, so a bucket's documents are the ads shared.
              ids: {
                terms: { field: 'indicators.id', size: maxCooccurringIndicators, shard_size: cooccurringShardSize, order: [{ _count: 'desc' }, { _key: 'asc' }] },
                // The name of the indicator, from one of the links to it (a nested hit's _source is the link).
                aggs: { named: { top_hits: { size: 1, _source: { includes: ['indicators.type', 'indicators.value', 'indicators.platform', 'indicators.chain'] } } } },
              },
            },
          },
        },
      },
      sites: { terms: { field: 'site', size: sitesSize }, aggs: { links: { nested: { path: 'indicators' }, aggs: { mine: { filter: thisLink, aggs: linkTimes } } } } },
    },
  });
  const ads = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
  if (ads === 0) return null;
  const found = response.aggregations as unknown as ProfileAggregates;
  const firstSeen = timeOf(found.links.mine.firstSeen);
  const lastSeen = timeOf(found.links.mine.lastSeen);
  if (firstSeen === null || lastSeen === null) return null;
  const sites: IndicatorSite[] = found.sites.buckets
    .map((site) => ({ site: site.key, ads: site.doc_count, firstSeen: timeOf(site.links.mine.firstSeen) ?? '', lastSeen: timeOf(site.links.mine.lastSeen) ?? '' }))
    .sort((a, b) => b.ads - a.ads || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  return {
    indicator,
    ads,
    firstSeen,
    lastSeen,
    timeline: found.links.mine.timeline.buckets.map((point) => ({ period: point.key_as_string, ads: point.doc_count })),
    sites,
    cooccurring: namedIndicators(found.links.others.ids.buckets),
  };
}

function namedIndicators(buckets: readonly CooccurringBucket[]): CooccurringIndicator[] {
  return buckets
    .flatMap((bucket) => {
      const link = bucket.named.hits.hits[0]?._source;
      return link ? [{ ...indicatorRef(link.type, link.value, link), ads: bucket.doc_count }] : [];
    })
    .sort((a, b) => b.ads - a.ads || compareIndicatorRefs(a, b));
}

function timeOf(bound: Bound): string | null {
  if (bound.value === null || bound.value === undefined) return null;
  return bound.value_as_string ?? new Date(bound.value).toISOString();
}

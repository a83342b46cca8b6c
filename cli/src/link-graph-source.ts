import { UsageError } from '@indicia/core';
import type { IndexStore } from '@indicia/indexer';
import { buildLinkGraph, nodeIdOf, type GraphAd, type GraphDns, type GraphRegistration, type LinkGraph } from '@indicia/pivot';
import { openIndexStore, type IndexLocation } from './open-index-store.js';
import { phoneReadings } from './phone-readings.js';

/**
 * The link graph of everything a store holds: its ads and indicators, and the WHOIS/RDAP and DNS
 * history the pivot stage recorded. Read whole into memory: 100,000 ads make ~275,000 nodes, a few
 * hundred MB at most.
 */
export async function loadLinkGraph(store: IndexStore): Promise<LinkGraph> {
  const ads: GraphAd[] = [];
  for await (const ad of store.exportAds()) {
    ads.push({ adId: ad.id, url: ad.url, site: ad.site, title: ad.title, firstSeen: ad.firstSeen, lastSeen: ad.lastSeen, indicators: ad.indicators.map(({ type, value, platform, chain }) => ({ type, value, platform, chain }) as GraphAd['indicators'][number]) });
  }
  const registrations: GraphRegistration[] = [];
  for await (const snapshot of store.registrations.allRegistrations()) registrations.push(snapshot);
  const dns: GraphDns[] = [];
  for await (const snapshot of store.registrations.allDns()) dns.push(snapshot);
  return buildLinkGraph({ ads, registrations, dns });
}

/** The link graph of the index at a location (data directory or Elasticsearch); the store is closed after. */
export async function loadLinkGraphAt(location: IndexLocation): Promise<LinkGraph> {
  const store = await openIndexStore(location);
  try {
    return await loadLinkGraph(store);
  } finally {
    await store.close();
  }
}

/**
 * The node ids a seed names: "phone:(702) 555-0134" (any format, read like a search), "email:X",
 * "handle:telegram:X", "domain:X", "ad:ID", or a node id as `indicia graph --format json` prints it.
 */
export function seedNodeIds(seed: string, country?: string): string[] {
  const at = seed.indexOf(':');
  if (at <= 0) throw new UsageError(`a seed is kind:value, e.g. phone:+17025550134, email:anna@example.com, handle:telegram:anna, domain:example.test (got "${seed}")`);
  const kind = seed.slice(0, at).toLowerCase();
  const value = seed.slice(at + 1).trim();
  switch (kind) {
    case 'phone': {
      const readings = phoneReadings(value, country);
      if (readings.length === 0) throw new UsageError(`"${value}" cannot be read as a phone number; give its country code or --country`);
      return readings.map((e164) => nodeIdOf('phone', e164));
    }
    case 'email':
      return [nodeIdOf('email', value.toLowerCase())];
    case 'domain':
      return [nodeIdOf('domain', value.toLowerCase().replace(/\.$/, ''))];
    case 'handle': {
      const split = value.indexOf(':');
      if (split <= 0) throw new UsageError('a handle seed is handle:platform:name, e.g. handle:telegram:anna_10');
      return [nodeIdOf('handle', value.slice(split + 1).replace(/^@/, '').toLowerCase(), value.slice(0, split).toLowerCase())];
    }
    default:
      return [`${kind}:${value}`];
  }
}

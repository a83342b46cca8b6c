import type { IndexStore } from '@indicia/indexer';
import { buildLinkGraph, clusterMembership, type GraphAd, type GraphDns, type GraphRegistration, type LinkGraph } from '@indicia/pivot';

export interface CachedGraph {
  graph: LinkGraph;
  /** Node id → cluster id (strong links only). */
  clusters: Map<string, string>;
  builtAt: number;
}

/**
 * The link graph of everything the store holds, built at most once per `maxAgeMs` (100,000 ads
 * take a few seconds to read and link), one build at a time however many requests ask.
 */
export class LinkGraphCache {
  private current: CachedGraph | null = null;
  private building: Promise<CachedGraph> | null = null;

  constructor(
    private readonly store: IndexStore,
    private readonly options: { maxAgeMs: number; now?: () => number },
  ) {}

  async get(): Promise<CachedGraph> {
    const now = (this.options.now ?? Date.now)();
    if (this.current && now - this.current.builtAt < this.options.maxAgeMs) return this.current;
    this.building ??= this.build().finally(() => (this.building = null));
    return this.building;
  }

  private async build(): Promise<CachedGraph> {
    const ads: GraphAd[] = [];
    for await (const ad of this.store.exportAds()) {
      ads.push({ adId: ad.id, url: ad.url, site: ad.site, title: ad.title, firstSeen: ad.firstSeen, lastSeen: ad.lastSeen, indicators: ad.indicators.map(({ type, value, platform, chain }) => ({ type, value, platform, chain }) as GraphAd['indicators'][number]) });
    }
    const registrations: GraphRegistration[] = [];
    for await (const snapshot of this.store.registrations.allRegistrations()) registrations.push(snapshot);
    const dns: GraphDns[] = [];
    for await (const snapshot of this.store.registrations.allDns()) dns.push(snapshot);
    const graph = buildLinkGraph({ ads, registrations, dns });
    this.current = { graph, clusters: clusterMembership(graph), builtAt: (this.options.now ?? Date.now)() };
    return this.current;
  }
}

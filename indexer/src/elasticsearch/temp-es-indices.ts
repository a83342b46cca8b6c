import { Client } from '@elastic/elasticsearch';
import type { AdExtracted } from '@indicia/core';
import type {
  DomainAds,
  ExportOptions,
  ExportedAd,
  ImageMatchPage,
  ImageSimilarityQuery,
  IndexStore,
  IndexSummary,
  IndicatorProfile,
  IndicatorProfileOptions,
  IndicatorRef,
  SearchPage,
  SearchQuery,
  SiteActivity,
  StoredAd,
} from '../index-store.js';
import { ElasticsearchIndexStore, type ElasticsearchIndexStoreOptions } from './elasticsearch-index-store.js';
import { indexNames } from './index-layout.js';
import type { RegistrationHistory } from '../registrations/registration-history.js';

/** The node tests run against: the one infra/elasticsearch.sh starts, unless the environment names another. */
export const testElasticsearchUrl = process.env.INDICIA_TEST_ES_URL ?? 'http://127.0.0.1:9200';

/**
 * Stores on their own index prefixes for tests, so tests never see each other's ads, and the
 * removal of everything they created (indices and templates).
 */
export class TempEsIndices {
  private readonly run = `indicia-test-${process.pid}-${Date.now().toString(36)}`;
  private readonly prefixes: string[] = [];

  /** A prefix no other test uses; its indices are removed by removeAll. */
  prefix(): string {
    const prefix = `${this.run}-${this.prefixes.length}`;
    this.prefixes.push(prefix);
    return prefix;
  }

  /** A store on a fresh prefix that deletes its indices when it is closed. */
  async openSelfCleaning(options: Partial<ElasticsearchIndexStoreOptions> = {}): Promise<IndexStore> {
    const prefix = this.prefix();
    const store = await ElasticsearchIndexStore.open({ node: testElasticsearchUrl, ...options, indexPrefix: prefix });
    return new SelfCleaningStore(store, () => removeIndices([prefix]));
  }

  async removeAll(): Promise<void> {
    await removeIndices(this.prefixes.splice(0));
  }
}

/** Deletes the indices and templates of these prefixes (by name: wildcard deletes are refused by default). */
export async function removeIndices(prefixes: readonly string[]): Promise<void> {
  if (prefixes.length === 0) return;
  const names = prefixes.flatMap((prefix) => Object.values(indexNames(prefix)));
  const client = new Client({ node: testElasticsearchUrl });
  try {
    // In slices: the names go in the URL, and Elasticsearch refuses a request line over 4 KB.
    for (let start = 0; start < names.length; start += 40) await client.indices.delete({ index: names.slice(start, start + 40).join(','), ignore_unavailable: true });
    // One by one: a list naming a template that is gone already is refused whole.
    await Promise.all(names.map((name) => client.indices.deleteIndexTemplate({ name }, { ignore: [404] })));
  } finally {
    await client.close();
  }
}

/** A store whose close also removes its indices: what a contract test's factory hands out. */
class SelfCleaningStore implements IndexStore {
  readonly kind = 'elasticsearch' as const;

  get registrations(): RegistrationHistory {
    return this.store.registrations;
  }

  constructor(
    private readonly store: ElasticsearchIndexStore,
    private readonly remove: () => Promise<void>,
  ) {}

  upsertAds(ads: AdExtracted[]): Promise<void> {
    return this.store.upsertAds(ads);
  }

  search(query: SearchQuery): Promise<SearchPage> {
    return this.store.search(query);
  }

  getAd(adId: string): Promise<StoredAd | null> {
    return this.store.getAd(adId);
  }

  findSimilarImages(query: ImageSimilarityQuery): Promise<ImageMatchPage> {
    return this.store.findSimilarImages(query);
  }

  exportAds(options?: ExportOptions): AsyncIterable<ExportedAd> {
    return this.store.exportAds(options);
  }

  summary(): Promise<IndexSummary> {
    return this.store.summary();
  }

  indicatorProfile(indicator: IndicatorRef, options?: IndicatorProfileOptions): Promise<IndicatorProfile | null> {
    return this.store.indicatorProfile(indicator, options);
  }

  listSites(): Promise<SiteActivity[]> {
    return this.store.listSites();
  }

  domainAds(domain: string): Promise<DomainAds> {
    return this.store.domainAds(domain);
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.remove();
  }
}

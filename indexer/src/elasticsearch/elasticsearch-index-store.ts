import { Client } from '@elastic/elasticsearch';
import { silentLogger, UsageError, type AdExtracted, type Logger } from '@indicia/core';
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
import { normaliseDomainInput, normaliseIndicatorInput, profileBucketOf } from '../indicator-input.js';
import { normaliseImageQuery } from '../image-similarity-query.js';
import { prepareAd } from '../prepare-ad.js';
import { normaliseSearchQuery } from '../search-query.js';
import type { AdDocument } from './ad-document.js';
import { storedAdOf } from './ad-document-views.js';
import { AdBulkWriter, type RefreshPolicy } from './ad-bulk-writer.js';
import { ensureIndices } from './ensure-indices.js';
import { classifyReadFailure } from './es-failure.js';
import { exportAdPages } from './es-export.js';
import { EsImageSearch } from './es-image-search.js';
import { EsSearch } from './es-search.js';
import { readSummary } from './es-summary.js';
import { readIndicatorProfile } from './es-indicator-profile.js';
import { domainAds, listSites } from './es-site-activity.js';
import { indexNames, type IndexNames, type IndexTuning } from './index-layout.js';
import { RetryBudget } from './retry-budget.js';
import type { RegistrationHistory } from '../registrations/registration-history.js';
import { EsRegistrationHistory } from '../registrations/es-registration-history.js';

/** Covers a node restart or a 30-second outage with room to spare. */
const defaultRetryBudgetMs = 90_000;

export interface ElasticsearchIndexStoreOptions {
  /** The node's URL, e.g. http://127.0.0.1:9200. */
  node: string;
  /** Index names derive from it (`<prefix>-ads`, `<prefix>-indicators`). Default "indicia". */
  indexPrefix?: string;
  /** When writes become searchable (ad-bulk-writer.ts). Default 'wait_for': read-after-write. */
  refresh?: RefreshPolicy;
  /** How long writes (and opening) retry while the node is unreachable or answers 429/5xx. Default 90,000 ms. */
  retryBudgetMs?: number;
  /** One request's time limit. Default 30,000 ms. */
  requestTimeoutMs?: number;
  /**
   * How many times an ad changed by another writer meanwhile is read and merged again before the
   * write fails as retryable. Each conflict means another writer's capture went in; ads are keyed
   * to one consumer on the bus, so conflicts are rare. Default 30.
   */
  conflictRetries?: number;
  /** Primary shards of a new index. Default 1. */
  shards?: number;
  /** The indices' refresh interval. Default "1s". */
  refreshInterval?: string;
  /** Nested objects (indicators, their provenance, images) one ad may hold; an ad with more is refused. Default 10,000. */
  maxNestedObjectsPerAd?: number;
  /** The deepest search page (offset + limit). Default 100,000. */
  maxResultWindow?: number;
  /** Ads read per page while exporting. Default 500. */
  exportPageSize?: number;
  log?: Logger;
}

/**
 * The distributed index: Elasticsearch 8, one document per ad (merged client-side, written with
 * optimistic concurrency) and one per distinct indicator. Answers the same as the SQLite store
 * (both pass runIndexStoreContract), so Kibana and other tools read the same data the CLI serves.
 */
export class ElasticsearchIndexStore implements IndexStore {
  readonly kind = 'elasticsearch' as const;
  private readonly writer: AdBulkWriter;
  private readonly searcher: EsSearch;
  private readonly imageSearcher: EsImageSearch;
  private readonly exportPageSize: number;
  private readonly log: Logger;
  readonly registrations: RegistrationHistory;
  private closed = false;

  private constructor(
    private readonly client: Client,
    readonly names: IndexNames,
    options: ElasticsearchIndexStoreOptions & { maxResultWindow: number },
  ) {
    this.log = options.log ?? silentLogger();
    this.writer = new AdBulkWriter({
      client,
      names,
      refresh: options.refresh ?? 'wait_for',
      retryBudgetMs: options.retryBudgetMs ?? defaultRetryBudgetMs,
      conflictRetries: options.conflictRetries ?? 30,
      log: this.log,
    });
    this.searcher = new EsSearch(client, names, options.maxResultWindow);
    this.imageSearcher = new EsImageSearch(client, names);
    this.exportPageSize = options.exportPageSize ?? 500;
    const refresh = options.refresh ?? 'wait_for';
    this.registrations = new EsRegistrationHistory({
      client,
      names,
      refresh: refresh === 'none' ? undefined : refresh === 'immediate' ? 'true' : 'wait_for',
      retryBudgetMs: options.retryBudgetMs ?? defaultRetryBudgetMs,
      log: this.log,
    });
  }

  /**
   * Connects and creates or updates the index templates and indices (idempotent; several workers
   * may open the store at once). Waits out an unreachable node within the retry budget.
   */
  static async open(options: ElasticsearchIndexStoreOptions): Promise<ElasticsearchIndexStore> {
    const names = indexNames(options.indexPrefix ?? 'indicia');
    const tuning: IndexTuning = {
      shards: positiveInteger(options.shards ?? 1, 'shards'),
      refreshInterval: options.refreshInterval ?? '1s',
      maxNestedObjectsPerAd: positiveInteger(options.maxNestedObjectsPerAd ?? 10_000, 'maxNestedObjectsPerAd'),
      maxResultWindow: positiveInteger(options.maxResultWindow ?? 100_000, 'maxResultWindow'),
    };
    const log = options.log ?? silentLogger();
    // Retries are this store's (a budget in time, not a count), so the client makes none of its own.
    const client = new Client({ node: options.node, maxRetries: 0, requestTimeout: options.requestTimeoutMs ?? 30_000 });
    try {
      await ensureIndices(client, names, tuning, { budget: new RetryBudget({ budgetMs: options.retryBudgetMs ?? defaultRetryBudgetMs, initialDelayMs: 200, maxDelayMs: 5000 }), log });
    } catch (error) {
      await client.close();
      throw error;
    }
    log.info({ node: options.node, indices: names }, 'Elasticsearch index store open');
    return new ElasticsearchIndexStore(client, names, { ...options, maxResultWindow: tuning.maxResultWindow });
  }

  async upsertAds(ads: AdExtracted[]): Promise<void> {
    this.assertOpen();
    // Every ad is checked before anything is written: an invalid one fails the batch untouched.
    const prepared = ads.map(prepareAd);
    await this.writer.write(prepared);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    this.assertOpen();
    const normalised = normaliseSearchQuery(query);
    return this.read('searching', () => this.searcher.search(normalised));
  }

  async findSimilarImages(query: ImageSimilarityQuery): Promise<ImageMatchPage> {
    this.assertOpen();
    const normalised = normaliseImageQuery(query);
    return this.read('searching images', () => this.imageSearcher.search(normalised));
  }

  async getAd(adId: string): Promise<StoredAd | null> {
    this.assertOpen();
    return this.read('reading an ad', async () => {
      const response = await this.client.mget<AdDocument>({ index: this.names.ads, ids: [adId] });
      const found = response.docs[0];
      return found && 'found' in found && found.found && found._source ? storedAdOf(found._source) : null;
    });
  }

  async *exportAds(options: ExportOptions = {}): AsyncIterable<ExportedAd> {
    this.assertOpen();
    const site = options.site?.trim() ? options.site.trim().toLowerCase() : null;
    try {
      yield* exportAdPages(this.client, this.names, { site, pageSize: this.exportPageSize, log: this.log });
    } catch (error) {
      throw classifyReadFailure(error, 'exporting ads');
    }
  }

  async summary(): Promise<IndexSummary> {
    this.assertOpen();
    return this.read('summarising', () => readSummary(this.client, this.names));
  }

  async indicatorProfile(indicator: IndicatorRef, options: IndicatorProfileOptions = {}): Promise<IndicatorProfile | null> {
    this.assertOpen();
    const normalised = normaliseIndicatorInput(indicator);
    const bucket = profileBucketOf(options.bucket);
    return this.read('profiling an indicator', () => readIndicatorProfile(this.client, this.names, normalised, bucket));
  }

  async listSites(): Promise<SiteActivity[]> {
    this.assertOpen();
    return this.read('listing sites', () => listSites(this.client, this.names));
  }

  async domainAds(domain: string): Promise<DomainAds> {
    this.assertOpen();
    const normalised = normaliseDomainInput(domain);
    return this.read('counting the ads of a domain', () => domainAds(this.client, this.names, normalised));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the Elasticsearch index store ${this.names.ads} is closed`);
  }

  private async read<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw classifyReadFailure(error, doing);
    }
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a positive integer (got ${value})`);
  return value;
}

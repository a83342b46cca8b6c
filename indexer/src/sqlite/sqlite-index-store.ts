import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StopRunError, type AdExtracted } from '@indicia/core';
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
import { migrate, IndexSchemaTooNewError } from './migrate.js';
import { migrations } from './schema-migrations.js';
import { SqliteAdReader } from './sqlite-ad-reader.js';
import { SqliteAdWriter } from './sqlite-ad-writer.js';
import { SqliteImageSearch } from './sqlite-image-search.js';
import { classifySqliteFailure } from './sqlite-failure.js';
import { SqliteSearch } from './sqlite-search.js';
import { SqliteSummary } from './sqlite-summary.js';
import { SqliteIndicatorProfile } from './sqlite-indicator-profile.js';
import { SqliteSiteActivity } from './sqlite-site-activity.js';
import type { RegistrationHistory } from '../registrations/registration-history.js';
import { SqliteRegistrationHistory } from '../registrations/sqlite-registration-history.js';

export interface SqliteIndexStoreOptions {
  /** How long a write waits for another connection's lock before failing as retryable. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** A text-only search ranks and counts at most this many of the most recently indexed matches. Default 10,000. */
  textCandidateLimit?: number;
  /** Ads read per page while exporting. Default 500. */
  exportPageSize?: number;
}

/**
 * The embedded index: one SQLite file in WAL mode (readers never block the writer), with an FTS5
 * index over ad titles and text. synchronous=NORMAL keeps every commit across a process crash;
 * only an OS crash or power loss can lose the last commits.
 */
export class SqliteIndexStore implements IndexStore {
  readonly kind = 'sqlite' as const;
  private readonly writer: SqliteAdWriter;
  private readonly reader: SqliteAdReader;
  private readonly searcher: SqliteSearch;
  private readonly imageSearcher: SqliteImageSearch;
  private readonly summariser: SqliteSummary;
  private readonly profiler: SqliteIndicatorProfile;
  private readonly siteActivity: SqliteSiteActivity;
  private readonly exportPageSize: number;
  readonly registrations: RegistrationHistory;
  /** Runs reads in one transaction so that the rows of one answer come from one snapshot. */
  private readonly inSnapshot: <T>(read: () => T) => T;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
    options: SqliteIndexStoreOptions,
  ) {
    this.writer = new SqliteAdWriter(db);
    this.reader = new SqliteAdReader(db);
    this.searcher = new SqliteSearch(db, this.reader, options.textCandidateLimit ?? 10_000);
    this.imageSearcher = new SqliteImageSearch(db, this.reader);
    this.summariser = new SqliteSummary(db);
    this.profiler = new SqliteIndicatorProfile(db);
    this.siteActivity = new SqliteSiteActivity(db);
    this.exportPageSize = options.exportPageSize ?? 500;
    this.registrations = new SqliteRegistrationHistory(db, (doing, work) => {
      this.assertOpen();
      return this.guard(doing, work);
    });
    const snapshot = db.transaction((read: () => unknown) => read());
    this.inSnapshot = <T>(read: () => T): T => snapshot(read) as T;
  }

  /** Opens (creating if needed) the index file at `path` and brings its schema up to date. */
  static open(path: string, options: SqliteIndexStoreOptions = {}): SqliteIndexStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -65536');
      db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      migrate(db, migrations, path);
      return new SqliteIndexStore(db, path, options);
    } catch (error) {
      db?.close();
      if (error instanceof IndexSchemaTooNewError) throw error;
      const failure = classifySqliteFailure(error, `opening ${path}`);
      if (failure instanceof Database.SqliteError) throw new StopRunError(`cannot open the index at ${path}: ${failure.message}`, { cause: failure });
      throw failure;
    }
  }

  async upsertAds(ads: AdExtracted[]): Promise<void> {
    this.assertOpen();
    const prepared = ads.map(prepareAd);
    this.guard('writing ads', () => this.writer.write(prepared));
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    this.assertOpen();
    const normalised = normaliseSearchQuery(query);
    return this.guard('searching', () => this.inSnapshot(() => this.searcher.search(normalised)));
  }

  async findSimilarImages(query: ImageSimilarityQuery): Promise<ImageMatchPage> {
    this.assertOpen();
    const normalised = normaliseImageQuery(query);
    return this.guard('searching images', () => this.inSnapshot(() => this.imageSearcher.search(normalised)));
  }

  async getAd(adId: string): Promise<StoredAd | null> {
    this.assertOpen();
    return this.guard('reading an ad', () => this.inSnapshot(() => this.reader.getAd(adId)));
  }

  async *exportAds(options: ExportOptions = {}): AsyncIterable<ExportedAd> {
    const site = options.site?.trim() ? options.site.trim().toLowerCase() : null;
    let afterId = '';
    for (;;) {
      this.assertOpen();
      const page = this.guard('exporting ads', () => this.inSnapshot(() => this.reader.exportPage(afterId, this.exportPageSize, site)));
      yield* page;
      if (page.length < this.exportPageSize) return;
      afterId = page.at(-1)!.id;
    }
  }

  async summary(): Promise<IndexSummary> {
    this.assertOpen();
    return this.guard('summarising', () => this.inSnapshot(() => this.summariser.read()));
  }

  async indicatorProfile(indicator: IndicatorRef, options: IndicatorProfileOptions = {}): Promise<IndicatorProfile | null> {
    this.assertOpen();
    const normalised = normaliseIndicatorInput(indicator);
    const bucket = profileBucketOf(options.bucket);
    return this.guard('profiling an indicator', () => this.inSnapshot(() => this.profiler.read(normalised, bucket)));
  }

  async listSites(): Promise<SiteActivity[]> {
    this.assertOpen();
    return this.guard('listing sites', () => this.inSnapshot(() => this.siteActivity.listSites()));
  }

  async domainAds(domain: string): Promise<DomainAds> {
    this.assertOpen();
    const normalised = normaliseDomainInput(domain);
    return this.guard('counting the ads of a domain', () => this.inSnapshot(() => this.siteActivity.domainAds(normalised)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the index at ${this.path} is closed`);
  }

  private guard<T>(doing: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw classifySqliteFailure(error, doing);
    }
  }
}

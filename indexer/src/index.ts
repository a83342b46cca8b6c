export type {
  IndexStore,
  SearchQuery,
  SearchHit,
  SearchPage,
  IndicatorRef,
  ExportOptions,
  ExportedAd,
  ExportedIndicator,
  StoredAd,
  StoredAdIndicator,
  AdVersion,
  IndexSummary,
  ImageSimilarityQuery,
  ImageMatch,
  ImageMatchPage,
  MatchedImage,
  ExportedImage,
  StoredAdImage,
  FacetCount,
  SearchFacets,
  IndicatorProfile,
  IndicatorProfileOptions,
  TimelinePoint,
  IndicatorSite,
  CooccurringIndicator,
  SiteActivity,
  DomainAds,
} from './index-store.js';
export { defaultImageMaxDistance, maxCooccurringIndicators, maxFacetValues } from './index-store.js';
export { SqliteIndexStore, type SqliteIndexStoreOptions } from './sqlite/sqlite-index-store.js';
export { IndexSchemaTooNewError } from './sqlite/migrate.js';
export { createIndexStage, type IndexStageOptions } from './index-stage.js';
export { runIndexStoreContract } from './contract/index-store-contract.js';
export { defaultPageSize, maxPageSize } from './search-query.js';
export { ElasticsearchIndexStore, type ElasticsearchIndexStoreOptions } from './elasticsearch/elasticsearch-index-store.js';
export type { RefreshPolicy } from './elasticsearch/ad-bulk-writer.js';
export { AdsRejectedError, AdsNotWrittenError, type AdWriteFailure } from './elasticsearch/write-failures.js';
export type {
  RegistrationHistory,
  RegistrationSnapshot,
  DnsSnapshot,
  LastObserved,
  ReverseRegistrationQuery,
  ReverseRegistrationMatch,
  HeldRange,
  RegistrationSummary,
} from './registrations/registration-history.js';
export { identityKeyOf } from './registrations/identity-values.js';
export { createRegistrationIndexStage, createDnsIndexStage } from './registrations/registration-index-stages.js';

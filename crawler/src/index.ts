export { HttpCrawl } from './http-crawl.js';
export type { CrawlHooks, CrawlProgress, CrawlSummary, CrawlFailure } from './crawl-report.js';
export { crawlConfig, crawlSettingsSchema, redactProxyUrl, type CrawlSettings, type CrawlSettingsInput } from './crawl-settings.js';
export { CaptureLedger } from './capture-ledger.js';
export { BlobStore } from './blob-store.js';
export { canonicalizeUrl } from './canonical-url.js';
export { registrableDomain } from './registrable-domain.js';
export type { UrlState } from './frontier-database.js';

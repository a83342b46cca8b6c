export { startTestbed, type RunningTestbed, type TestbedOptions } from './start-testbed.js';
export { groundTruth, type GroundTruth, type GroundTruthAd } from './ground-truth.js';
export type { TestbedSite } from './site-hosts.js';
export type { RequestLogEntry, RequestFilter, RequestVia } from './request-log.js';
export type { SitePages } from './page-inventory.js';

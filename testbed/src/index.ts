export { startTestbed, type RunningTestbed, type TestbedOptions } from './start-testbed.js';
export { groundTruth, type GroundTruth, type GroundTruthAd } from './ground-truth.js';
export type { DisguisedIndicator } from './ad-model.js';
export type { TestbedSite } from './site-hosts.js';
export type { RequestLogEntry, RequestFilter, RequestVia } from './request-log.js';
export type { SitePages } from './page-inventory.js';
export { labelledCorpus, type LabelledCorpusOptions } from './labelled-corpus.js';
export type { LabelledText, LabelledIndicator, LabelledDistractor, LabelledSource } from './labelled-text.js';

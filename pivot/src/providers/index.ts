// External registration providers: the interface, WhoisXML API, and what keeps a failing or slow
// provider from stalling the pipeline. The fake WhoisXML server is in ./test-support (tests only).
export * from './registration-provider.js';
export * from './provider-errors.js';
export * from './circuit-breaker.js';
export * from './concurrency-limit.js';
export * from './provider-guard.js';
export * from './with-deadline.js';
export * from './whoisxml-settings.js';
export * from './whoisxml-api-provider.js';
export { snapshotFromWhoisXmlRecord } from './whoisxml-record-mapping.js';

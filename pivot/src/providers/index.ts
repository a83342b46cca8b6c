// External registration providers: the interface, WhoisXML API, and what keeps a failing or slow
// provider from stalling the pipeline. The fake WhoisXML server (./test-support) is exported for
// other workspaces' tests, as the indexer exports its contract suite: it only serves 127.0.0.1.
export * from './registration-provider.js';
export * from './provider-errors.js';
export * from './circuit-breaker.js';
export * from './concurrency-limit.js';
export * from './provider-guard.js';
export * from './with-deadline.js';
export * from './whoisxml-settings.js';
export * from './whoisxml-api-provider.js';
export { snapshotFromWhoisXmlRecord } from './whoisxml-record-mapping.js';
export { FakeWhoisXml, type FakeWhoisXmlBehaviour, type FakeWhoisXmlData, type FakeWhoisXmlOptions, type FakeWhoisXmlRequest } from './test-support/fake-whoisxml.js';
export { fakeApiKey, fakeWhoisXmlData, whoisXmlHistoryRecord } from './test-support/whoisxml-fixture-data.js';

// @indicia/pivot: RDAP, WHOIS (port 43) and DNS clients and parsers, WHOIS history lookups,
// external providers, and the link graph with its exports.
export { redactionOf } from './redaction.js';
export { registrationPhoneE164 } from './contact-phone.js';
export { reservedDomainReason } from './reserved-domains.js';
export { createPivotStage, type PivotStageOptions, type PivotStageCounts, type RegistrationLookup, type DnsLookup, type LastObservedReader } from './pivot-stage.js';
export { pivotConfig, parseDuration, type PivotSettings } from './pivot-config.js';
export { createConfiguredProvider, whoisXmlSettingsOf } from './configured-provider.js';
export { createProviderHistoryImport, type HistoryImport, type ProviderHistoryImportOptions } from './provider-history-import.js';
export { emptyProviderHistoryCounts, providerHistorySummary, type ProviderHistoryCounts } from './provider-history-counts.js';
export * from './providers/index.js';
export * from './graph/index.js';
export * from './exports/index.js';
export * from './dns/index.js';
export * from './rdap/index.js';
export * from './whois-client/index.js';
export * from './whois-parser/index.js';
export { createPivotLookups, type PivotLookups, type PivotLookupOptions } from './pivot-lookups.js';

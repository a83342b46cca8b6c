export { resolveDomainRecords, type DnsLookupOptions } from './resolve-domain-records.js';

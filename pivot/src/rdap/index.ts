// RDAP client (RFC 7480–7484, RFC 9083, bootstrap RFC 9224).
export { RdapClient, type RdapClientOptions, type RdapLookup, type RdapResponse } from './rdap-client.js';
export { bootstrapSuffixes, findRdapService, parseRdapBootstrap, rdapBootstrapFromMap, type RdapBootstrap, type RdapServiceMatch } from './rdap-bootstrap.js';
export {
  bundledRdapBootstrapPath,
  cachedRdapBootstrapName,
  ianaRdapDnsBootstrapUrl,
  loadBundledRdapBootstrap,
  loadCachedRdapBootstrap,
  loadRdapBootstrapFile,
  loadRdapBootstrapInUse,
  refreshBootstrap,
  type RdapBootstrapInUse,
  type RefreshBootstrapOptions,
} from './rdap-bootstrap-files.js';
export { RdapBootstrapError, RdapFormatError, RdapNoServiceError, RdapRequestError, RdapUnavailableError } from './rdap-errors.js';
export { parseJCardText, readJCard, type JCardProperty, type JCardScalar, type JCardValue } from './jcard.js';
export { contactOfJCard, type VCardContact } from './vcard-contact.js';
export { parseRdapJson, rdapDomainRecord, rdapEntityContact, unregisteredRecord } from './rdap-record.js';
export { mergeRegistrarRecord } from './rdap-merge.js';
export { InvalidDomainError, lookupDomainName } from '../lookup-domain-name.js';

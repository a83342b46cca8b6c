import { isPlatformHost } from '../registrable-domain.js';
import { findWebAddresses, type WebAddress } from '../web-address-finder.js';
import type { RuleMatch, TextRule } from './extractor-rule.js';

/**
 * Web addresses in text give a url indicator (when a scheme or path was written) and a domain
 * indicator (the registrable domain), both over the same span. Messenger and profile hosts are
 * left to the handle rules; email domains are not web addresses (the finder leaves them out).
 */
export const urlTextRule: TextRule = {
  name: 'url:text',
  find({ text }): RuleMatch[] {
    return findWebAddresses(text).flatMap(webAddressMatches);
  },
};

function webAddressMatches(address: WebAddress): RuleMatch[] {
  if (isPlatformHost(address.host)) return [];
  const rules = [`web-address:${address.form}`, ...(address.obfuscated ? ['web-address:defanged'] : [])];
  const span = { start: address.start, end: address.end, ...(address.obfuscated ? { obfuscated: true } : {}) };
  const matches: RuleMatch[] = [];
  if (address.url) matches.push({ type: 'url', value: address.url, ...span, rules: ['url:text', ...rules] });
  if (address.domain) matches.push({ type: 'domain', value: address.domain, ...span, rules: ['domain:text', ...rules] });
  return matches;
}

import { isPlatformHost, registrableDomain } from '../registrable-domain.js';
import { parseAbsoluteWebUrl } from '../web-url.js';
import type { LinkRule, RuleMatch } from './extractor-rule.js';

/**
 * An absolute http(s) link gives a url indicator (canonical form, see web-url.ts) and a domain
 * indicator, both over the whole href. Relative links name the page's own site, and messenger or
 * profile links give handles (link-rules.ts), so neither is read here.
 */
export const urlLinkRule: LinkRule = {
  name: 'url:link',
  find({ href }): RuleMatch[] {
    const leading = href.length - href.trimStart().length;
    const trimmed = href.trim();
    const parsed = parseAbsoluteWebUrl(trimmed);
    if (!parsed || isPlatformHost(parsed.host)) return [];
    const span = { start: leading, end: leading + trimmed.length };
    const matches: RuleMatch[] = [{ type: 'url', value: parsed.url, ...span, rules: ['url:link'] }];
    const domain = registrableDomain(parsed.host);
    if (domain) matches.push({ type: 'domain', value: domain, ...span, rules: ['domain:link'] });
    return matches;
  },
};

import { phoneHandlePlatforms } from '../handle-platforms.js';
import { handleFromUrl } from '../handle-urls.js';
import { parsePhoneCandidate } from '../phone-number-parsing.js';
import type { LinkRule, RuleMatch } from './extractor-rule.js';
import { mailtoRecipients } from './mailto-recipients.js';
import { decodePercentEncoding } from './percent-decoding.js';

/** tel:, sms:, callto: links: the number is everything up to parameters (";ext=", "?body="). */
export const phoneLinkRule: LinkRule = {
  name: 'phone:link',
  find({ href, defaultCountry }): RuleMatch[] {
    const m = /^\s*(tel|sms|callto|facetime|viber):(?:\/\/)?/i.exec(href);
    if (!m) return [];
    const start = m[0].length;
    const stop = href.slice(start).search(/[;?#]/);
    const end = stop === -1 ? href.length : start + stop;
    const encoded = href.slice(start, end);
    const decoded = decodePercentEncoding(encoded);
    if (decoded === null) return [];
    const parsed = parsePhoneCandidate(decoded, { defaultCountry });
    if (!parsed) return [];
    return [{ type: 'phone', value: parsed.e164, start, end, rules: [`phone:${m[1]!.toLowerCase()}-link`, parsed.rule] }];
  },
};

/** mailto: links: several recipients, to=/cc=/bcc= fields, percent-encoded addresses. */
export const emailLinkRule: LinkRule = {
  name: 'email:link',
  find({ href }): RuleMatch[] {
    return mailtoRecipients(href);
  },
};

/** Profile and messenger links; a WhatsApp or Signal link also gives the phone number it opens a chat with. */
export const handleLinkRule: LinkRule = {
  name: 'handle:link',
  find({ href }): RuleMatch[] {
    const leading = href.length - href.trimStart().length;
    const handle = handleFromUrl(href.trim());
    if (!handle) return [];
    const matches: RuleMatch[] = [{ type: 'handle', platform: handle.platform, value: handle.value, start: leading, end: leading + handle.end, rules: ['handle:profile-link'] }];
    if (phoneHandlePlatforms.has(handle.platform)) matches.push({ type: 'phone', value: handle.value, start: leading + handle.start, end: leading + handle.end, rules: [`phone:${handle.platform}-link`] });
    return matches;
  },
};

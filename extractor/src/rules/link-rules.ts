import { normalizeEmail } from '../email-normalization.js';
import { handleFromUrl } from '../handle-urls.js';
import { parsePhoneCandidate } from '../phone-number-parsing.js';
import type { LinkRule, RuleMatch } from './extractor-rule.js';

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
    const decoded = safeDecode(encoded);
    if (decoded === null) return [];
    const parsed = parsePhoneCandidate(decoded, { defaultCountry });
    if (!parsed) return [];
    return [{ type: 'phone', value: parsed.e164, start, end, rules: [`phone:${m[1]!.toLowerCase()}-link`, parsed.rule] }];
  },
};

/** mailto: links, possibly with several comma-separated recipients. */
export const emailLinkRule: LinkRule = {
  name: 'email:link',
  find({ href }): RuleMatch[] {
    const m = /^\s*mailto:/i.exec(href);
    if (!m) return [];
    const matches: RuleMatch[] = [];
    const stop = href.indexOf('?', m[0].length);
    const recipients = href.slice(m[0].length, stop === -1 ? href.length : stop);
    let offset = m[0].length;
    for (const part of recipients.split(',')) {
      const leading = part.length - part.trimStart().length;
      const trimmed = part.trim();
      const decoded = safeDecode(trimmed);
      const value = decoded === null ? null : normalizeEmail(decoded);
      if (value) matches.push({ type: 'email', value, start: offset + leading, end: offset + leading + trimmed.length, rules: ['email:mailto-link'] });
      offset += part.length + 1;
    }
    return matches;
  },
};

/** Profile and messenger links; a WhatsApp link also gives the phone number it opens a chat with. */
export const handleLinkRule: LinkRule = {
  name: 'handle:link',
  find({ href }): RuleMatch[] {
    const leading = href.length - href.trimStart().length;
    const handle = handleFromUrl(href.trim());
    if (!handle) return [];
    const matches: RuleMatch[] = [{ type: 'handle', platform: handle.platform, value: handle.value, start: leading, end: leading + handle.end, rules: ['handle:profile-link'] }];
    if (handle.platform === 'whatsapp') matches.push({ type: 'phone', value: handle.value, start: leading + handle.start, end: leading + handle.end, rules: ['phone:whatsapp-link'] });
    return matches;
  },
};

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}

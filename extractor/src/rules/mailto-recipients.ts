import { normalizeEmail } from '../email-normalization.js';
import type { RuleMatch } from './extractor-rule.js';
import { decodePercentEncoding } from './percent-decoding.js';

/**
 * The addresses of a mailto: URL (RFC 6068): comma-separated recipients before "?", and those of
 * its to=, cc= and bcc= fields ("mailto:?to=anna%40example.com"). Offsets index the URL as given.
 * An address that needed percent-decoding ("anna%40example.com") is marked obfuscated: it is a
 * common way to keep an address from scrapers that do not decode.
 */
export function mailtoRecipients(href: string): RuleMatch[] {
  const scheme = /^\s*mailto:(?:\/\/)?/i.exec(href);
  if (!scheme) return [];
  const matches: RuleMatch[] = [];
  const query = href.indexOf('?', scheme[0].length);
  const pathEnd = query === -1 ? href.length : query;
  matches.push(...addressList(href, scheme[0].length, pathEnd));
  if (query !== -1) {
    const fragment = href.indexOf('#', query);
    const queryEnd = fragment === -1 ? href.length : fragment;
    let offset = query + 1;
    for (const field of href.slice(query + 1, queryEnd).split('&')) {
      const name = /^(to|cc|bcc)=/i.exec(field);
      if (name) matches.push(...addressList(href, offset + name[0].length, offset + field.length));
      offset += field.length + 1;
    }
  }
  return matches;
}

function addressList(href: string, from: number, to: number): RuleMatch[] {
  const matches: RuleMatch[] = [];
  let offset = from;
  // A comma may itself be encoded ("%2C"); split on both.
  for (const part of href.slice(from, to).split(/,|%2C/i)) {
    // Blanks around an address, plain or encoded, are not part of its span.
    const leading = blankPrefixLength(part);
    let trimmed = part.slice(leading);
    while (/(?:\s|%20)$/.test(trimmed)) trimmed = trimmed.slice(0, trimmed.endsWith('%20') ? -3 : -1);
    const separatorLength = href.startsWith(',', offset + part.length) ? 1 : 3;
    const decoded = decodePercentEncoding(trimmed);
    const value = decoded === null ? null : normalizeEmail(decoded);
    if (value) {
      const encoded = /%[0-9a-f]{2}/i.test(trimmed);
      matches.push({
        type: 'email', value, start: offset + leading, end: offset + leading + trimmed.length,
        rules: encoded ? ['email:mailto-link', 'email:percent-encoded'] : ['email:mailto-link'],
        ...(encoded ? { obfuscated: true } : {}),
      });
    }
    offset += part.length + separatorLength;
  }
  return matches;
}

function blankPrefixLength(text: string): number {
  let i = 0;
  for (;;) {
    if (/\s/.test(text[i] ?? '')) i++;
    else if (text.startsWith('%20', i)) i += 3;
    else return i;
  }
}

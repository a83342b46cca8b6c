import { domainToASCII } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { reservedTopLevelNames } from './reserved-top-level-names.js';
import { memoizeByString } from './string-memo.js';

const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const asciiLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const topLevelLabel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;

/** The domain of an email or URL in ASCII (punycode), lowercased; null unless it is a plausible host name. */
export const asciiDomain: (domain: string) => string | null = memoizeByString(asciiDomainUncached, { maxEntries: 4096 });

function asciiDomainUncached(domain: string): string | null {
  const ascii = domainToASCII(domain.toLowerCase().replace(/\.$/, ''));
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => asciiLabel.test(label))) return null;
  return topLevelLabel.test(labels[labels.length - 1]!) ? ascii : null;
}

/**
 * Whether a UTF-16 code unit may be in a plain address's local part as the finders read it:
 * [a-z0-9._%+-] in either case, by char code, since it is tested on every character before every "@".
 */
export function isEmailLocalCharCode(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
}

/**
 * An email address as it is stored and searched: lowercased, its domain in punycode. Accepts the
 * decorations people paste ("mailto:", angle brackets, trailing punctuation); null when it is not
 * an address.
 */
export function normalizeEmail(input: string): string | null {
  let value = input.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '');
  value = value.replace(/[.,;:!?)\]}'"]+$/, '');
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  if (local.length > 64 || !localPart.test(local)) return null;
  const domain = asciiDomain(value.slice(at + 1));
  return domain ? `${local.toLowerCase()}@${domain}` : null;
}

/**
 * Whether an ASCII domain (from asciiDomain) ends in a real public suffix (ICANN section of the
 * Public Suffix List, or a reserved name of reserved-top-level-names.ts) and has a name under it:
 * what a disguised address ("anna at example dot com") must satisfy before it is believed.
 */
export const hasRegistrableName: (ascii: string) => boolean = memoizeByString(hasRegistrableNameUncached, { maxEntries: 4096 });

function hasRegistrableNameUncached(ascii: string): boolean {
  const parsed = parseDomain(ascii, { allowPrivateDomains: false });
  if (parsed.isIcann === true && parsed.domain !== null) return true;
  const lastDot = ascii.lastIndexOf('.');
  return lastDot > 0 && reservedTopLevelNames.has(ascii.slice(lastDot + 1));
}

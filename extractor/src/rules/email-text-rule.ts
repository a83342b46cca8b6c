import { findObfuscatedEmailSpans } from '../deobfuscation/obfuscated-emails.js';
import { isEmailLocalCharCode, normalizeEmail } from '../email-normalization.js';
import { isWordCharAt } from '../text-boundaries.js';
import { isWordCharCode } from '../word-char-codes.js';
import type { RuleMatch, TextRule } from './extractor-rule.js';
import { mailtoRecipients } from './mailto-recipients.js';

/** A letter or digit of any script, ".", or "-". */
function isDomainCharCode(code: number): boolean {
  return code === 46 || code === 45 || isWordCharCode(code);
}
/**
 * The address from the start of a candidate: the domain may be an IDN (letters of any script) and
 * must end in a label of letters, so trailing punctuation ("write to a@b.example.") is never part of it.
 */
const addressAtStart = /^[a-z0-9._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:xn--[a-z0-9-]+|\p{L}{2,63})(?![\p{L}\p{N}-])/iu;

export interface EmailSpan {
  start: number;
  end: number;
  value: string;
}

/**
 * RFC-ish addresses in text, found from each "@" outwards (a pattern scanning every position of
 * the text is much slower, and most texts hold one "@" or none).
 */
export function findEmailSpans(text: string): EmailSpan[] {
  const spans: EmailSpan[] = [];
  let coveredUntil = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > coveredUntil && isEmailLocalCharCode(text.charCodeAt(start - 1))) start--;
    // The local part may not start with a dot; drop leading ones rather than lose the address.
    while (text[start] === '.') start++;
    if (start === at || isWordCharAt(text, start - 1)) continue;
    let end = at + 1;
    while (end < text.length && isDomainCharCode(text.charCodeAt(end))) end++;
    const match = addressAtStart.exec(text.slice(start, end + 1));
    if (!match) continue;
    const value = normalizeEmail(match[0]);
    if (!value) continue;
    spans.push({ start, end: start + match[0].length, value });
    coveredUntil = start + match[0].length;
  }
  return spans;
}

/** A percent-escape ("%40"): only a "mailto:" that holds one adds anything to the plain finder. */
const percentEscape = /%[0-9a-f]{2}/i;

/** "mailto:" written out in text; only its encoded forms ("mailto:anna%40example.com") add anything. */
function mailtoInText(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (let i = text.indexOf('ailto:'); i !== -1; i = text.indexOf('ailto:', i + 6)) {
    const start = i - 1;
    if (start < 0 || (text[start] !== 'm' && text[start] !== 'M') || isWordCharAt(text, start - 1)) continue;
    let end = start;
    while (end < text.length && !endsMailtoUrl(text.charCodeAt(end))) end++;
    const url = text.slice(start, end);
    if (!percentEscape.test(url)) continue;
    for (const match of mailtoRecipients(url)) {
      if (match.obfuscated === true) matches.push({ ...match, start: start + match.start, end: start + match.end });
    }
  }
  return matches;
}

/** White space (what \s matches), quotes, angle brackets, parentheses and square brackets, by char code. */
function endsMailtoUrl(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13) || code === 34 || code === 39 || code === 60 || code === 62 || code === 40 || code === 41 || code === 91 || code === 93;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Email addresses in text: written plainly, disguised ("anna (at) example (dot) com") or as an
 * encoded "mailto:". A plain address wins where forms overlap.
 */
export const emailTextRule: TextRule = {
  name: 'email:text',
  find({ text }): RuleMatch[] {
    const plain: RuleMatch[] = findEmailSpans(text).map((span) => ({ type: 'email', value: span.value, start: span.start, end: span.end, rules: ['email:text'] }));
    const disguised: RuleMatch[] = findObfuscatedEmailSpans(text).map((span) => ({ type: 'email', value: span.value, start: span.start, end: span.end, rules: span.rules, obfuscated: true }));
    const encoded = mailtoInText(text);
    // One sweep in reading order, not a scan of every match per candidate: a text with thousands of
    // addresses (a dump, an attack) would otherwise take quadratic time.
    const candidates = [...disguised, ...encoded].sort((a, b) => a.start - b.start);
    const matches = [...plain];
    let acceptedEnd = -1;
    for (const candidate of candidates) {
      if (candidate.start < acceptedEnd || overlapsAny(plain, candidate)) continue;
      matches.push(candidate);
      acceptedEnd = candidate.end;
    }
    return matches.sort((a, b) => a.start - b.start);
  },
};

/** Whether `span` overlaps one of `sorted` (non-overlapping spans in reading order), by binary search. */
function overlapsAny(sorted: readonly RuleMatch[], span: { start: number; end: number }): boolean {
  let low = 0;
  let high = sorted.length;
  // The first span ending after span.start is the only one that can overlap it first.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.end <= span.start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low]!.start < span.end;
}

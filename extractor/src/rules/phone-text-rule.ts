import { couldBeNationalNumber, isNanpCountry, parsePhoneCandidate } from '../phone-number-parsing.js';
import type { RuleMatch, TextRule, TextRuleInput } from './extractor-rule.js';
import { phoneFalsePositiveReason } from './phone-false-positives.js';

/**
 * Phone numbers in running text. libphonenumber's own finder gives up on a number followed directly
 * by another number ("(702) 555-0123 200/hr"), so candidates are found here as runs of digits and
 * separators on one line, and the longest sub-run of whole digit groups that libphonenumber calls
 * valid wins. Separators may be anything ads use to slip past filters ("587*800*2406",
 * "702..555..0123", "(702)555_0123"); number words and odd digits were already made ASCII digits
 * by the normalisation steps.
 */
const candidateRun = /(?:\+\s?|[([])?\d[\d \t().\-/*_~|;'[\]]*\d/g;
/** Separators no one types in a number for its own sake: writing them is hiding the number. */
const oddSeparator = /[*_~|;'[\]]|\.\.|--|\/\//;
const contextChars = 24;
/** A number is at most 17 digits, so at most 17 groups ("7 0 2 5 5 5 0 1 2 3" spelled out). */
const maxGroupsPerNumber = 17;
/**
 * libphonenumber calls one text may make: far more than any real text needs (an ad needs a few, a
 * page of listings one or two per number), and it bounds adversarial input (a megabyte of spaced
 * digits offers millions of sub-spans) to well under a second. Past it, the rest of the text is not read.
 */
const baseParseBudget = 1000;
const charsPerExtraParse = 1000;

/** Digit groups of one candidate run, as parallel arrays of offsets (a long run makes no objects). */
interface DigitGroups {
  starts: number[];
  ends: number[];
}

export interface PhoneSpan {
  start: number;
  end: number;
  e164: string;
  rules: string[];
  /** The number was written with separators meant to hide it. */
  obfuscated: boolean;
}

/** Every valid phone number in `text`, with its span; shared by the phone and messenger-label rules. */
export function findPhoneSpans(text: string, defaultCountry: string | null): PhoneSpan[] {
  const spans: PhoneSpan[] = [];
  const budget = { parsesLeft: baseParseBudget + Math.floor(text.length / charsPerExtraParse) };
  // exec on the shared pattern, not matchAll, which copies the pattern on every call (the messenger
  // labels call this on short slices too). Nothing called in the loop uses the pattern.
  candidateRun.lastIndex = 0;
  for (let run = candidateRun.exec(text); run !== null; run = candidateRun.exec(text)) {
    if (budget.parsesLeft <= 0) break;
    if (digitCount(run[0]) < 7) continue;
    const runStart = run.index;
    const groups = digitGroups(text, runStart, runStart + run[0].length);
    const international = run[0].startsWith('+');
    let i = 0;
    while (i < groups.starts.length) {
      if (budget.parsesLeft <= 0) break;
      const found = longestValidSpan(text, groups, { first: i, runStart, international: international && i === 0, defaultCountry, budget });
      if (found) {
        spans.push(found.span);
        i = found.lastGroup + 1;
      } else i++;
    }
  }
  return spans;
}

function digitGroups(text: string, start: number, end: number): DigitGroups {
  const groups: DigitGroups = { starts: [], ends: [] };
  let i = start;
  while (i < end) {
    while (i < end && !isDigitCode(text.charCodeAt(i))) i++;
    if (i >= end) break;
    groups.starts.push(i);
    while (i < end && isDigitCode(text.charCodeAt(i))) i++;
    groups.ends.push(i);
  }
  return groups;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

interface SpanSearch {
  first: number;
  runStart: number;
  /** The span starts at the run's "+". */
  international: boolean;
  defaultCountry: string | null;
  budget: { parsesLeft: number };
}

function longestValidSpan(text: string, groups: DigitGroups, search: SpanSearch): { span: PhoneSpan; lastGroup: number } | null {
  const { first, runStart, international, defaultCountry, budget } = search;
  const { starts, ends } = groups;
  let start = first === 0 ? runStart : starts[first]!;
  if (first > 0 && (text[start - 1] === '(' || text[start - 1] === '[')) start--;
  // "00" dials abroad in most of the world, "011" from the NANP countries (US, Canada, …).
  const viaInternationalPrefix = text.startsWith('00', starts[first]!) || (text.startsWith('011', starts[first]!) && isNanpCountry(defaultCountry));
  let digits = 0;
  const lastCandidate = Math.min(starts.length - 1, first + maxGroupsPerNumber - 1);
  for (let k = first; k <= lastCandidate; k++) digits += ends[k]! - starts[k]!;
  for (let last = lastCandidate; last >= first; digits -= ends[last]! - starts[last]!, last--) {
    if (digits < 7 || digits > 17) continue;
    // Without "+" or "00" only a national number of the default country can match: skip lengths it never has.
    if (!international && !viaInternationalPrefix && !couldBeNationalNumber(digits, defaultCountry)) continue;
    const end = ends[last]!;
    budget.parsesLeft--;
    const parsed = parsePhoneCandidate(parseableText(text, groups, { first, last, international }), { defaultCountry });
    if (!parsed) continue;
    const candidate = text.slice(start, end);
    const rejection = phoneFalsePositiveReason({
      candidate,
      before: text.slice(Math.max(0, start - contextChars), start),
      after: text.slice(end, end + contextChars),
    });
    if (rejection) continue;
    const obfuscated = oddSeparator.test(candidate);
    const rules = ['phone:text', parsed.rule, ...(obfuscated ? ['phone:odd-separators'] : [])];
    return { span: { start, end, e164: parsed.e164, rules, obfuscated }, lastGroup: last };
  }
  return null;
}

/** The digits as libphonenumber reads them fastest: separators are noise to it (and slow it down), "+" is not. */
function parseableText(text: string, groups: DigitGroups, span: { first: number; last: number; international: boolean }): string {
  let parseable = span.international ? '+' : '';
  for (let k = span.first; k <= span.last; k++) parseable += text.slice(groups.starts[k], groups.ends[k]);
  return parseable;
}

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

export const phoneTextRule: TextRule = {
  name: 'phone:text',
  find({ text, defaultCountry }: TextRuleInput): RuleMatch[] {
    return findPhoneSpans(text, defaultCountry).map((span) => ({
      type: 'phone',
      value: span.e164,
      start: span.start,
      end: span.end,
      rules: span.rules,
      ...(span.obfuscated ? { obfuscated: true } : {}),
    }));
  },
};

import { parsePhoneCandidate } from '../phone-number-parsing.js';
import type { RuleMatch, TextRule, TextRuleInput } from './extractor-rule.js';
import { phoneFalsePositiveReason } from './phone-false-positives.js';

/**
 * Phone numbers in running text. libphonenumber's own finder gives up on a number followed directly
 * by another number ("(702) 555-0123 200/hr"), so candidates are found here as runs of digits and
 * separators, and the longest sub-run of whole digit groups that libphonenumber calls valid wins.
 */
const candidateRun = /(?:\+\s?|\()?\d[\d \t().\-/]*\d/g;
const contextChars = 24;
/** More groups than this in one sub-span is not one phone number written any usual way. */
const maxGroupsPerNumber = 8;

interface DigitGroup {
  start: number;
  end: number;
  digits: number;
}

export interface PhoneSpan {
  start: number;
  end: number;
  e164: string;
  rules: string[];
}

/** Every valid phone number in `text`, with its span; shared by the phone and messenger-label rules. */
export function findPhoneSpans(text: string, defaultCountry: string | null): PhoneSpan[] {
  const spans: PhoneSpan[] = [];
  for (const run of text.matchAll(candidateRun)) {
    if (digitCount(run[0]) < 7) continue;
    const runStart = run.index;
    const groups: DigitGroup[] = [...run[0].matchAll(/\d+/g)].map((g) => ({ start: runStart + g.index, end: runStart + g.index + g[0].length, digits: g[0].length }));
    let i = 0;
    while (i < groups.length) {
      const found = longestValidSpan(text, groups, i, runStart, defaultCountry);
      if (found) {
        spans.push(found.span);
        i = found.lastGroup + 1;
      } else i++;
    }
  }
  return spans;
}

function longestValidSpan(text: string, groups: DigitGroup[], first: number, runStart: number, defaultCountry: string | null): { span: PhoneSpan; lastGroup: number } | null {
  const firstGroup = groups[first]!;
  let start = first === 0 ? runStart : firstGroup.start;
  if (first > 0 && text[start - 1] === '(') start--;
  for (let last = Math.min(groups.length - 1, first + maxGroupsPerNumber - 1); last >= first; last--) {
    let digits = 0;
    for (let k = first; k <= last; k++) digits += groups[k]!.digits;
    if (digits < 7 || digits > 17) continue;
    const end = groups[last]!.end;
    const candidate = text.slice(start, end);
    const parsed = parsePhoneCandidate(candidate, { defaultCountry });
    if (!parsed) continue;
    const rejection = phoneFalsePositiveReason({
      candidate,
      before: text.slice(Math.max(0, start - contextChars), start),
      after: text.slice(end, end + contextChars),
    });
    if (rejection) continue;
    return { span: { start, end, e164: parsed.e164, rules: ['phone:text', parsed.rule] }, lastGroup: last };
  }
  return null;
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
    return findPhoneSpans(text, defaultCountry).map((span) => ({ type: 'phone', value: span.e164, start: span.start, end: span.end, rules: span.rules }));
  },
};

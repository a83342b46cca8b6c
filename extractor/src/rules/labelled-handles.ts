import type { HandlePlatform } from '@indicia/core';
import { canonicalHandle, phoneHandlePlatforms } from '../handle-platforms.js';
import { handleLabels, labelFillers, notHandles, phoneLabelFillers } from '../handle-labels-data.js';
import { isWordCharAt } from '../text-boundaries.js';
import type { RuleMatch } from './extractor-rule.js';
import { escapeWord, LabelWordFinder } from './label-word-finder.js';
import { findPhoneSpans } from './phone-text-rule.js';

/**
 * Handles named by a label in text: "Telegram: @anna_x", "tg @anna", "Snap: anna.x", "Line ID:
 * anna_x", "微信: anna_x1", and for WhatsApp and Signal the phone number next to the label
 * ("WhatsApp +44 7700 900123", "WA only 0412 345 678", "+61 491 570 156 (WhatsApp)").
 */
interface LabelInfo {
  platform: HandlePlatform;
  /** Only at the start of a field, and (for user names) only with ":" or "=". */
  fieldOnly: boolean;
}

const labelsByWord = new Map<string, LabelInfo>();
for (const label of handleLabels) {
  for (const word of label.words) labelsByWord.set(word, { platform: label.platform, fieldOnly: false });
  for (const word of label.fieldWords ?? []) labelsByWord.set(word, { platform: label.platform, fieldOnly: true });
}
const byLength = (a: string, b: string): number => b.length - a.length;
const allLabelWords = [...labelsByWord.keys()].sort(byLength);
const labelWords = new LabelWordFinder(allLabelWords);

/** After a label: optional filler ("ID", "username"), a separator, maybe "@", then the name. */
const nameAfterLabel = new RegExp(
  `(?:[ \\t]{0,2}(?:${[...labelFillers].sort(byLength).map(escapeWord).join('|')})(?![a-z]))?(?:[ \\t]{0,2}([:：=-])[ \\t]{0,3}(@?)|[ \\t]{0,3}(@))([a-z0-9._:-]{1,64})`,
  'iy',
);
/** Between a messenger label and its number: separators, fillers and other labels ("WhatsApp/Signal only: …"). */
const beforeNumber = new RegExp(`[ \\t]*(?:[:：=/&|,-]|(?:${[...phoneLabelFillers, ...allLabelWords].sort(byLength).map(escapeWord).join('|')})(?![a-z]))[ \\t]*`, 'iy');
/** Between a number and the label after it: "0412 345 678 WhatsApp", "+44 7700 900123 (WhatsApp only)". */
const numberThenLabelGap = /^[ \t(,/|&-]{0,4}(?:(?:or|and|via|on|y|ou|oder|или)[ \t]{1,2})?$/i;
const fieldSeparators = '|•·;:/()[]-';
/**
 * Texts that name a messenger: some label word of two or more letters anywhere (even inside a
 * word), or "x:" / "x=". A lone one-letter label ("x" for Twitter) counts only in such a text.
 */
const anyLabel = new RegExp([...allLabelWords.filter((w) => w.length >= 2).map(escapeWord), 'x[ \\t]?[:=]'].join('|'), 'i');

export function findLabelledHandles(text: string, defaultCountry: string | null): RuleMatch[] {
  const matches: RuleMatch[] = [];
  let onlyOneLetterLabels = true;
  for (const { start, end, written } of labelWords.find(text)) {
    if (isWordCharAt(text, end)) continue;
    const word = written.toLowerCase().replace(/[ \t]+/g, ' ');
    const label = labelsByWord.get(word);
    if (!label) continue;
    if (label.fieldOnly && !atFieldStart(text, start) && !isCapitalLabelWithColon(text, start, end)) continue;
    const match = phoneHandlePlatforms.has(label.platform) ? numberByLabel(text, { start, end, platform: label.platform, defaultCountry }) : nameAfter(text, start, end, label);
    if (!match) continue;
    matches.push(match);
    if (word.length >= 2) onlyOneLetterLabels = false;
  }
  // A text with a longer label passes anyLabel anyway: only a text whose finds all rest on "x" needs the test.
  if (matches.length > 0 && onlyOneLetterLabels && !anyLabel.test(text)) return [];
  return matches;
}

/**
 * An ambiguous label in capitals with a colon ("…, WA: 359 625 6829", "LINE: anna") is a label
 * wherever it stands; "Seattle, WA (206) …" or "a list of: …" are not.
 */
function isCapitalLabelWithColon(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  return written === written.toUpperCase() && written !== written.toLowerCase() && /^[ \t]?[:：]/.test(text.slice(end, end + 2));
}

function nameAfter(text: string, start: number, end: number, label: LabelInfo): RuleMatch | null {
  nameAfterLabel.lastIndex = end;
  const m = nameAfterLabel.exec(text);
  if (!m) return null;
  const separator = m[1];
  if (label.fieldOnly && separator !== ':' && separator !== '：' && separator !== '=') return null;
  const raw = m[4]!.replace(/[.,;:!?-]+$/, '');
  const nameEnd = nameAfterLabel.lastIndex - (m[4]!.length - raw.length);
  // A name running on into letters of another script was cut short: not a handle we can trust.
  if (!raw || isWordCharAt(text, nameAfterLabel.lastIndex) || /^\d+$/.test(raw) || notHandles.has(raw.toLowerCase())) return null;
  const value = canonicalHandle(label.platform, raw);
  if (!value) return null;
  return { type: 'handle', platform: label.platform, value, start, end: nameEnd, rules: ['handle:label'] };
}

/** How far from a messenger label its number may reach. */
const labelReach = 40;

function numberByLabel(text: string, label: { start: number; end: number; platform: HandlePlatform; defaultCountry: string | null }): RuleMatch | null {
  const { start, end, platform, defaultCountry } = label;
  let pos = end;
  for (let step = 0; step < 8; step++) {
    beforeNumber.lastIndex = pos;
    if (!beforeNumber.exec(text) || beforeNumber.lastIndex === pos) break;
    pos = beforeNumber.lastIndex;
  }
  // Only the text next to the label is searched: the phone rule has read the whole text already.
  const ahead = text.slice(pos, pos + labelReach).split('\n')[0]!;
  const after = findPhoneSpans(ahead, defaultCountry)[0];
  if (after && after.start <= 2) {
    return { type: 'handle', platform, value: after.e164, start, end: pos + after.end, rules: ['handle:messenger-label', ...after.rules.filter((r) => r !== 'phone:text')] };
  }
  // Behind the label: from the start of the digit run that ends near it, so no number is cut in two.
  let from = Math.max(0, start - labelReach);
  while (from > 0 && start - from < 2 * labelReach && /[\d +().-]/.test(text[from - 1]!)) from--;
  const behind = text.slice(from, start);
  const before = findPhoneSpans(behind, defaultCountry).at(-1);
  if (before && numberThenLabelGap.test(behind.slice(before.end))) {
    return { type: 'handle', platform, value: before.e164, start: from + before.start, end, rules: ['handle:messenger-label', ...before.rules.filter((r) => r !== 'phone:text')] };
  }
  return null;
}

/** Whether a label opens a field: nothing before it on its line but blanks or field punctuation. */
function atFieldStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r' || fieldSeparators.includes(text[i]!);
}

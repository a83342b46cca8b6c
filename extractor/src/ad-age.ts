import type { AdAge, AttributeSource } from '@indicia/core';
import { ageLabels, ageUnits, durationLeads, durationTails, nonAgeUnits, rangeJoins, rangeLeads, selfStatements } from './ad-age-data.js';
import { isWordCharAt } from './text-boundaries.js';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const hanUnits = ageUnits.filter((unit) => /[\u4e00-\u9fff]/.test(unit));
// A Han unit ("25岁") is followed by more Han text without a space: only other units need a word end.
const units = `(?:${alternation(ageUnits.filter((unit) => !hanUnits.includes(unit)))})(?![\\p{L}])|${alternation(hanUnits)}`;
/** Leads that say "age" themselves: a range after them needs no unit ("aged 18 to 35"). */
const strongLeads = new Set(['aged', 'ages', 'age', 'w wieku od', 'в возрасте от', 'віком від', 'âgées de', 'âgés de', 'im alter von', 'di età tra', 'com idade entre', 'con edad entre']);

// Word boundaries before a match are checked in code: a Unicode lookbehind is slow in V8.
/**
 * A range is found from its digits, and its lead ("aged", "от") looked for just before them: a
 * pattern starting with an optional lead would try every lead at every position of the text.
 */
const rangePattern = new RegExp(`(\\d{1,3})\\s*(?:${alternation(rangeJoins)})\\s*(\\d{1,3})(?!\\d)(?:\\s?(?:-\\s?)?(${units}))?`, 'giu');
const rangeLeadBefore = new RegExp(`(${alternation(rangeLeads)})\\s*[:：]?\\s*$`, 'iu');
const longestLeadChars = 40;
const unitPattern = new RegExp(`(\\d{1,3})\\s?(?:-\\s?)?(?:${units})`, 'giu');
const labelPattern = new RegExp(`(?:${alternation(ageLabels)})\\s*[:：=\\-–]?\\s*(\\d{1,3})(?!\\d)(?!\\s*\\+)`, 'giu');
// "I am Anna, 24": a name may come between the statement and the age.
const selfPattern = new RegExp(`(?:${alternation(selfStatements)})\\s+(?:\\p{Lu}\\p{Ll}+,\\s*)?(\\d{1,3})(?!\\d)`, 'giu');
/** Ad titles: "Anna, 25 — new in Leeds", "Sweet Anna (25)". Read in titles only. */
const titleNamePattern = /\p{Lu}\p{Ll}+\s*(?:,\s*(\d{2})(?=\s*(?:$|[—–\-|,!.:]))|\(\s*(\d{2})\s*\))/gu;

const durationLead = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(durationLeads)})\\s*$`, 'iu');
const durationTail = new RegExp(`^\\s*(?:${alternation(durationTails)})(?![\\p{L}])`, 'iu');
const nonAgeTail = new RegExp(`^\\s?(?:(?:${alternation(nonAgeUnits)})(?![\\p{L}])|[%/'"’″]|[.,:]\\d)`, 'iu');

interface Candidate {
  min: number;
  max: number;
  start: number;
  end: number;
}

/**
 * The age an ad states: "25 y.o.", "Age: 25", "I'm 25", "25 años", "25 Jahre", "25 lat", "25 de ani",
 * "25 лет", "25岁"; or a recruitment range, "aged 18-35", "de 18 a 35 años", "от 18 до 35 лет".
 * Durations ("for 10 years", "5 years of experience") and requirements ("18 years or older") are not
 * ages. Under-18 ages are kept; absurd ones (under 10, over 99) are refused. The text is read first;
 * the title only when the text states none.
 */
export function findAge(input: { text: string; title?: string }): AdAge | null {
  const inText = earliestAge(input.text, { inTitle: false });
  if (inText) return { ...inText, raw: input.text.slice(inText.start, inText.end), source: 'text' satisfies AttributeSource };
  if (!input.title) return null;
  const inTitle = earliestAge(input.title, { inTitle: true });
  return inTitle ? { ...inTitle, raw: input.title.slice(inTitle.start, inTitle.end), source: 'title' } : null;
}

function earliestAge(text: string, options: { inTitle: boolean }): Candidate | null {
  if (!/\d/.test(text)) return null;
  const candidates = [firstRange(text), firstWithUnit(text), firstLabelled(text), firstSelfStated(text)];
  if (options.inTitle) candidates.push(firstTitleName(text));
  let best: Candidate | null = null;
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (!best || candidate.start < best.start || (candidate.start === best.start && candidate.end > best.end)) best = candidate;
  }
  return best;
}

function firstRange(text: string): Candidate | null {
  for (const m of text.matchAll(rangePattern)) {
    const windowStart = Math.max(0, m.index - longestLeadChars);
    const leadMatch = rangeLeadBefore.exec(text.slice(windowStart, m.index));
    const start = leadMatch ? windowStart + leadMatch.index : m.index;
    const lead = leadMatch?.[1]?.toLowerCase();
    if (isWordCharAt(text, start - 1)) continue;
    if (!m[3] && !(lead && strongLeads.has(lead))) continue;
    const min = Number(m[1]);
    const max = Number(m[2]);
    const end = m.index + m[0].length;
    if (!plausible(min) || !plausible(max) || min > max) continue;
    if (isDuration(text, start, end)) continue;
    return { min, max, start, end };
  }
  return null;
}

function firstWithUnit(text: string): Candidate | null {
  for (const m of text.matchAll(unitPattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isWordCharAt(text, start - 1) && !isHan(text[start - 1]!)) continue;
    const age = Number(m[1]);
    if (!plausible(age) || isDuration(text, start, end)) continue;
    return { min: age, max: age, start, end };
  }
  return null;
}

function firstLabelled(text: string): Candidate | null {
  for (const m of text.matchAll(labelPattern)) {
    if (isWordCharAt(text, m.index - 1)) continue;
    const age = Number(m[1]);
    if (plausible(age)) return { min: age, max: age, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

function firstSelfStated(text: string): Candidate | null {
  for (const m of text.matchAll(selfPattern)) {
    const end = m.index + m[0].length;
    if (isWordCharAt(text, m.index - 1)) continue;
    if (nonAgeTail.test(text.slice(end, end + 12))) continue;
    const age = Number(m[1]);
    if (plausible(age)) return { min: age, max: age, start: m.index, end };
  }
  return null;
}

function firstTitleName(text: string): Candidate | null {
  for (const m of text.matchAll(titleNamePattern)) {
    const age = Number(m[1] ?? m[2]);
    if (!plausible(age)) continue;
    const digits = m[0].search(/\d/);
    const start = m.index + (m[2] ? m[0].lastIndexOf('(') : digits);
    return { min: age, max: age, start, end: m.index + m[0].length };
  }
  return null;
}

function isDuration(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 30);
  if (/^\s*of\s+age(?![\p{L}])/iu.test(after)) return false;
  return durationLead.test(text.slice(Math.max(0, start - 24), start)) || durationTail.test(after);
}

function isHan(char: string): boolean {
  return /[\u4e00-\u9fff]/.test(char);
}

function plausible(age: number): boolean {
  return age >= 10 && age <= 99;
}

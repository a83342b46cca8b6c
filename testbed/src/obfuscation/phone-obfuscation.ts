import type { SeededRandom } from '../random.js';
import { inScript, type DigitScript } from './digit-scripts.js';
import { chineseZeroAlternative, digitWords, numberWordLanguages, runTogetherLanguages, type NumberWordLanguage } from './number-words-data.js';

/**
 * Written forms of a phone number, one style per function. Every style starts from a written form
 * (national "(702) 555-0123" or international "+44 20 7946 0123") and disguises its digits the
 * way ads do, without ever making it unreadable to a person.
 */
const unicodeStyles = {
  'unicode:fullwidth': 'fullwidth',
  'unicode:math-bold': 'math-bold',
  'unicode:math-double-struck': 'math-double-struck',
  'unicode:math-monospace': 'math-monospace',
  'unicode:circled': 'circled',
  'unicode:dingbat-circled': 'dingbat-negative-circled',
  'unicode:arabic-indic': 'arabic-indic',
  'unicode:devanagari': 'devanagari',
  'unicode:bengali': 'bengali',
  'unicode:thai': 'thai',
} as const satisfies Record<string, DigitScript>;

type NumberWordStyle = `number-words:${NumberWordLanguage}`;
type UnicodeDigitStyle = keyof typeof unicodeStyles;

/** Disguises that rewrite the digits of a written number ('split-html' is done by the HTML writer). */
export const phoneObfuscationStyles = [
  ...numberWordLanguages.map((language): NumberWordStyle => `number-words:${language}`),
  'words-run-together',
  'words-mixed-digits',
  'letters-for-digits',
  'separators:stars',
  'separators:mixed',
  'separators:doubled',
  'separators:digit-spaced',
  ...(Object.keys(unicodeStyles) as UnicodeDigitStyle[]),
  'emoji-keycaps',
] as const;
export type PhoneObfuscationStyle = (typeof phoneObfuscationStyles)[number];

/** A written number cut into its parts: an international prefix ("+44", "0044") and digit groups. */
interface WrittenParts {
  prefix: string;
  groups: string[];
}

function partsOf(written: string): WrittenParts {
  const international = /^(\+\d{1,3}|00\d{1,3})(?=[^\d]|$)/.exec(written);
  const prefix = international ? international[1]! : '';
  const rest = written.slice(prefix.length);
  const groups = rest.match(/\d+/g) ?? [];
  // A compact number ("+4915112345678", "07700900123") is regrouped the way people read it aloud.
  if (groups.length === 1) return { prefix: written.startsWith('+') && !international ? '+' : prefix, groups: readingGroups(groups[0]!) };
  return { prefix, groups };
}

/** "4915112345678" → "491 511 234 5678": threes, with a final four. */
function readingGroups(digits: string): string[] {
  const groups: string[] = [];
  let offset = 0;
  while (digits.length - offset > 4) {
    groups.push(digits.slice(offset, offset + 3));
    offset += 3;
  }
  groups.push(digits.slice(offset));
  return groups;
}

/** A lone "+" stays attached to the digits; a calling code ("+44", "0044") is set apart by the gap. */
function joinWithPrefix(prefix: string, body: string, gap = ' '): string {
  if (prefix === '') return body;
  return prefix === '+' ? `+${body}` : `${prefix}${gap}${body}`;
}

type WordCase = 'lower' | 'upper' | 'capitalised' | 'mixed';

function chooseCase(random: SeededRandom): WordCase {
  const roll = random.next();
  return roll < 0.55 ? 'lower' : roll < 0.7 ? 'upper' : roll < 0.88 ? 'capitalised' : 'mixed';
}

function cased(word: string, wordCase: WordCase, random: SeededRandom): string {
  switch (wordCase) {
    case 'lower':
      return word;
    case 'upper':
      return word.toUpperCase();
    case 'capitalised':
      return word.charAt(0).toUpperCase() + word.slice(1);
    case 'mixed':
      return random.chance(0.5) ? word.toUpperCase() : word;
  }
}

function wordFor(language: NumberWordLanguage, digit: string, random: SeededRandom): string {
  if (language === 'zh' && digit === '0' && random.chance(0.4)) return chineseZeroAlternative;
  return digitWords[language][Number(digit)]!;
}

/** "six two two - eight four one - nine two two three"; Chinese without spaces: "七〇二 五五五 〇一二三". */
function numberWords(written: string, language: NumberWordLanguage, random: SeededRandom): string {
  const { prefix, groups } = partsOf(written);
  const wordCase = chooseCase(random);
  const gap = language === 'zh' ? random.pick([' ', '-']) : random.pick([' ', ' ', ' - ', ' / ']);
  const body = groups
    .map((group) => [...group].map((digit) => cased(wordFor(language, digit, random), wordCase, random)).join(language === 'zh' ? '' : ' '))
    .join(gap);
  return joinWithPrefix(prefix, body);
}

/** "sixtwotwoeight fouronenine..." or "SixTwoTwo EightFourOne...". */
function wordsRunTogether(written: string, language: NumberWordLanguage, random: SeededRandom): string {
  const { prefix, groups } = partsOf(written);
  const wordCase = random.pick<WordCase>(['lower', 'lower', 'capitalised', 'upper']);
  const body = groups.map((group) => [...group].map((digit) => cased(digitWords[language][Number(digit)]!, wordCase, random)).join('')).join(' ');
  return joinWithPrefix(prefix, body);
}

/** "six02 twotwoeight fouronenine2": some digits as words, some as digits, run together. */
function wordsMixedDigits(written: string, language: NumberWordLanguage, random: SeededRandom): string {
  const { prefix, groups } = partsOf(written);
  const all = groups.join('');
  // Choose which digits become words; keep at least two of each kind so the form really is mixed.
  const asWord = [...all].map(() => random.chance(0.5));
  for (let i = 0; asWord.filter(Boolean).length < 2; i++) asWord[i % asWord.length] = true;
  for (let i = asWord.length - 1; asWord.filter((word) => !word).length < 2; i--) asWord[i] = false;
  const wordCase = random.pick<WordCase>(['lower', 'lower', 'upper', 'capitalised']);
  let index = 0;
  const body = groups
    .map((group) => [...group].map((digit) => (asWord[index++] ? cased(digitWords[language][Number(digit)]!, wordCase, random) : digit)).join(''))
    .join(' ');
  return joinWithPrefix(prefix, body);
}

/** "7O2 555 Ol23": O/o for 0 and l/I for 1, only between digits, as a reader would still see the number. */
function lettersForDigits(written: string, random: SeededRandom): string | null {
  const chars = [...written];
  const candidates: number[] = [];
  for (let i = 1; i < chars.length - 1; i++) {
    if ((chars[i] === '0' || chars[i] === '1') && /\d/.test(chars[i - 1]!) && /\d/.test(chars[i + 1]!)) candidates.push(i);
  }
  if (candidates.length === 0) return null;
  random.shuffle(candidates);
  const count = Math.min(candidates.length, random.int(1, 3));
  for (const i of candidates.slice(0, count)) chars[i] = chars[i] === '0' ? random.pick(['O', 'O', 'o']) : random.pick(['l', 'I']);
  return chars.join('');
}

const mixedSeparators = [' ', '.', '-', '/', '*', '_', '~', '|', ';', "'"] as const;
const doubledSeparators = ['..', '--', '//', '**', '  ', ' - ', '__', ' . ', '~~'] as const;

function separated(written: string, gapFor: (index: number) => string): string {
  const { prefix, groups } = partsOf(written);
  const body = groups.reduce((out, group, index) => (index === 0 ? group : out + gapFor(index) + group), '');
  return prefix === '' || prefix === '+' ? prefix + body : prefix + gapFor(0) + body;
}

function mixedSeparated(written: string, random: SeededRandom): string {
  const { groups } = partsOf(written);
  const gaps = groups.map(() => random.pick(mixedSeparators));
  // Guarantee a real mix: two different separators, at least one of them not a space.
  if (gaps.length >= 2) gaps[1] = random.pick(mixedSeparators.slice(1));
  if (gaps.length >= 3) {
    while (gaps[gaps.length - 1] === gaps[1]) gaps[gaps.length - 1] = random.pick(mixedSeparators);
  } else if (gaps[0] === gaps[1]) {
    // Two groups only: the gap after the prefix is the other separator (gaps[0] is used for it).
    gaps[0] = random.pick(mixedSeparators.filter((gap) => gap !== gaps[1]));
  }
  return separated(written, (index) => gaps[index]!);
}

function digitSpaced(written: string, random: SeededRandom): string {
  const { prefix, groups } = partsOf(written);
  const gap = random.pick([' ', ' ', '.', '-']);
  const body = [...groups.join('')].join(gap);
  return joinWithPrefix(prefix, body);
}

function keycaps(written: string, random: SeededRandom): string {
  return inScript(written, random.chance(0.75) ? 'emoji-keycap' : 'emoji-keycap-bare');
}

function unicodeDigits(written: string, style: UnicodeDigitStyle, random: SeededRandom): string {
  const out = inScript(written, unicodeStyles[style]);
  return style === 'unicode:fullwidth' && random.chance(0.3) ? out.replace('+', '＋') : out;
}

interface PhoneObfuscationContext {
  /** Language of the surrounding ad: number words are written in it where the style allows. */
  language: NumberWordLanguage;
}

/**
 * The written number in the style, with the style it was written in: 'separators:stars' when the
 * style cannot disguise this number (letters for digits need a 0 or 1 between two digits).
 */
export function obfuscatePhone(written: string, style: PhoneObfuscationStyle, random: SeededRandom, context: PhoneObfuscationContext): { text: string; style: PhoneObfuscationStyle } {
  const text = styledPhone(written, style, random, context);
  // The style gave up before drawing anything, so the fallback leaves the draws as they were.
  return text === null ? { text: separated(written, () => '*'), style: 'separators:stars' } : { text, style };
}

function styledPhone(written: string, style: PhoneObfuscationStyle, random: SeededRandom, context: PhoneObfuscationContext): string | null {
  if (style.startsWith('number-words:')) return numberWords(written, style.slice('number-words:'.length) as NumberWordLanguage, random);
  if (style.startsWith('unicode:')) return unicodeDigits(written, style as UnicodeDigitStyle, random);
  const runTogether = runTogetherLanguages.includes(context.language) ? context.language : 'en';
  switch (style) {
    case 'words-run-together':
      return wordsRunTogether(written, runTogether, random);
    case 'words-mixed-digits':
      return wordsMixedDigits(written, runTogether, random);
    case 'letters-for-digits':
      return lettersForDigits(written, random);
    case 'separators:stars':
      return separated(written, () => '*');
    case 'separators:mixed':
      return mixedSeparated(written, random);
    case 'separators:doubled': {
      const gap = random.pick(doubledSeparators);
      return separated(written, () => gap);
    }
    case 'separators:digit-spaced':
      return digitSpaced(written, random);
    case 'emoji-keycaps':
      return keycaps(written, random);
  }
  throw new RangeError(`unknown phone style ${style}`);
}

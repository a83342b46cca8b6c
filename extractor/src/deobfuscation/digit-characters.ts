/**
 * Characters that stand for a digit: ASCII, every Unicode decimal-digit script (\p{Nd}: Arabic-Indic,
 * Devanagari, Thai, fullwidth, mathematical bold/double-struck/monospace...), the enclosed and
 * styled forms that are not \p{Nd} (circled, parenthesised, "1.", superscripts, subscripts,
 * dingbats) and emoji keycaps ("7️⃣" = digit + U+FE0F + U+20E3). Offsets are UTF-16 code units,
 * so astral digits (mathematical, 🔟) take two.
 */
export interface DigitCharacter {
  /** The ASCII digits it stands for ("10" for 🔟). */
  digits: string;
  /** UTF-16 code units it takes in the text. */
  length: number;
  family: 'ascii' | 'unicode-digit' | 'keycap';
}

const variationSelector16 = 0xfe0f;
const combiningKeycap = 0x20e3;

/** Enclosed, styled and dingbat forms: code point of the form for 0 (or 1) and the digit it starts at. */
const styledRanges: ReadonlyArray<{ first: number; last: number; firstDigit: number }> = [
  { first: 0x2070, last: 0x2070, firstDigit: 0 }, // ⁰
  { first: 0x2074, last: 0x2079, firstDigit: 4 }, // ⁴..⁹
  { first: 0x2080, last: 0x2089, firstDigit: 0 }, // ₀..₉
  { first: 0x2460, last: 0x2468, firstDigit: 1 }, // ①..⑨
  { first: 0x2474, last: 0x247c, firstDigit: 1 }, // ⑴..⑼
  { first: 0x2488, last: 0x2490, firstDigit: 1 }, // ⒈..⒐
  { first: 0x24ea, last: 0x24ea, firstDigit: 0 }, // ⓪
  { first: 0x24f5, last: 0x24fd, firstDigit: 1 }, // ⓵..⓽
  { first: 0x24ff, last: 0x24ff, firstDigit: 0 }, // ⓿
  { first: 0x2776, last: 0x277e, firstDigit: 1 }, // ❶..❾
  { first: 0x2780, last: 0x2788, firstDigit: 1 }, // ➀..➈
  { first: 0x278a, last: 0x2792, firstDigit: 1 }, // ➊..➒
  { first: 0x1f100, last: 0x1f100, firstDigit: 0 }, // 🄀 digit zero full stop
  { first: 0x1f101, last: 0x1f10a, firstDigit: 0 }, // 🄁..🄊 digit comma
  { first: 0x1f10b, last: 0x1f10b, firstDigit: 0 }, // 🄋 dingbat circled sans-serif zero
  { first: 0x1f10c, last: 0x1f10c, firstDigit: 0 }, // 🄌 dingbat negative circled sans-serif zero
];
const superscriptLow: Record<number, string> = { 0xb2: '2', 0xb3: '3', 0xb9: '1' };
const keycapTen = 0x1f51f;

const decimalDigit = /\p{Nd}/u;
/** Value of each non-ASCII \p{Nd} code point (-1: none), found once: Unicode lays every script's digits out 0..9 in a row. */
const decimalValues = new Map<number, number>();

function decimalValue(codePoint: number): number | null {
  const known = decimalValues.get(codePoint);
  if (known !== undefined) return known < 0 ? null : known;
  let value = -1;
  if (decimalDigit.test(String.fromCodePoint(codePoint))) {
    // Consecutive sets (the five mathematical digit styles) sit back to back, each starting at 0.
    let stretch = 0;
    while (decimalDigit.test(String.fromCodePoint(codePoint - stretch - 1))) stretch++;
    value = stretch % 10;
  }
  // Letters of other scripts are asked about on every occurrence: remember the "no" too.
  decimalValues.set(codePoint, value);
  return value < 0 ? null : value;
}

function styledValue(codePoint: number): string | null {
  if (codePoint < 0x2070) return superscriptLow[codePoint] ?? null;
  if (codePoint === keycapTen) return '10';
  for (const range of styledRanges) {
    if (codePoint >= range.first && codePoint <= range.last) return String(codePoint - range.first + range.firstDigit);
  }
  return null;
}

/** Whether a non-ASCII code point may stand for a digit: a cheap range test before the lookups. */
function mayBeDigit(codePoint: number): boolean {
  // Below U+0660 (Arabic-Indic zero) only the superscripts ¹²³ are digits.
  if (codePoint < 0x660) return codePoint === 0xb2 || codePoint === 0xb3 || codePoint === 0xb9;
  return true;
}

/** The digit character at text[index], or null. */
export function digitAt(text: string, index: number): DigitCharacter | null {
  const code = text.charCodeAt(index);
  if (code >= 48 && code <= 57) {
    let length = 1;
    let family: DigitCharacter['family'] = 'ascii';
    // "7️⃣" or "7⃣" (keycap) and "7️" (emoji presentation) read as the digit.
    if (text.charCodeAt(index + length) === variationSelector16) {
      length++;
      family = 'keycap';
    }
    if (text.charCodeAt(index + length) === combiningKeycap) {
      length++;
      family = 'keycap';
    }
    return { digits: text[index]!, length, family };
  }
  if (!(code >= 0x80)) return null; // NaN past the end
  if (code < 0xd800 || code > 0xdbff) {
    // A BMP character: its value is looked up once, then read from a table (ads are full of letters of other scripts).
    let value = bmpValues[code]!;
    if (value === unknownValue) bmpValues[code] = value = bmpValueOf(code);
    return value < 0 ? null : { digits: digitStrings[value]!, length: 1, family: 'unicode-digit' };
  }
  const codePoint = text.codePointAt(index)!;
  if (!mayBeDigit(codePoint)) return null;
  const length = codePoint > 0xffff ? 2 : 1;
  const styled = styledValue(codePoint);
  if (styled !== null) return { digits: styled, length, family: 'unicode-digit' };
  const decimal = decimalValue(codePoint);
  return decimal === null ? null : { digits: String(decimal), length, family: 'unicode-digit' };
}

const unknownValue = -2;
const noValue = -1;
/** Digit value of each BMP code unit (noValue: none), filled in as characters are first seen. */
const bmpValues = new Int8Array(0x10000).fill(unknownValue);
const digitStrings = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Every BMP form stands for one digit (only the astral keycap 🔟 stands for two). */
function bmpValueOf(code: number): number {
  if (!mayBeDigit(code)) return noValue;
  const styled = styledValue(code);
  if (styled !== null) return Number(styled);
  return decimalValue(code) ?? noValue;
}

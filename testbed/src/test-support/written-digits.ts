import { digitWords, numberWordLanguages } from '../obfuscation/number-words-data.js';

/**
 * A reference reader for the corpus's written phones: what a person reads from the form, as a
 * string of ASCII digits. It is independent of the extractor, so the generator is checked
 * against a reading, not against the code under test.
 */
interface WordReader {
  words: Map<string, string>;
  pattern: RegExp;
}

/** One reader per language: run-together words are only unambiguous within one language. */
const readers: WordReader[] = numberWordLanguages.map((language) => {
  const words = new Map<string, string>();
  digitWords[language].forEach((word, digit) => words.set(word, String(digit)));
  if (language === 'zh') words.set('零', '0');
  return { words, pattern: new RegExp([...words.keys()].sort((a, b) => b.length - a.length).join('|'), 'giu') };
});

/** Every reading of the written form, one per language of number words. */
export function readingsOfWrittenDigits(written: string): string[] {
  return readers.map((reader) => decodeWrittenDigits(written, reader));
}

const circled = ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⓿', '❶', '❷', '❸', '❹', '❺', '❻', '❼', '❽', '❾'];

function decodeWrittenDigits(written: string, reader: WordReader): string {
  // As rendered: markup gone, character references decoded ("&#39;" is a separator, "&#55;" a 7).
  const withoutMarkup = written
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(?:amp|quot|lt|gt);/g, ' ');
  const fromWords = withoutMarkup.toLowerCase().replace(reader.pattern, (word) => reader.words.get(word.toLowerCase()) ?? word);
  let digits = '';
  let previousWasDigit = false;
  const chars = [...fromWords];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const circledIndex = circled.indexOf(char);
    const before = digits.length;
    if (circledIndex !== -1) digits += String(circledIndex % 10);
    else if (/\p{Nd}/u.test(char)) digits += digitValue(char);
    // Letters for digits count only inside a run of digits, as a reader takes them.
    else if (/[oli]/.test(char) && previousWasDigit && /[\p{Nd}oli]/u.test(chars[i + 1] ?? '')) digits += char === 'o' ? '0' : '1';
    previousWasDigit = digits.length > before;
  }
  return digits;
}

/** The value of any Unicode decimal digit: its code point minus its script's zero. */
function digitValue(char: string): string {
  const normalized = char.normalize('NFKC');
  if (/^[0-9]$/.test(normalized)) return normalized;
  const code = char.codePointAt(0)!;
  for (let zero = code; zero > code - 10; zero--) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1)) || (code - zero + 1) > 9) return String(code - zero);
  }
  return String(code % 10);
}

import { digitAt } from './digit-characters.js';
import { isInWordJoiner, readNumberWords, type NumberWord } from './number-word-segmentation.js';
import { chineseNumerals } from './number-words-data.js';

/**
 * Splits text into numeric runs: stretches of digit-like atoms (digits of any script, number-word
 * chunks, Chinese numerals, letters that may stand for digits) joined by short separators on one
 * line. One pass over the text; a letter chunk is looked up only where it could be a number word.
 */
export type Atom =
  | { kind: 'digits'; start: number; end: number; digits: string }
  | { kind: 'words'; start: number; end: number; words: NumberWord[] }
  | { kind: 'chinese'; start: number; end: number; digit: string }
  | { kind: 'letters'; start: number; end: number; digits: string };

export interface RunAtom {
  atom: Atom;
  /** Separator characters between the previous atom of the run and this one (0: glued). */
  gapBefore: number;
}

/** More separator characters than this between two atoms ends a run ("702 - 555" has 3). */
const maxGap = 4;
/** A run is cut after this many atoms: a list of a dozen spelled-out numbers fits, a megabyte of spaced digits is not one run. */
const maxRunAtoms = 256;

const enum CharClass {
  Unknown = 0,
  Letter,
  Separator,
  Digit,
  Chinese,
  Apostrophe,
  Other,
}

/** Classes of BMP code units, filled in as characters are first seen (a regex per new character only). */
const classes = new Uint8Array(0x10000);
const letterOrMark = /[\p{L}\p{M}]/u;
const separatorCharacters = ' \t.-/*_~|;()[]+\u00a0\u00ad\u1680\u202f\u205f\u3000\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u200b\u200c\u200d\u2060\ufeff\ufe0f';
const apostrophes = "'\u2019\u02bc";

function classify(code: number): CharClass {
  const known = classes[code]!;
  if (known !== CharClass.Unknown) return known;
  const char = String.fromCharCode(code);
  let found: CharClass;
  if (apostrophes.includes(char)) found = CharClass.Apostrophe;
  else if (separatorCharacters.includes(char) || (code >= 0x2000 && code <= 0x200a)) found = CharClass.Separator;
  else if (code >= 0xd800 && code <= 0xdfff) found = CharClass.Other;
  else if (digitAt(char, 0)) found = CharClass.Digit;
  else if (chineseNumerals[char] !== undefined) found = CharClass.Chinese;
  else if (letterOrMark.test(char)) found = CharClass.Letter;
  else found = CharClass.Other;
  classes[code] = found;
  return found;
}

/** The digit a letter may stand for inside a numeric run (O/o for 0, l/I for 1), by char code; -1 for any other. */
function letterDigitCode(code: number): number {
  if (code === 0x4f || code === 0x6f) return 48;
  if (code === 0x6c || code === 0x49) return 49;
  return -1;
}

/** Calls `onRun` with every run that holds something besides plain digits. */
export function scanNumericRuns(text: string, onRun: (run: RunAtom[]) => void): void {
  let run: RunAtom[] = [];
  // Runs of plain digits need no rewriting: only runs holding another atom are reported.
  let hasOtherAtom = false;
  // A run glued to a word that is no number ("bc1q…cp78835l3", "Tel0412") is part of a code or
  // a name, not a disguised number: rewriting its letters would corrupt it. It is not reported.
  let gluedToWord = false;
  let wordEnd = -1;
  let gap = 0;
  let lastEnd = -1;
  const flush = (): void => {
    if (run.length === 0) return;
    if (hasOtherAtom && !gluedToWord) onRun(run);
    run = [];
    hasOtherAtom = false;
    gluedToWord = false;
  };
  const push = (atom: Atom): void => {
    if (run.length > 0 && (atom.start - lastEnd > maxGap || gap !== atom.start - lastEnd || run.length >= maxRunAtoms)) flush();
    if (run.length === 0 && atom.start === wordEnd) gluedToWord = true;
    if (atom.kind !== 'digits') hasOtherAtom = true;
    run.push({ atom, gapBefore: run.length === 0 ? 0 : atom.start - lastEnd });
    lastEnd = atom.end;
    gap = 0;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const charClass = code >= 48 && code <= 57 ? CharClass.Digit : code < 0x80 && isAsciiLetter(code) ? CharClass.Letter : classify(code);
    if (charClass === CharClass.Digit || (code >= 0xd800 && code <= 0xdbff)) {
      const start = i;
      let digits = '';
      for (;;) {
        // Plain ASCII digits are taken in one slice; others (and keycaps) one by one.
        const plainEnd = asciiDigitsEnd(text, i);
        if (plainEnd > i) {
          digits += text.slice(i, plainEnd);
          i = plainEnd;
        }
        const d = digitAt(text, i);
        if (!d) break;
        digits += d.digits;
        i += d.length;
      }
      if (digits === '') {
        // An astral character that is not a digit (an emoji): it ends a run.
        i += 2;
        breakRun();
        continue;
      }
      push({ kind: 'digits', start, end: i, digits });
    } else if (charClass === CharClass.Letter) {
      const start = i;
      i = chunkEnd(text, i);
      const atom = letterAtom(text, start, i);
      if (atom) push(atom);
      else {
        if (run.length > 0 && start === lastEnd) gluedToWord = true;
        breakRun();
        wordEnd = i;
      }
    } else if (charClass === CharClass.Chinese) {
      push({ kind: 'chinese', start: i, end: i + 1, digit: chineseNumerals[text[i]!]! });
      i++;
    } else if (charClass === CharClass.Separator || charClass === CharClass.Apostrophe) {
      gap++;
      i++;
    } else {
      breakRun();
      i++;
    }
  }
  flush();

  function breakRun(): void {
    flush();
    gap = 0;
  }
}

/** End of the ASCII digits at `start`, stopping before a digit that a keycap or U+FE0F follows. */
function asciiDigitsEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    const next = text.charCodeAt(i + 1);
    if (next === 0xfe0f || next === 0x20e3) break;
    i++;
  }
  return i;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** End of the letter chunk at `start`: letters and marks, with apostrophes or invisible characters between letters ("п'ять", "sev\u00aden"). */
function chunkEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const charClass = code < 0x80 ? (isAsciiLetter(code) ? CharClass.Letter : code === 0x27 ? CharClass.Apostrophe : CharClass.Other) : classify(code);
    if (charClass === CharClass.Letter) i++;
    else if ((charClass === CharClass.Apostrophe || isInWordJoiner(code)) && i + 1 < text.length && isLetterAt(text, i + 1)) i += 2;
    else break;
  }
  return i;
}

function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0x80 ? isAsciiLetter(code) : classify(code) === CharClass.Letter;
}

/** A letter chunk as an atom: number words, or O/o/l/I that may stand for digits; null for anything else. */
function letterAtom(text: string, start: number, end: number): Atom | null {
  const words = readNumberWords(text, start, end);
  if (words) return { kind: 'words', start, end, words };
  if (end - start > 4) return null;
  // Char codes, not a lookup by one-character string: this runs for every short word of a text.
  for (let i = start; i < end; i++) if (letterDigitCode(text.charCodeAt(i)) < 0) return null;
  let digits = '';
  for (let i = start; i < end; i++) digits += letterDigitCode(text.charCodeAt(i)) === 48 ? '0' : '1';
  return { kind: 'letters', start, end, digits };
}

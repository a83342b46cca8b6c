import type { TextNormalizationStep, TextReplacement } from '../text-normalization.js';
import { scanNumericRuns, type RunAtom } from './numeric-run-scanner.js';

/**
 * Number words ("six02 twotwoeight fouronenine2", "0seven58 2THREE", "cinco cinco cinco"), Chinese
 * numerals and letters standing for digits ("7O2 555 Ol23") become digits, but only inside a
 * numeric run long enough to be a phone number: "someone", "one night", "ten minutes" and
 * "Seven Dials" stay text.
 */
const minRunDigits = 7;
const numberWordsRule = 'deobfuscate:number-words';
const chineseNumeralsRule = 'deobfuscate:chinese-numerals';
const letterDigitsRule = 'deobfuscate:letter-digits';

export const numberWordsStep: TextNormalizationStep = {
  name: numberWordsRule,
  obfuscation: true,
  findReplacements(raw) {
    const out: TextReplacement[] = [];
    scanNumericRuns(raw, (run) => {
      for (const part of numericParts(run)) if (digitCount(part) >= minRunDigits) out.push(...replacementsOf(part));
    });
    return out;
  },
};

/**
 * The parts of a run that read as numbers. Letters standing for digits must touch a digit ("Ol23",
 * not "I"); a single number word standing apart among digits, or at the end of a run next to digits,
 * is a word ("room one 702...", "12 sept 2024", "0146 one night"): words count when glued to
 * digits, run together, or next to other number words.
 */
function numericParts(run: RunAtom[]): RunAtom[][] {
  const glued = (index: number, side: -1 | 1): boolean => {
    const neighbour = run[index + side];
    if (!neighbour) return false;
    const gap = side === -1 ? run[index]!.gapBefore : neighbour.gapBefore;
    return gap === 0 && neighbour.atom.kind === 'digits';
  };
  const wordAtoms = run.filter((r) => r.atom.kind === 'words' || r.atom.kind === 'chinese');
  const loneWord = wordAtoms.length === 1 ? wordAtoms[0]! : null;
  const parts: RunAtom[][] = [];
  let current: RunAtom[] = [];
  run.forEach((entry, index) => {
    const { atom } = entry;
    const apart = !glued(index, -1) && !glued(index, 1);
    // A detached word at either end of the run, next to digits: "702 555 0146 - one night".
    const edge = index === 0 ? run[1] : index === run.length - 1 ? run[index - 1] : undefined;
    const trailing = edge !== undefined && edge.atom.kind === 'digits';
    const stray = (atom.kind === 'letters' && apart) || (isSingleDigitWord(entry) && apart && (entry === loneWord || trailing));
    if (stray) {
      if (current.length > 0) parts.push(current);
      current = [];
    } else current.push(entry);
  });
  if (current.length > 0) parts.push(current);
  return parts;
}

function isSingleDigitWord({ atom }: RunAtom): boolean {
  if (atom.kind === 'chinese') return true;
  return atom.kind === 'words' && atom.words.length === 1 && atom.words[0]!.digit !== null;
}

function digitCount(part: RunAtom[]): number {
  let count = 0;
  for (const { atom } of part) {
    if (atom.kind === 'digits' || atom.kind === 'letters') count += atom.digits.length;
    else if (atom.kind === 'chinese') count++;
    else for (const word of atom.words) count += word.digit === null ? word.repeat - 1 : 1;
  }
  return count;
}

function replacementsOf(part: RunAtom[]): TextReplacement[] {
  const out: TextReplacement[] = [];
  part.forEach(({ atom }, index) => {
    if (atom.kind === 'letters') out.push({ start: atom.start, end: atom.end, replacement: atom.digits, stepName: letterDigitsRule });
    else if (atom.kind === 'chinese') out.push({ start: atom.start, end: atom.end, replacement: atom.digit, stepName: chineseNumeralsRule });
    else if (atom.kind === 'words') {
      atom.words.forEach((word, w) => {
        // "double five" → "5" + "5"; "triple 7" → "77" + "7": the repeat word writes the extra copies.
        const repeated = word.digit === null ? nextDigit(part, index, w) : null;
        const replacement = word.digit ?? (repeated === null ? null : repeated.repeat(word.repeat - 1));
        if (replacement !== null) out.push({ start: word.start, end: word.end, replacement, stepName: numberWordsRule });
      });
    }
  });
  return out;
}

function nextDigit(part: RunAtom[], atomIndex: number, wordIndex: number): string | null {
  const atom = part[atomIndex]!.atom;
  if (atom.kind === 'words' && wordIndex + 1 < atom.words.length) return atom.words[wordIndex + 1]!.digit;
  const next = part[atomIndex + 1]?.atom;
  if (!next) return null;
  if (next.kind === 'words') return next.words[0]!.digit;
  return next.kind === 'chinese' ? next.digit : next.digits[0]!;
}

import type { TextNormalizationStep, TextReplacement } from '../text-normalization.js';
import { digitAt, nonAsciiDigitCandidates } from './digit-characters.js';

const nonAscii = /[^\p{ASCII}]/u;

/**
 * Digits written in any other form become ASCII: fullwidth, mathematical alphanumerics, circled and
 * parenthesised forms, superscripts, other scripts' digits, emoji keycaps. Keycaps are reported as
 * their own rule, since they are a styling choice rather than a character set.
 */
export const unicodeDigitsStep: TextNormalizationStep = {
  name: 'deobfuscate:unicode-digits',
  obfuscation: true,
  findReplacements(raw) {
    const out: TextReplacement[] = [];
    // Every form is non-ASCII (keycaps too: U+FE0F, U+20E3), so an ASCII text costs one test.
    if (!nonAscii.test(raw)) return out;
    nonAsciiDigitCandidates.lastIndex = 0;
    for (const m of raw.matchAll(nonAsciiDigitCandidates)) {
      const digit = digitAt(raw, m.index);
      if (!digit) continue;
      const end = m.index + digit.length;
      // matchAll resumes after the match; a keycap's trailing U+20E3 after U+FE0F is inside `digit`.
      if (out.length > 0 && out[out.length - 1]!.end > m.index) continue;
      out.push({ start: m.index, end, replacement: digit.digits, ...(digit.family === 'keycap' ? { stepName: 'deobfuscate:emoji-keycaps' } : {}) });
    }
    return out;
  },
};

import type { TextNormalizationStep, TextReplacement } from '../text-normalization.js';
import { CharacterKind, characterKindsIn } from '../character-kinds.js';
import { digitAt } from './digit-characters.js';

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
    // Most texts have no character that may be a digit form (character-kinds.ts): no loop then.
    if (!(characterKindsIn(raw) & CharacterKind.DigitForm)) return out;
    // One pass over the code units: every form is non-ASCII, or an ASCII digit followed by U+FE0F /
    // U+20E3 (a keycap), so an ASCII character costs a comparison or two.
    const n = raw.length;
    let i = 0;
    while (i < n) {
      const code = raw.charCodeAt(i);
      if (code < 0x80) {
        const next = code >= 48 && code <= 57 ? raw.charCodeAt(i + 1) : 0;
        if (next !== 0xfe0f && next !== 0x20e3) {
          i++;
          continue;
        }
      }
      const digit = digitAt(raw, i);
      if (!digit) {
        // A low surrogate on its own is no digit, so stepping one unit past an astral character is safe.
        i++;
        continue;
      }
      out.push({ start: i, end: i + digit.length, replacement: digit.digits, ...(digit.family === 'keycap' ? { stepName: 'deobfuscate:emoji-keycaps' } : {}) });
      i += digit.length;
    }
    return out;
  },
};

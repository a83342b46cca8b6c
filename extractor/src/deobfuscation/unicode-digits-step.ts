import type { TextNormalizationStep, TextReplacement } from '../text-normalization.js';
import { digitAt } from './digit-characters.js';

/**
 * Digits written in any other form become ASCII: fullwidth, mathematical alphanumerics, circled and
 * parenthesised forms, superscripts, other scripts' digits, emoji keycaps. Keycaps are reported as
 * their own rule, since they are a styling choice rather than a character set.
 */
/**
 * Any character that may be (part of) such a digit: non-ASCII decimal digits, the styled forms of
 * digit-characters.ts (astral ones included: the pattern reads code points), the keycap marks. Most texts
 * have none; one native scan says so faster than the loop below.
 */
const possibleDigitForm = /[^\P{Nd}0-9]|[\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u{1f100}-\u{1f10c}\u{1f51f}]|\u20e3|\ufe0f/u;

export const unicodeDigitsStep: TextNormalizationStep = {
  name: 'deobfuscate:unicode-digits',
  obfuscation: true,
  findReplacements(raw) {
    const out: TextReplacement[] = [];
    if (!possibleDigitForm.test(raw)) return out;
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

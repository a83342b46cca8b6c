import { isWordCharCode } from './word-char-codes.js';

/*
 * Word-boundary checks done in code rather than with regex lookbehind: V8 runs a Unicode-property
 * lookbehind at every position of the text, which made the patterns ten times slower.
 */

/** Whether text[index] is a letter or digit in any script (false outside the string), from word-char-codes.ts's cached table. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return isWordCharCode(text.charCodeAt(index));
}

/** Whether text[start, end) stands alone: no letter or digit right before or after it. */
export function isStandalone(text: string, start: number, end: number): boolean {
  return !isWordCharAt(text, start - 1) && !isWordCharAt(text, end);
}

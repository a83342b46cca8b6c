/**
 * Word-boundary checks done in code rather than with regex lookbehind: V8 runs a Unicode-property
 * lookbehind at every position of the text, which made the patterns ten times slower.
 */
const wordChar = /[\p{L}\p{N}]/u;

/** Whether text[index] is a letter or digit in any script (false outside the string). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return wordChar.test(text[index]!);
}

/** Whether text[start, end) stands alone: no letter or digit right before or after it. */
export function isStandalone(text: string, start: number, end: number): boolean {
  return !isWordCharAt(text, start - 1) && !isWordCharAt(text, end);
}

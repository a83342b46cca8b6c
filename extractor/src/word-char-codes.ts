/**
 * Letter-or-digit tests (any script) and case folds by UTF-16 code unit, cached per code unit: the
 * scans that walk every character of a text (label words, word starts) would otherwise run a
 * Unicode-property regex or allocate a one-character string for each non-ASCII character.
 */
const wordChar = /[\p{L}\p{N}]/u;

/** 0: not looked up yet, 1: letter or digit, 2: neither. ASCII is filled in from the start. */
const wordCharClass = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) wordCharClass[code] = classify(code);

function classify(code: number): number {
  const known = wordChar.test(String.fromCharCode(code)) ? 1 : 2;
  wordCharClass[code] = known;
  return known;
}

/** Whether a UTF-16 code unit is a letter or digit in any script (a lone surrogate is neither). */
export function isWordCharCode(code: number): boolean {
  const known = wordCharClass[code]!;
  return (known === 0 ? classify(code) : known) === 1;
}

/** -1: not looked up yet. */
const canonicalCodes = new Int32Array(0x10000).fill(-1);

/**
 * The code unit a case-insensitive regex without the `u` flag compares (ECMAScript's
 * Canonicalize): the upper case of a character when that is a single code unit, except that
 * non-ASCII never folds onto ASCII. Two code units match under /i exactly when these are equal.
 */
export function canonicalCaseCode(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  let known = canonicalCodes[code]!;
  if (known === -1) {
    const upper = String.fromCharCode(code).toUpperCase();
    known = upper.length === 1 && upper.charCodeAt(0) >= 128 ? upper.charCodeAt(0) : code;
    canonicalCodes[code] = known;
  }
  return known;
}

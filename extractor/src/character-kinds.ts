import { plainCharacterForm } from './plain-character-forms.js';

/**
 * Which kinds of character a text holds, from one pass over its code units: the normalisation
 * steps ask before they scan, and most ad texts hold nothing for most steps (no "&", no typographic
 * dash or space, no invisible character, no digit of another form). One loop, a comparison per
 * ASCII character and a table lookup per other one, replaces a native scan per step (the one for
 * digit forms, a Unicode property class, cost twice this loop).
 */
export const CharacterKind = {
  Ampersand: 1,
  /** A typographic space, dash or plus with an ASCII plain form. */
  Typographic: 2,
  /** A zero-width character, word joiner, BOM or soft hyphen. */
  Invisible: 4,
  /**
   * A code unit that may be (part of) a digit of another form: non-ASCII decimal digits, styled
   * digits, keycap marks, and any high surrogate (astral digits; emoji also set it, harmlessly).
   */
  DigitForm: 8,
} as const;

/** Non-ASCII characters (BMP) that may be or belong to a digit form; astral ones go by their surrogate. */
const bmpDigitForm = /[^\P{Nd}0-9]|[\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u249b\u24ea-\u24ff\u2776-\u2793]|\u20e3|\ufe0f/u;

const unknown = 0x80;
/** Kinds of each code unit, worked out the first time it is seen. */
const kindsByCode = new Uint8Array(0x10000).fill(unknown);
for (let code = 0; code < 0x80; code++) kindsByCode[code] = code === 0x26 ? CharacterKind.Ampersand : 0;

function kindsOf(code: number): number {
  let kinds = 0;
  if (code >= 0xd800 && code <= 0xdbff) kinds |= CharacterKind.DigitForm;
  else if (code < 0xd800 || code > 0xdfff) {
    const plain = plainCharacterForm(code);
    if (plain === '') kinds |= CharacterKind.Invisible;
    else if (plain !== null) kinds |= CharacterKind.Typographic;
    if (bmpDigitForm.test(String.fromCharCode(code))) kinds |= CharacterKind.DigitForm;
  }
  kindsByCode[code] = kinds;
  return kinds;
}

let lastText: string | null = null;
let lastKinds = 0;

/**
 * The kinds (CharacterKind bits) present in `text`. The last answer is kept: the steps of one
 * normalisation ask about the same string one after another.
 */
export function characterKindsIn(text: string): number {
  if (text === lastText) return lastKinds;
  let kinds = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Below U+00A0 only "&" is of a kind: most characters of most texts end here.
    if (code < 0xa0) {
      if (code === 0x26) kinds |= CharacterKind.Ampersand;
      continue;
    }
    const known = kindsByCode[code]!;
    kinds |= known === unknown ? kindsOf(code) : known;
  }
  lastText = text;
  lastKinds = kinds;
  return kinds;
}

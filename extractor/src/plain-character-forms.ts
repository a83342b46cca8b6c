/**
 * Characters the rules read in a plain form: typographic spaces and dashes and the fullwidth plus
 * become their ASCII form, invisible characters (zero-width, word joiner, BOM, soft hyphen) become
 * nothing. One table for text-normalization.ts's typography and invisible-character steps and for
 * the HTML-entity step, which makes a decoded reference as plain as those steps would have (a span
 * one step claimed is not read again by another).
 *
 * It lives apart from text-normalization.ts, which imports the entity step: the step importing it
 * back would make a cycle that breaks whichever module is loaded first.
 */
const plainForms: ReadonlyArray<{ first: number; last: number; plain: string }> = [
  { first: 0x00a0, last: 0x00a0, plain: ' ' },
  { first: 0x1680, last: 0x1680, plain: ' ' },
  { first: 0x2000, last: 0x200a, plain: ' ' },
  { first: 0x202f, last: 0x202f, plain: ' ' },
  { first: 0x205f, last: 0x205f, plain: ' ' },
  { first: 0x3000, last: 0x3000, plain: ' ' },
  { first: 0x2010, last: 0x2015, plain: '-' },
  { first: 0x2212, last: 0x2212, plain: '-' },
  { first: 0xfe58, last: 0xfe58, plain: '-' },
  { first: 0xfe63, last: 0xfe63, plain: '-' },
  { first: 0xff0d, last: 0xff0d, plain: '-' },
  { first: 0xff0b, last: 0xff0b, plain: '+' },
  { first: 0x200b, last: 0x200d, plain: '' },
  { first: 0x2060, last: 0x2060, plain: '' },
  { first: 0xfeff, last: 0xfeff, plain: '' },
  { first: 0x00ad, last: 0x00ad, plain: '' },
];

const plainFormByCode = new Map<number, string>();
for (const { first, last, plain } of plainForms) {
  for (let code = first; code <= last; code++) plainFormByCode.set(code, plain);
}

/** The plain form of a UTF-16 code unit ("" for an invisible character), or null when it is plain already. */
export function plainCharacterForm(code: number): string | null {
  return plainFormByCode.get(code) ?? null;
}

const escaped = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const characterClass = (ranges: typeof plainForms): string =>
  `[${ranges.map(({ first, last }) => (first === last ? escaped(first) : `${escaped(first)}-${escaped(last)}`)).join('')}]`;

/** Every character with a visible plain form (spaces, dashes, plus): one native scan finds them all. */
export const typographicCharacters = new RegExp(characterClass(plainForms.filter((form) => form.plain !== '')), 'g');
/** Every character whose plain form is nothing. */
export const invisibleCharacters = new RegExp(characterClass(plainForms.filter((form) => form.plain === '')), 'g');

import type { TextNormalizationStep, TextReplacement } from '../text-normalization.js';
import { CharacterKind, characterKindsIn } from '../character-kinds.js';
import { plainCharacterForm } from '../plain-character-forms.js';
import { digitAt } from './digit-characters.js';
import { namedHtmlEntities } from './html-entities-data.js';

/**
 * HTML character references left in plain text ("&#97;nna&#64;example&#46;com", "anna&commat;
 * example&period;com", "&#x40;"): batch input and scraped text fields often carry them, and ads use
 * them to hide addresses from scrapers that do not decode. Numeric references may omit the ";" as
 * browsers allow; named ones need it. What a reference decodes to is made plain the way the other
 * steps would have (spaces, dashes, invisible characters), since a claimed span is not read again.
 */
const reference = /&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

export const htmlEntityStep: TextNormalizationStep = {
  name: 'normalize:html-entities',
  obfuscation: true,
  findReplacements(raw) {
    const out: TextReplacement[] = [];
    // Most texts hold no "&" (character-kinds.ts, asked by the other steps too).
    if (!(characterKindsIn(raw) & CharacterKind.Ampersand)) return out;
    for (const m of raw.matchAll(reference)) {
      const decoded = m[3] !== undefined ? namedHtmlEntities[m[3]] : codePointText(m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2]!, 16));
      if (decoded === undefined) continue;
      out.push({ start: m.index, end: m.index + m[0].length, replacement: plainCharacter(decoded) });
    }
    return out;
  },
};

function codePointText(codePoint: number): string | undefined {
  if (codePoint <= 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
  return String.fromCodePoint(codePoint);
}

/**
 * What the other steps would have made of the decoded text: the digit for a digit of any form
 * (digit-characters.ts: "&#x0667;" is an Arabic-Indic 7), the plain form for a space, dash, plus or
 * invisible character (plain-character-forms.ts).
 */
function plainCharacter(decoded: string): string {
  const digit = digitAt(decoded, 0);
  if (digit !== null && digit.length === decoded.length) return digit.digits;
  if (decoded.length !== 1) return decoded;
  return plainCharacterForm(decoded.charCodeAt(0)) ?? decoded;
}

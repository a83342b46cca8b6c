import type { TextNormalizationStep, TextReplacement } from '../text-normalization.js';
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
    // Most texts hold no "&": one indexOf and done.
    if (raw.indexOf('&') === -1) return out;
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

/** The same plain forms the typography, invisible-character and fullwidth-digit steps produce. */
function plainCharacter(text: string): string {
  if (text.length !== 1) return text;
  const code = text.charCodeAt(0);
  if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) return ' ';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63 || code === 0xff0d) return '-';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xad) return '';
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (code === 0xff0b) return '+';
  return text;
}

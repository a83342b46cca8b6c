import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indicator } from '@indicia/core';
import { extractIndicators } from '../extract-indicators.js';
import { normalizeText } from '../text-normalization.js';

const phonesIn = (text: string, defaultCountry = 'US'): Indicator[] =>
  extractIndicators(text, { captureId: 't', source: 'text', defaultCountry }).filter((i) => i.type === 'phone');

/** Asserts one phone with this value whose first occurrence is exactly `raw` (offsets checked too). */
function assertPhone(text: string, value: string, raw: string, options: { defaultCountry?: string; rule?: string } = {}): void {
  const phones = phonesIn(text, options.defaultCountry);
  assert.deepEqual(phones.map((p) => p.value), [value], text);
  const provenance = phones[0]!.provenance[0]!;
  assert.equal(provenance.raw, raw, text);
  assert.equal(text.slice(provenance.start, provenance.end), raw, text);
  assert.equal(provenance.start, text.indexOf(raw), text);
  assert.equal(provenance.obfuscated, true, text);
  assert.ok(provenance.rules.includes(options.rule ?? 'deobfuscate:number-words'), `${text}: ${provenance.rules.join(',')}`);
}

/** Digit words 0..9 as ads write them, accents and all (typed here independently of the word lists). */
const wordsByLanguage: Record<string, string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  es: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  it: ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'],
  pt: ['zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
  ro: ['zero', 'unu', 'doi', 'trei', 'patru', 'cinci', 'șase', 'șapte', 'opt', 'nouă'],
  nl: ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'],
  pl: ['zero', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'],
  ru: ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  uk: ['нуль', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
};
/** Two fictional NANP numbers that between them use every digit. */
const numbers = ['7025550146', '2135550189'];
const spell = (digits: string, words: string[], joiner: string): string => [...digits].map((d) => words[Number(d)]!).join(joiner);

describe('number words step', () => {
  for (const [language, words] of Object.entries(wordsByLanguage)) {
    it(`reads ${language} digit words spaced, run together and in any case`, () => {
      for (const digits of numbers) {
        const value = `+1${digits}`;
        const spaced = spell(digits, words, ' ');
        assertPhone(`Call ${spaced} tonight`, value, spaced);
        const together = spell(digits, words, '');
        assertPhone(`Call ${together}!`, value, together);
        const shouting = spaced.toUpperCase();
        assertPhone(`CALL ${shouting}`, value, shouting);
      }
    });
  }

  it('reads words run together and mixed with digits, in mixed case', () => {
    assertPhone('text me: six02 twotwoeight fouronenine2 xx', '+16022284192', 'six02 twotwoeight fouronenine2');
    assertPhone('Call sevenZEROtwo 555 0one4SIX', '+17025550146', 'sevenZEROtwo 555 0one4SIX');
    assertPhone('Ring 0seven700 9OO1two3 now', '+447700900123', '0seven700 9OO1two3', { defaultCountry: 'GB' });
  });

  it('reads number words with invisible characters slipped inside them', () => {
    assertPhone('call sev\u00aden zero two five five five zero one four six', '+17025550146', 'sev\u00aden zero two five five five zero one four six');
    assertPhone('call seven ze\u200bro two five five five zero one four six', '+17025550146', 'seven ze\u200bro two five five five zero one four six');
  });

  it('reads "oh", "double" and "triple" inside a run', () => {
    assertPhone('seven oh two triple five oh one four six', '+17025550146', 'seven oh two triple five oh one four six');
    assertPhone('702 triple 5 0146', '+17025550146', '702 triple 5 0146');
    assertPhone('two one three double five five oh one eight nine', '+12135550189', 'two one three double five five oh one eight nine');
  });

  it('reads Chinese numerals, including the financial forms', () => {
    assertPhone('电话：一三八一二三四五六七八', '+8613812345678', '一三八一二三四五六七八', { defaultCountry: 'CN', rule: 'deobfuscate:chinese-numerals' });
    assertPhone('电话 壹叁捌 1234 伍陆柒捌', '+8613812345678', '壹叁捌 1234 伍陆柒捌', { defaultCountry: 'CN', rule: 'deobfuscate:chinese-numerals' });
    assertPhone('138 〇〇两两 五六七八', '+8613800225678', '138 〇〇两两 五六七八', { defaultCountry: 'CN', rule: 'deobfuscate:chinese-numerals' });
  });

  it('reads O/o as 0 and l/I as 1 only inside a numeric run', () => {
    assertPhone('Call 7O2 555 Ol46 today', '+17025550146', '7O2 555 Ol46', { rule: 'deobfuscate:letter-digits' });
    assertPhone('2I3-555-O189', '+12135550189', '2I3-555-O189', { rule: 'deobfuscate:letter-digits' });
    const prose = 'I saw Ollie and Iola, lol. Room 2O4.';
    assert.equal(normalizeText(prose).text, prose);
  });

  it('leaves ordinary words alone, even number words outside a run', () => {
    const text = 'Someone often said the tone of Seven Dials is one night and ten minutes; six of one, half a dozen. Sept 2024. Un café, um beijo, een kus, opt ore.';
    assert.equal(normalizeText(text).text, text);
    assert.deepEqual(phonesIn(text), []);
  });

  it('does not fold a lone number word into the digits beside it', () => {
    const text = 'I have one 702 555 0146 and room two 213 555 0189 one time';
    const phones = phonesIn(text);
    assert.deepEqual(phones.map((p) => p.provenance[0]!.raw), ['702 555 0146', '213 555 0189']);
    assert.ok(phones.every((p) => p.provenance[0]!.obfuscated === false));
    assert.equal(normalizeText('12 sept 2024 and 01 2 3 4 5').text, '12 sept 2024 and 01 2 3 4 5');
  });

  it('does not read words across a line break', () => {
    assert.deepEqual(phonesIn('seven zero two five\nfive five zero one four six'), []);
  });
});

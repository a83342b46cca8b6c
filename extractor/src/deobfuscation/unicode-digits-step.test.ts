import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from '../extract-indicators.js';
import { normalizeText } from '../text-normalization.js';
import { digitAt } from './digit-characters.js';

/** "7025550146" in the given characters for 0..9. */
const write = (zeroToNine: string[]): string => [...'7025550146'].map((d) => zeroToNine[Number(d)]!).join('');
const fromCodePoints = (zero: number): string[] => Array.from({ length: 10 }, (_, d) => String.fromCodePoint(zero + d));
const fromOne = (one: number, zero: string): string[] => [zero, ...Array.from({ length: 9 }, (_, d) => String.fromCodePoint(one + d))];

const families: Array<[string, string[]]> = [
  ['fullwidth', fromCodePoints(0xff10)],
  ['Arabic-Indic', fromCodePoints(0x660)],
  ['Extended Arabic-Indic (Persian)', fromCodePoints(0x6f0)],
  ['Devanagari', fromCodePoints(0x966)],
  ['Bengali', fromCodePoints(0x9e6)],
  ['Thai', fromCodePoints(0xe50)],
  ['Myanmar', fromCodePoints(0x1040)],
  ['mathematical bold', fromCodePoints(0x1d7ce)],
  ['mathematical double-struck', fromCodePoints(0x1d7d8)],
  ['mathematical sans-serif bold', fromCodePoints(0x1d7ec)],
  ['mathematical monospace', fromCodePoints(0x1d7f6)],
  ['segmented (legacy computing)', fromCodePoints(0x1fbf0)],
  ['circled', fromOne(0x2460, '⓪')],
  ['negative circled', fromOne(0x2776, '⓿')],
  ['dingbat circled sans-serif', fromOne(0x2780, '🄋')],
  ['dingbat negative circled sans-serif', fromOne(0x278a, '🄌')],
  ['double circled', fromOne(0x24f5, '⓪')],
  ['parenthesised', fromOne(0x2474, '0')],
  ['full stop', fromOne(0x2488, '🄀')],
  ['digit comma', fromCodePoints(0x1f101)],
  ['superscript', ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']],
  ['subscript', fromCodePoints(0x2080)],
  ['emoji keycaps', Array.from({ length: 10 }, (_, d) => `${d}\ufe0f\u20e3`)],
  ['keycaps without U+FE0F', Array.from({ length: 10 }, (_, d) => `${d}\u20e3`)],
];

describe('unicode digits step', () => {
  for (const [family, digits] of families) {
    it(`reads ${family} digits with exact UTF-16 offsets`, () => {
      const written = write(digits);
      const text = `Call ☎ ${written} now`;
      const [phone, ...rest] = extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' });
      assert.equal(rest.length, 0);
      assert.equal(phone?.value, '+17025550146');
      const p = phone!.provenance[0]!;
      assert.equal(p.start, text.indexOf(written));
      assert.equal(p.end, text.indexOf(written) + written.length);
      assert.equal(p.raw, written);
      assert.equal(p.obfuscated, true);
      assert.ok(p.rules.some((r) => r === 'deobfuscate:unicode-digits' || r === 'deobfuscate:emoji-keycaps'), p.rules.join(','));
    });
  }

  it('reads digit forms mixed with ASCII digits and separators', () => {
    const text = 'Tel: ⑦0② ５𝟓5-０١٤６ or +⁴⁴ 7700 900 123';
    const phones = extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' });
    assert.deepEqual(phones.map((p) => [p.value, p.provenance[0]!.raw]), [
      ['+17025550146', '⑦0② ５𝟓5-０١٤６'],
      ['+447700900123', '+⁴⁴ 7700 900 123'],
    ]);
  });

  it('reads digits of any form written as HTML character references', () => {
    const text = 'call &#x0667;02 555 0123';
    const phones = extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' }).filter((i) => i.type === 'phone');
    assert.deepEqual(phones.map((p) => [p.value, p.provenance[0]!.raw]), [['+17025550123', '&#x0667;02 555 0123']]);
    assert.ok(phones[0]!.provenance[0]!.rules.includes('normalize:html-entities'));
    assert.equal(normalizeText('&#x1D7D5;&#8209;&#xFF0B;&shy;&nbsp;').text, '7-+ ');
  });

  it('reads 🔟 as 10 and names keycaps as their own rule', () => {
    assert.equal(normalizeText('🔟').text, '10');
    assert.deepEqual(normalizeText('x 7️⃣ y').toRaw(2, 3), { start: 2, end: 5, obfuscated: true, steps: ['deobfuscate:emoji-keycaps'] });
  });

  it('knows what is not a digit', () => {
    for (const text of ['a', '½', 'Ⅻ', '⑩', '٫', '😀', '\u20e3', '']) assert.equal(digitAt(text, 0), null, text);
    assert.deepEqual(digitAt('𝟗', 0), { digits: '9', length: 2, family: 'unicode-digit' });
    assert.deepEqual(digitAt('x', 5), null);
  });

  it('leaves ASCII text untouched and cheap', () => {
    const text = 'Plain ASCII text with 702 555 0146 in it.';
    assert.equal(normalizeText(text).text, text);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText, type TextNormalizationStep } from './text-normalization.js';

describe('normalizeText', () => {
  it('maps every normalised span back to the raw text', () => {
    const raw = 'a\u2014b\u200bc\u00a0d ７８ e\u00adf';
    const normalized = normalizeText(raw);
    assert.equal(normalized.text, 'a-bc d 78 ef');
    const spanOf = (needle: string): { start: number; end: number } => {
      const start = normalized.text.indexOf(needle);
      return { start, end: start + needle.length };
    };
    const cases: Array<[string, string, boolean]> = [
      ['a-b', 'a\u2014b', false],
      ['bc', 'b\u200bc', true],
      ['c d', 'c\u00a0d', false],
      ['78', '７８', true],
      ['ef', 'e\u00adf', true],
      ['a-bc d 78 ef', raw, true],
    ];
    for (const [needle, rawSpan, obfuscated] of cases) {
      const { start, end } = spanOf(needle);
      const span = normalized.toRaw(start, end);
      assert.equal(raw.slice(span.start, span.end), rawSpan, needle);
      assert.equal(span.obfuscated, obfuscated, needle);
    }
  });

  it('maps unchanged text to itself', () => {
    const normalized = normalizeText('call 702 555 0123');
    assert.equal(normalized.text, 'call 702 555 0123');
    assert.deepEqual(normalized.toRaw(5, 17), { start: 5, end: 17, obfuscated: false, steps: [] });
  });

  it('takes new steps whose replacements change the length (the seam for de-obfuscation)', () => {
    const numberWords: TextNormalizationStep = {
      name: 'normalize:number-words',
      obfuscation: true,
      findReplacements: (raw) => [...raw.matchAll(/seven|zero|two/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, replacement: { seven: '7', zero: '0', two: '2' }[m[0]]! })),
    };
    const raw = 'call seven zero two-555';
    const normalized = normalizeText(raw, [numberWords]);
    assert.equal(normalized.text, 'call 7 0 2-555');
    const span = normalized.toRaw(5, 14);
    assert.equal(raw.slice(span.start, span.end), 'seven zero two-555');
    assert.deepEqual(span.steps, ['normalize:number-words']);
    assert.equal(span.obfuscated, true);
  });

  it('reports the rule a replacement names, for steps that make several kinds of edit', () => {
    const digits: TextNormalizationStep = {
      name: 'normalize:digits',
      obfuscation: true,
      findReplacements: () => [
        { start: 0, end: 3, replacement: '7', stepName: 'normalize:digits:keycap' },
        { start: 4, end: 5, replacement: '0' },
      ],
    };
    const raw = '7\ufe0f\u20e3 O2';
    const normalized = normalizeText(raw, [digits]);
    assert.equal(normalized.text, '7 02');
    assert.deepEqual(normalized.toRaw(0, 4), { start: 0, end: 6, obfuscated: true, steps: ['normalize:digits', 'normalize:digits:keycap'] });
    assert.deepEqual(normalized.toRaw(2, 4).steps, ['normalize:digits']);
  });

  it('default steps: digits of any script, then number words inside numeric runs only', () => {
    const raw = 'six０2 two\u00a0２ 88 — one night';
    const normalized = normalizeText(raw);
    assert.equal(normalized.text, '602 2 2 88 - one night');
    const span = normalized.toRaw(0, normalized.text.indexOf(' -'));
    assert.equal(raw.slice(span.start, span.end), 'six０2 two\u00a0２ 88');
    assert.deepEqual(span.steps, ['deobfuscate:number-words', 'deobfuscate:unicode-digits', 'normalize:typography']);
  });
});

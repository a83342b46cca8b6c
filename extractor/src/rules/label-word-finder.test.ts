import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWordCharAt } from '../text-boundaries.js';
import { canonicalCaseCode, isWordCharCode } from '../word-char-codes.js';
import { handleLabels } from '../handle-labels-data.js';
import { LabelWordFinder } from './label-word-finder.js';

const words = [...new Set(handleLabels.flatMap((l) => [...l.words, ...(l.fieldWords ?? [])]))];
const finder = new LabelWordFinder(words);

/** What the rule did before the finder: a global alternation, longest first, kept where no letter or digit comes before. */
function byAlternation(text: string): Array<[number, number, string]> {
  const escaped = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]?'));
  const found: Array<[number, number, string]> = [];
  for (const m of text.matchAll(new RegExp(escaped.join('|'), 'gi'))) {
    if (!isWordCharAt(text, m.index - 1)) found.push([m.index, m.index + m[0].length, m[0]]);
  }
  return found;
}

const texts = [
  'Telegram: @anna_x | WhatsApp +44 7700 900123',
  'msg me tg @anna, WHATS APP only, whats\tapp too, whatsapp2 no',
  'LINE ID: anna_x; line idea; Line App; lineid; aline idx; line id2',
  'Телеграм: @anna | ТЕЛЕГРАММА | вацап 0412 | 微信: anna_x1 | 加微信 anna | ไลน์: anna | ライン anna',
  'x: annax, X= anna, tiktok/TikTok/tik tok/tik  tok, only fans, OnlyFans, ofx, of',
  '𝐀telegram: @x and snapchatsnap, insta@x, «signal» (skype) [kik]',
  '',
  'telegram',
];

describe('LabelWordFinder', () => {
  for (const text of texts) {
    it(`finds what the alternation finds at word starts in ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepEqual(finder.find(text).map((m) => [m.start, m.end, m.written]), byAlternation(text));
    });
  }

  it('reports a multi-word label as one match even when a word runs on after it', () => {
    // "line id2": the alternation takes "line id", so "line" alone is not reported.
    assert.deepEqual(finder.find('line id2').map((m) => m.written), ['line id']);
  });

  it('refuses words whose later part can begin another word', () => {
    assert.throws(() => new LabelWordFinder(['line id', 'idx']), /can run into/);
    assert.throws(() => new LabelWordFinder(['we chat', 'chat']), /can run into/);
  });
});

describe('word character codes', () => {
  it('agree with isWordCharAt on every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      assert.equal(isWordCharCode(code), isWordCharAt(String.fromCharCode(code), 0), `U+${code.toString(16)}`);
    }
  });

  it('fold case as a case-insensitive regex without the u flag does', () => {
    for (const [a, b] of [['a', 'A'], ['é', 'É'], ['т', 'Т'], ['ς', 'Σ']]) assert.equal(canonicalCaseCode(a!.charCodeAt(0)), canonicalCaseCode(b!.charCodeAt(0)));
    // Non-ASCII never folds onto ASCII: the Kelvin sign is no "k", the long s no "s".
    assert.notEqual(canonicalCaseCode(0x212a), canonicalCaseCode('k'.charCodeAt(0)));
    assert.notEqual(canonicalCaseCode(0x17f), canonicalCaseCode('s'.charCodeAt(0)));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractBatchRecord } from '../batch-record.js';

const phonesOf = (html: string, country = 'US'): Array<{ value: string; raw: string; start: number; end: number }> =>
  extractBatchRecord({ id: 'r1', text: '', html, country })
    .indicators.filter((i) => i.type === 'phone')
    .map(({ value, raw, start, end }) => ({ value, raw, start, end }));

describe('digits split across HTML elements', () => {
  it('joins digits that inline elements split, with offsets into the HTML', () => {
    const html = '<p>Call <span>702</span><span>555</span>0146 tonight</p>';
    const [phone, ...rest] = phonesOf(html);
    assert.equal(rest.length, 0);
    assert.equal(phone?.value, '+17025550146');
    assert.equal(phone!.raw, '702</span><span>555</span>0146');
    assert.equal(html.slice(phone!.start, phone!.end), phone!.raw);
  });

  it('reads number words and odd digits split across inline elements', () => {
    const html = '<div>Txt <b>seven</b>0<i>two</i> <em>５５５</em>*0one4six</div>';
    assert.deepEqual(phonesOf(html).map((p) => p.value), ['+17025550146']);
  });

  it('keeps numbers in separate blocks or lines apart', () => {
    assert.deepEqual(phonesOf('<p>702 555</p><p>0146</p>'), []);
    assert.deepEqual(phonesOf('<div>702 555<br>0146</div>'), []);
    assert.deepEqual(phonesOf('<ul><li>213 555 0189</li><li>2024</li></ul>').map((p) => p.value), ['+12135550189']);
  });
});

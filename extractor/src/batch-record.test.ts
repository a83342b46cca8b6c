import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractBatchRecord, parseBatchRecord, type BatchRecord } from './batch-record.js';
import { locateInHtml } from './html-span-locator.js';

function record(line: string): BatchRecord {
  const parsed = parseBatchRecord(line);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed.record;
}

describe('extractBatchRecord: text', () => {
  it('gives one entry per distinct indicator, with the first occurrence and keys in contract order', () => {
    const text = 'Call (702) 555-0134 or write anna@example.com. Again: 702.555.0134';
    const out = extractBatchRecord(record(JSON.stringify({ id: 'ad-1', text, country: 'US' })));
    assert.equal(out.id, 'ad-1');
    assert.deepEqual(Object.keys(out), ['id', 'indicators']);
    assert.deepEqual(
      out.indicators.map((i) => [i.type, i.value]),
      [['phone', '+17025550134'], ['email', 'anna@example.com']],
    );
    const phone = out.indicators[0]!;
    assert.deepEqual(Object.keys(phone), ['type', 'value', 'raw', 'start', 'end']);
    assert.equal(phone.raw, '(702) 555-0134');
    assert.equal(text.slice(phone.start, phone.end), phone.raw);
    assert.equal(phone.start, 5);
  });

  it('puts platform before raw for handles', () => {
    const out = extractBatchRecord(record(JSON.stringify({ id: 'h', text: 'Telegram: https://t.me/anna_example' })));
    const handle = out.indicators.find((i) => i.type === 'handle');
    assert.ok(handle, JSON.stringify(out));
    assert.deepEqual(Object.keys(handle), ['type', 'value', 'platform', 'raw', 'start', 'end']);
  });
});

describe('extractBatchRecord: country', () => {
  const text = 'Call 702 555 0134';
  it('reads national numbers only with a country: the record\'s, else the default', () => {
    assert.deepEqual(extractBatchRecord(record(JSON.stringify({ id: 'a', text }))).indicators, []);
    assert.equal(extractBatchRecord(record(JSON.stringify({ id: 'a', text })), { defaultCountry: 'US' }).indicators[0]?.value, '+17025550134');
    assert.equal(extractBatchRecord(record(JSON.stringify({ id: 'a', text, country: 'us' }))).indicators[0]?.value, '+17025550134');
  });

  it('prefers the record\'s country over the default', () => {
    const uk = '07700 900123';
    assert.equal(extractBatchRecord(record(JSON.stringify({ id: 'a', text: uk, country: 'GB' })), { defaultCountry: 'US' }).indicators[0]?.value, '+447700900123');
  });
});

describe('extractBatchRecord: size caps', () => {
  it('reads text and html up to their caps and says so, never beyond', () => {
    const text = `Call +1 702 555 0134. ${'x'.repeat(100)} Mail anna@example.com`;
    const cut = extractBatchRecord(record(JSON.stringify({ id: 't', text })), { maxTextChars: 60 });
    assert.deepEqual(cut, { id: 't', indicators: [{ type: 'phone', value: '+17025550134', raw: '+1 702 555 0134', start: 5, end: 20 }], truncated: true });
    const whole = extractBatchRecord(record(JSON.stringify({ id: 't', text })));
    assert.equal(whole.truncated, undefined, 'the key is absent when nothing was cut');
    assert.equal(whole.indicators.length, 2);
    const html = `<p>+1 702 555 0134</p>${'<p>filler</p>'.repeat(20)}<p>anna@example.com</p>`;
    const cutHtml = extractBatchRecord(record(JSON.stringify({ id: 'h', text: '', html })), { maxHtmlChars: 100 });
    assert.deepEqual([cutHtml.indicators.map((i) => i.value), cutHtml.truncated], [['+17025550134'], true]);
  });
});

describe('extractBatchRecord: html', () => {
  it('adds indicators found only in the html, with offsets into the html string', () => {
    const html = '<html><body><p>Call <b>(702)</b> 555-0134</p><div hidden>(702) 555-0199</div><a href="mailto:anna@example.com">mail</a></body></html>';
    const out = extractBatchRecord(record(JSON.stringify({ id: 'p', text: 'no contact here', country: 'US', html })));
    assert.deepEqual(
      out.indicators.map((i) => [i.type, i.value]),
      [['phone', '+17025550134'], ['email', 'anna@example.com']],
    );
    for (const indicator of out.indicators) assert.equal(html.slice(indicator.start, indicator.end), indicator.raw);
    assert.equal(out.indicators[0]!.raw, '(702)</b> 555-0134');
  });

  it('keeps the text occurrence when text and html hold the same indicator', () => {
    const text = 'Mail anna@example.com';
    const html = '<p>x</p><p>anna@example.com</p>';
    const out = extractBatchRecord(record(JSON.stringify({ id: 'p', text, html })));
    assert.equal(out.indicators.length, 1);
    assert.equal(out.indicators[0]!.start, 5);
  });

  it('locates entity-encoded text in the html source', () => {
    const html = '<p>anna&#64;example.com</p>';
    assert.deepEqual(locateInHtml(html, 'anna@example.com'), { start: 3, end: html.length - 4 });
    assert.equal(locateInHtml(html, 'bob@example.com'), null);
  });
});

describe('parseBatchRecord: bad records', () => {
  const reasonOf = (line: string): string => {
    const parsed = parseBatchRecord(line);
    assert.equal(parsed.ok, false, line);
    return parsed.ok ? '' : parsed.reason;
  };

  it('names why a line is not a record', () => {
    assert.equal(reasonOf('Call (702) 555-0134'), 'not JSON', 'the reason never quotes the line: it may hold personal data');
    assert.match(reasonOf('[1, 2]'), /not a JSON object/);
    assert.match(reasonOf('"text"'), /not a JSON object/);
    assert.match(reasonOf('{"text": "x"}'), /^id: /);
    assert.match(reasonOf('{"id": "a"}'), /^text: /);
    assert.match(reasonOf('{"id": 7, "text": "x"}'), /^id: /);
    assert.match(reasonOf('{"id": "a", "text": "x", "html": 3}'), /^html: /);
    assert.match(reasonOf('{"id": "a", "text": "x", "country": "USA"}'), /^country: /);
    assert.match(reasonOf('{"id": "a", "text": "x", "country": "ZZ"}'), /^country: /);
  });

  it('accepts extra keys', () => {
    assert.equal(parseBatchRecord('{"id": "a", "text": "x", "source": "corpus-1"}').ok, true);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from '../extract-indicators.js';
import { urlTextRule } from './url-text-rule.js';

describe('urlTextRule', () => {
  it('gives a url and a domain indicator over the same span', () => {
    const text = 'More pics: https://Anna-VIP.example/gallery#top';
    const start = text.indexOf('https');
    assert.deepEqual(urlTextRule.find({ text, defaultCountry: null }), [
      { type: 'url', value: 'https://anna-vip.example/gallery', start, end: text.length, rules: ['url:text', 'web-address:scheme'] },
      { type: 'domain', value: 'anna-vip.example', start, end: text.length, rules: ['domain:text', 'web-address:scheme'] },
    ]);
  });

  it('gives only a domain for a bare name, and marks defanged names obfuscated', () => {
    assert.deepEqual(urlTextRule.find({ text: 'site: anna[.]example', defaultCountry: null }), [
      { type: 'domain', value: 'anna.example', start: 6, end: 20, obfuscated: true, rules: ['domain:text', 'web-address:bare', 'web-address:defanged'] },
    ]);
  });

  it('leaves the domains of disguised emails to the email rule, whatever stands for the "at"', () => {
    for (const text of ['anna (arroba) annavip.com', 'anna -at- annavip.com']) {
      assert.deepEqual(urlTextRule.find({ text, defaultCountry: null }), [], text);
      const indicators = extractIndicators(text, { captureId: 'c1', source: 'text' });
      assert.deepEqual(indicators.map((i) => [i.type, i.value]), [['email', 'anna@annavip.com']], text);
    }
    assert.deepEqual(urlTextRule.find({ text: 'anna (arroba) annavip.com, pics at bella-vip.example', defaultCountry: null }).map((m) => m.value), ['bella-vip.example']);
  });

  it('leaves messenger and profile hosts to the handle rules', () => {
    const text = 'https://t.me/anna_x wa.me/17025550123 instagram.com/anna.x https://www.instagram.com/p/abc https://chat.whatsapp.com/x ID：42587104snapchat.com/add/tina_x 服务周到。89-64-96telegram.me/alina_x';
    assert.deepEqual(urlTextRule.find({ text, defaultCountry: null }), []);
  });
});

describe('urls and domains through extractIndicators', () => {
  it('maps spans to the raw text and keeps email domains out', () => {
    const text = 'Write anna@mail.example or see\u00a0www.anna‑vip.example/pics\u200b today';
    const indicators = extractIndicators(text, { captureId: 'c1', source: 'text' }).filter((i) => i.type === 'url' || i.type === 'domain');
    assert.deepEqual(
      indicators.map((i) => ({ type: i.type, value: i.value, raw: i.provenance[0]!.raw, start: i.provenance[0]!.start })),
      [
        { type: 'url', value: 'http://www.anna-vip.example/pics', raw: 'www.anna‑vip.example/pics', start: text.indexOf('www') },
        { type: 'domain', value: 'anna-vip.example', raw: 'www.anna‑vip.example/pics', start: text.indexOf('www') },
      ],
    );
  });

  it('reads http(s) hrefs with the link rule', () => {
    const indicators = extractIndicators(' https://Anna.example/a?b=1 ', { captureId: 'c1', source: 'html-attr', attribute: 'href' });
    assert.deepEqual(
      indicators.map((i) => [i.type, i.value, i.provenance[0]!.start, i.provenance[0]!.end, i.provenance[0]!.rules]),
      [
        ['url', 'https://anna.example/a?b=1', 1, 27, ['url:link']],
        ['domain', 'anna.example', 1, 27, ['domain:link']],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Indicator } from '@indicia/core';
import { extractIndicators } from './extract-indicators.js';

const inText = (text: string, defaultCountry?: string): Indicator[] =>
  extractIndicators(text, { captureId: 'capture-1', source: 'text', ...(defaultCountry ? { defaultCountry } : {}) });
const values = (indicators: Indicator[], type: string): string[] => indicators.filter((i) => i.type === type).map((i) => i.value);

function assertOffsetsPointAtRaw(text: string, indicators: Indicator[]): void {
  for (const indicator of indicators) {
    for (const p of indicator.provenance) assert.equal(text.slice(p.start, p.end), p.raw, `${indicator.type} ${indicator.value}`);
  }
}

describe('extractIndicators: phones in text', () => {
  it('finds national numbers with the default country and international ones without', () => {
    const text = 'Call (702) 555-0123 or 213.555.0145; abroad +44 7700 900123 or 0061 491 570 156.';
    assert.deepEqual(values(inText(text, 'US'), 'phone'), ['+17025550123', '+12135550145', '+447700900123', '+61491570156']);
    assert.deepEqual(values(inText(text), 'phone'), ['+447700900123', '+61491570156']);
  });

  it('separates a number from the price right after it (libphonenumber alone misses this)', () => {
    assert.deepEqual(values(inText('(702) 555-0123 200/hr', 'US'), 'phone'), ['+17025550123']);
    assert.deepEqual(values(inText('702-555-0123 / 702-555-0145', 'US'), 'phone'), ['+17025550123', '+17025550145']);
  });

  it('does not take dates, prices, years or ids for phones', () => {
    const text = 'Posted 2024-05-12, 12/05/2024 and 12.05.2024. Price $7025550123 or 7025550124 USD. Years 1998 2024. Ad ID: 7025550125. Ref #7025550126. Amount 1.000.000. Code AB7025550127.';
    assert.deepEqual(values(inText(text, 'US'), 'phone'), []);
  });

  it('offsets index the exact raw text, also through typography and invisible characters', () => {
    const text = 'Ring 702\u2011555\u20110123 now, or 702\u200b555\u200b0145, fullwidth ７０２５５５０１９９.';
    const indicators = inText(text, 'US');
    assert.deepEqual(values(indicators, 'phone'), ['+17025550123', '+17025550145', '+17025550199']);
    assertOffsetsPointAtRaw(text, indicators);
    const [typographic, zeroWidth, fullwidth] = indicators;
    assert.equal(typographic!.provenance[0]!.obfuscated, false);
    assert.ok(typographic!.provenance[0]!.rules.includes('normalize:typography'));
    assert.equal(zeroWidth!.provenance[0]!.obfuscated, true);
    assert.equal(fullwidth!.provenance[0]!.raw, '７０２５５５０１９９');
    assert.equal(fullwidth!.provenance[0]!.obfuscated, true);
  });

  it('deduplicates one number written several ways, keeping every occurrence', () => {
    const text = 'Call 702-555-0123. Again: (702) 555 0123 or +1 702 555 0123.';
    const indicators = inText(text, 'US');
    assert.equal(indicators.length, 1);
    assert.deepEqual(indicators[0]!.provenance.map((p) => p.raw), ['702-555-0123', '(702) 555 0123', '+1 702 555 0123']);
    assertOffsetsPointAtRaw(text, indicators);
  });
});

describe('extractIndicators: emails and handles in text', () => {
  it('finds emails, lowercased, IDN in punycode, without trailing punctuation', () => {
    const text = 'Write to Anna.Vegas@Example.com. Or kontakt@bücher.example, or (bella@example.org).';
    const indicators = inText(text);
    assert.deepEqual(values(indicators, 'email'), ['anna.vegas@example.com', 'kontakt@xn--bcher-kva.example', 'bella@example.org']);
    assertOffsetsPointAtRaw(text, indicators);
    assert.equal(indicators[0]!.provenance[0]!.raw, 'Anna.Vegas@Example.com');
  });

  it('finds handles only where the platform is explicit', () => {
    const text = 'Telegram: @Anna_Vegas · t.me/bella_vegas · Snap: chloe.x · Kik - daria99 · IG @eva.vegas · instagram.com/fiona.v · twitter.com/GinaV · tiktok.com/@hana.v · onlyfans.com/iris-v · just @random_name · WhatsApp: +44 7700 900123';
    const handles = inText(text).filter((i) => i.type === 'handle').map((i) => `${i.platform}:${i.value}`);
    assert.deepEqual(handles.sort(), [
      'instagram:eva.vegas', 'instagram:fiona.v', 'kik:daria99', 'onlyfans:iris-v', 'snapchat:chloe.x',
      'telegram:anna_vegas', 'telegram:bella_vegas', 'tiktok:hana.v', 'twitter:ginav', 'whatsapp:+447700900123',
    ]);
    assertOffsetsPointAtRaw(text, inText(text));
  });

  it('takes a wa.me link in text as both a WhatsApp handle and a phone', () => {
    const indicators = inText('Chat: wa.me/447700900123');
    assert.deepEqual(indicators.map((i) => `${i.type}:${i.platform ?? ''}:${i.value}`), ['handle:whatsapp:+447700900123', 'phone::+447700900123']);
  });
});

describe('extractIndicators: link targets', () => {
  const inHref = (href: string, defaultCountry?: string): Indicator[] =>
    extractIndicators(href, { captureId: 'capture-1', source: 'html-attr', attribute: 'href', ...(defaultCountry ? { defaultCountry } : {}) });

  it('reads tel:, sms:, mailto: and WhatsApp links with offsets into the href', () => {
    const cases: Array<[string, string, string, string]> = [
      ['tel:+1-702-555-0123', 'phone', '+17025550123', '+1-702-555-0123'],
      ['tel:7025550123;ext=2', 'phone', '+17025550123', '7025550123'],
      ['sms:+447700900123?body=hi', 'phone', '+447700900123', '+447700900123'],
      ['tel:%2B61%20491%20570%20156', 'phone', '+61491570156', '%2B61%20491%20570%20156'],
      ['mailto:Anna@Example.com?subject=Hi', 'email', 'anna@example.com', 'Anna@Example.com'],
      ['https://api.whatsapp.com/send?phone=447700900123', 'phone', '+447700900123', '447700900123'],
    ];
    for (const [href, type, value, raw] of cases) {
      const found = inHref(href, 'US').find((i) => i.type === type);
      assert.equal(found?.value, value, href);
      const p = found!.provenance[0]!;
      assert.equal(p.source, 'html-attr');
      assert.equal(p.attribute, 'href');
      assert.equal(href.slice(p.start, p.end), raw, href);
      assert.equal(p.raw, raw);
    }
  });

  it('reads several mailto: recipients', () => {
    assert.deepEqual(values(inHref('mailto:a@example.com,%20b@example.org'), 'email'), ['a@example.com', 'b@example.org']);
  });

  it('reads an ordinary link as a url and its domain, never as a phone', () => {
    assert.deepEqual(inHref('https://example.com/ads/7025550123').map((i) => [i.type, i.value]), [['url', 'https://example.com/ads/7025550123'], ['domain', 'example.com']]);
    assert.deepEqual(inHref('/contact'), []);
  });
});

describe('extractIndicators: OCR text', () => {
  it('reads OCR text with the text rules and names the image in the provenance', () => {
    const [phone] = extractIndicators('CALL +44 7700 900123', { captureId: 'capture-1', source: 'ocr', imageSha256: 'ab'.repeat(32) });
    assert.equal(phone?.value, '+447700900123');
    assert.equal(phone?.provenance[0]?.source, 'ocr');
    assert.equal(phone?.provenance[0]?.imageSha256, 'ab'.repeat(32));
  });
});

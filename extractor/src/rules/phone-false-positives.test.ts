import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from '../extract-indicators.js';

const phones = (text: string, defaultCountry: string): Array<[string, string]> =>
  extractIndicators(text, { captureId: 't', source: 'text', defaultCountry })
    .filter((i) => i.type === 'phone')
    .flatMap((i) => i.provenance.map((p): [string, string] => [i.value, p.raw]));

describe('phone separators', () => {
  it('reads every separator and doubled ones as one number, marking odd ones obfuscated', () => {
    const cases: Array<[string, string, boolean]> = [
      ['587*800*2406', '+15878002406', true],
      ['702..555..0146', '+17025550146', true],
      ['702 - 555 - 0146', '+17025550146', false],
      ['(702)555_0146', '+17025550146', true],
      ['702~555~0146', '+17025550146', true],
      ['702|555|0146', '+17025550146', true],
      ["702'555'0146", '+17025550146', true],
      ['702;555;0146', '+17025550146', true],
      ['[702] 555 0146', '+17025550146', true],
      ['702 / 555 / 0146', '+17025550146', false],
      ['702.555.0146', '+17025550146', false],
      ['7 0 2 5 5 5 0 1 4 6', '+17025550146', false],
    ];
    for (const [written, value, obfuscated] of cases) {
      const text = `Call ${written} now`;
      const [phone] = extractIndicators(text, { captureId: 't', source: 'text', defaultCountry: 'US' });
      assert.equal(phone?.value, value, written);
      const p = phone!.provenance[0]!;
      assert.equal(p.raw, written, written);
      assert.equal(p.start, 5, written);
      assert.equal(p.obfuscated, obfuscated, written);
      assert.equal(p.rules.includes('phone:odd-separators'), obfuscated, written);
    }
  });

  it('keeps numbers on two lines apart', () => {
    assert.deepEqual(phones('702 555\n0146 213 555 0189', 'US'), [['+12135550189', '213 555 0189']]);
  });
});

describe('phone false positives', () => {
  const distractors: Array<[string, string]> = [
    ['dates', 'Posted 12.03.2024, on 2024-03-12, 12/03/2024, 12 03 2024 and 2024 03 12.'],
    ['times', 'Open 10:30-22:00, 10.00-22.00 and 9.30 - 21.30 daily.'],
    ['prices', 'Rates 200 EUR, €200/hr, 1.500 zł, 5000 руб, $7025550146, 7025550147 USD, 2135550189/hr, 1.000.000 total.'],
    ['ages', 'Sweet girl 25 y.o., age 25, aged 2135550189, 21 years old.'],
    ['measurements', 'Figure 34-24-36, 90-60-90, 34D-24-36, 100-70-100 cm.'],
    ['heights', 'Height 5\'7", 170 cm, 1.70 m, weight 55 kg.'],
    ['postal codes', 'Las Vegas, NV 89109-1234; 10115 Berlin; zip 2135550189.'],
    ['ids', 'ID: 48213377, Ref 2024-00123, Ad ID: 7025550146, Ad #7025550147, listing: 2135550189, Code AB7025550148.'],
    ['view counts', 'Seen 12345 views, 7025550146 views, 2135550189 просмотров.'],
    ['years', 'Since 2019-2024, years 1998 2024, 2019 - 2024.'],
  ];
  for (const [label, text] of distractors) {
    it(`does not read ${label} as phones (US, GB, DE, PL)`, () => {
      for (const country of ['US', 'GB', 'DE', 'PL']) assert.deepEqual(phones(text, country), [], `${label} in ${country}`);
    });
  }

  it('keeps the true phone beside each distractor', () => {
    const cases: Array<[string, string, string, string]> = [
      ['Call 0491 570 156, 25 y.o.', 'AU', '+61491570156', '0491 570 156'],
      ['Call 0491 570 156 25 y.o.', 'AU', '+61491570156', '0491 570 156'],
      ['age 25 0491 570 156', 'AU', '+61491570156', '0491 570 156'],
      ['34-24-36 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['702-555-0146 200/hr', 'US', '+17025550146', '702-555-0146'],
      ['€200 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['702 555 0146 170 cm', 'US', '+17025550146', '702 555 0146'],
      ['Posted 12.03.2024 702.555.0146', 'US', '+17025550146', '702.555.0146'],
      ['702.555.0146 12.03.2024', 'US', '+17025550146', '702.555.0146'],
      ['ID: 48213377 tel 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['Ref 2024-00123 07700 900123', 'GB', '+447700900123', '07700 900123'],
      ['2019-2024 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['10.00-22.00 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['Phone no. 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['Call about this ad 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['702 555 0146 in Vegas, let me know', 'US', '+17025550146', '702 555 0146'],
      ['12345 views 702 555 0146', 'US', '+17025550146', '702 555 0146'],
      ['Warszawa 501 234 567', 'PL', '+48501234567', '501 234 567'],
      ['Tel. 501-234-567', 'PL', '+48501234567', '501-234-567'],
    ];
    for (const [text, country, value, raw] of cases) assert.deepEqual(phones(text, country), [[value, raw]], text);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePhone } from './phone-normalization.js';

describe('normalizePhone', () => {
  it('reads US numbers in national and international formats', () => {
    for (const input of ['(702) 555-0123', '702-555-0123', '702.555.0123', '702 555 0123', '7025550123', '1-702-555-0123', '+1 702 555 0123', '+1 (702) 555-0123', '+17025550123', '001 702 555 0123', 'tel:+1-702-555-0123']) {
      assert.equal(normalizePhone(input, 'US'), '+17025550123', input);
    }
  });

  it('reads UK numbers, including the drama ranges libphonenumber calls invalid', () => {
    assert.equal(normalizePhone('07700 900123', 'GB'), '+447700900123');
    assert.equal(normalizePhone('+44 7700 900123'), '+447700900123');
    assert.equal(normalizePhone('+44 (0) 7700 900123'), '+447700900123');
    assert.equal(normalizePhone('0044 7700 900123'), '+447700900123');
    assert.equal(normalizePhone('020 7946 0123', 'GB'), '+442079460123');
    assert.equal(normalizePhone('0121 496 0123', 'GB'), '+441214960123');
  });

  it('reads Australian numbers', () => {
    assert.equal(normalizePhone('0491 570 156', 'AU'), '+61491570156');
    assert.equal(normalizePhone('+61 491 570 156'), '+61491570156');
    assert.equal(normalizePhone('+61 (0)491 570 156'), '+61491570156');
  });

  it('reads an international number typed without "+" when no country is given (search input)', () => {
    assert.equal(normalizePhone('447700900123'), '+447700900123');
    assert.equal(normalizePhone('17025550123'), '+17025550123');
  });

  it('needs a country for national formats', () => {
    assert.equal(normalizePhone('(702) 555-0123'), null);
    assert.equal(normalizePhone('07700 900123'), null);
  });

  it('rejects what is not a valid number', () => {
    for (const input of ['', 'call me', '12345', '+1 555 555 0123', '2024-05-12', 'anna@example.com', '+44 7700 9001234567']) {
      assert.equal(normalizePhone(input, 'US'), null, input);
    }
  });

  it('reads the country from the number, not the default, when it has a "+"', () => {
    assert.equal(normalizePhone('+61 491 570 156', 'US'), '+61491570156');
  });
});

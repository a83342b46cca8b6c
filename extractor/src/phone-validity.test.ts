import assert from 'node:assert/strict';
import { test } from 'node:test';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isValidParsedNumber } from './phone-validity.js';

/** A fixed sequence of digits (a linear congruential generator), so every run tests the same numbers. */
function digitSource(seed: number): () => string {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return String(state % 10);
  };
}

/** Numbers near each country's example: the example, a digit changed, one dropped, one added, random ones of its length. */
function numbersNear(example: string, nextDigit: () => string): string[] {
  const changed = example.slice(0, -1) + nextDigit();
  const middle = Math.floor(example.length / 2);
  const altered = example.slice(0, middle) + nextDigit() + example.slice(middle + 1);
  const random = Array.from({ length: example.length }, nextDigit).join('');
  const samePrefix = example.slice(0, 3) + Array.from({ length: example.length - 3 }, nextDigit).join('');
  return [example, changed, altered, example.slice(0, -1), `${example}${nextDigit()}`, random, samePrefix];
}

test('the compiled validity check gives libphonenumber isValid()’s answer, national and international, in every country', () => {
  const nextDigit = digitSource(7);
  const counts = { valid: 0, invalid: 0 };
  const examplesByCountry = examples as Partial<Record<CountryCode, string>>;
  for (const country of getCountries()) {
    const example = examplesByCountry[country];
    if (!example) continue;
    for (const national of numbersNear(example, nextDigit)) {
      for (const [text, options] of [
        [national, { defaultCountry: country, extract: false }],
        [`0${national}`, { defaultCountry: country, extract: false }],
        [`+${getCountryCallingCode(country)}${national}`, { extract: false }],
      ] as const) {
        const parsed = parsePhoneNumberFromString(text, options);
        if (!parsed) continue;
        const expected = parsed.isValid();
        assert.equal(isValidParsedNumber(parsed), expected, `${text} (${country})`);
        counts[expected ? 'valid' : 'invalid']++;
      }
    }
  }
  // Both answers must have come up often, or the comparison proves little.
  assert.ok(counts.valid > 300 && counts.invalid > 300, JSON.stringify(counts));
});

test('a calling code shared by several countries is judged by the plan libphonenumber picks', () => {
  // +1 with no single country for the number (an unassigned NANP area code), +7 Kazakhstan, +44 Jersey.
  for (const text of ['+1 702 555 0123', '+1 999 555 0123', '+7 701 123 4567', '+44 7797 123456', '+44 7700 900123']) {
    const parsed = parsePhoneNumberFromString(text, { extract: false });
    assert.ok(parsed, text);
    assert.equal(isValidParsedNumber(parsed), parsed.isValid(), text);
  }
});

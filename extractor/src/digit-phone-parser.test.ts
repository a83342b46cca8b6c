import assert from 'node:assert/strict';
import { test } from 'node:test';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isDigitCandidate, parseDigitCandidate } from './digit-phone-parser.js';

/** A fixed sequence of digits (a linear congruential generator), so every run tests the same numbers. */
function digitSource(seed: number): () => string {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return String(state % 10);
  };
}

function digits(count: number, nextDigit: () => string): string {
  return Array.from({ length: count }, nextDigit).join('');
}

/** The library's reading, in the parser's terms; null where it finds no number. */
function libraryParse(text: string, defaultCountry: CountryCode | undefined): object | null {
  const parsed = parsePhoneNumberFromString(text, { ...(defaultCountry ? { defaultCountry } : {}), extract: false });
  if (!parsed) return null;
  return { e164: parsed.number, country: parsed.country, countryCallingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber };
}

/** Written forms of one national number of `country`: national, with a trunk 0, international with "+", "00", "011", and without "+". */
function writtenForms(national: string, country: CountryCode): string[] {
  const callingCode = getCountryCallingCode(country);
  return [national, `0${national}`, `+${callingCode}${national}`, `00${callingCode}${national}`, `011${callingCode}${national}`, `${callingCode}${national}`, `+${callingCode}0${national}`];
}

const someDefaults: ReadonlyArray<CountryCode | undefined> = [undefined, 'US', 'GB', 'DE', 'AU', 'RU', 'IN', 'BR', 'IT', 'FR', 'JE', 'CA'];

test('the digit parser reads every written form of numbers of every country as libphonenumber does', () => {
  const nextDigit = digitSource(11);
  const examplesByCountry = examples as Partial<Record<CountryCode, string>>;
  const counts = { numbers: 0, none: 0, countries: new Set<string>() };
  for (const country of getCountries()) {
    const example = examplesByCountry[country];
    if (!example) continue;
    const nationals = [example, example.slice(0, -1) + nextDigit(), [example.slice(0, -1), `${example}${nextDigit()}`][counts.numbers % 2]!, digits(example.length, nextDigit)];
    for (const national of nationals) {
      for (const text of writtenForms(national, country)) {
        for (const defaultCountry of [country, someDefaults[counts.numbers % someDefaults.length]]) {
          const expected = libraryParse(text, defaultCountry);
          assert.deepEqual(parseDigitCandidate(text, defaultCountry), expected, `${text} with default ${defaultCountry}`);
          if (expected) {
            counts.numbers++;
            counts.countries.add((expected as { country?: string }).country ?? '');
          } else counts.none++;
        }
      }
    }
  }
  // Numbers of most countries, and some forms it refuses, or the comparison proves little.
  assert.ok(counts.numbers > 5000 && counts.none > 20 && counts.countries.size > 200, JSON.stringify({ ...counts, countries: counts.countries.size }));
});

test('the digit parser agrees with libphonenumber on random digit strings, short and long, with and without "+"', () => {
  const nextDigit = digitSource(5);
  const outcomes = { numbers: 0, none: 0 };
  for (let i = 0; i < 3000; i++) {
    const length = 1 + (i % 21);
    const text = `${i % 3 === 0 ? '+' : ''}${digits(length, nextDigit)}`;
    const defaultCountry = someDefaults[i % someDefaults.length];
    const expected = libraryParse(text, defaultCountry);
    assert.deepEqual(parseDigitCandidate(text, defaultCountry), expected, `${text} with default ${defaultCountry}`);
    outcomes[expected ? 'numbers' : 'none']++;
  }
  assert.ok(outcomes.numbers > 500 && outcomes.none > 500, JSON.stringify(outcomes));
});

test('the synthetic ranges the testbed writes read as the library reads them', () => {
  for (const [text, country] of [
    ['+447700900123', undefined],
    ['07700900123', 'GB'],
    ['447700900123', 'GB'],
    ['7025550123', 'US'],
    ['17025550123', 'US'],
    ['0491570156', 'AU'],
    ['+61491570156', undefined],
    ['+80012345678', undefined],
    ['0012025550123', 'DE'],
  ] as const) {
    assert.deepEqual(parseDigitCandidate(text, country), libraryParse(text, country), text);
  }
});

test('only ASCII digits after an optional "+" are digit candidates', () => {
  assert.ok(isDigitCandidate('+447700900123'));
  assert.ok(isDigitCandidate('07700900123'));
  for (const text of ['+', '', '0770 090 0123', '+44-7700', 'tel:+4477', '０７７００', '12a']) assert.ok(!isDigitCandidate(text), text);
});

import { compiledPlan, countriesOfCallingCode, isCallingCode, matchesSomeType, type CompiledPlan } from './compiled-numbering-plans.js';

/**
 * libphonenumber-js's `parsePhoneNumberFromString(candidate, { defaultCountry, extract: false })`
 * (v1.13, max metadata) for a candidate of ASCII digits with an optional leading "+", which is what
 * the phone rule hands over: the same steps in the same order (IDD prefix, calling code with or
 * without "+", national prefix for parsing with its transform rule, length checks, the country among
 * those sharing a calling code), over compiled plans (compiled-numbering-plans.ts) instead of a
 * RegExp built per test. A parse took 7-40 µs, mostly building RegExps; this takes a fraction.
 * digit-phone-parser.test.ts holds it to the library's answer on numbers of every country.
 */
export interface DigitPhoneParse {
  /** E.164, as the library's `number`. */
  e164: string;
  country: string | undefined;
  countryCallingCode: string;
  nationalNumber: string;
}

/** The library's limits (constants.js): input length, national number length, calling code digits. */
const maxInputLength = 250;
const minNationalLength = 2;
const maxNationalLength = 17;
const maxCallingCodeLength = 3;

/** Whether the candidate is of the form this parser reads: ASCII digits after an optional "+". */
export function isDigitCandidate(candidate: string): boolean {
  const first = candidate.charCodeAt(0) === 43 ? 1 : 0;
  if (candidate.length <= first) return false;
  for (let i = first; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The parse of a digit candidate (see isDigitCandidate), or null where the library finds no number. */
export function parseDigitCandidate(candidate: string, defaultCountry: string | undefined): DigitPhoneParse | null {
  if (candidate.length > maxInputLength) return null;
  // The library refuses a default country it has no metadata for.
  if (defaultCountry !== undefined && !compiledPlan(defaultCountry)) return null;
  const plus = candidate[0] === '+';
  const digitCount = plus ? candidate.length - 1 : candidate.length;
  // isViablePhoneNumber: two digits alone, or three or more.
  if (!(digitCount >= 3 || (!plus && digitCount === 2))) return null;

  const extracted = extractCountryCallingCode(candidate, defaultCountry);
  if (!extracted) return null;
  let country: string | undefined;
  let callingCode: string;
  let plan: CompiledPlan | null;
  if (extracted.callingCode !== undefined) {
    callingCode = extracted.callingCode;
    plan = compiledPlan(callingCode);
  } else if (defaultCountry !== undefined) {
    country = defaultCountry;
    plan = compiledPlan(defaultCountry);
    if (!plan) return null;
    callingCode = plan.callingCode;
  } else return null;
  if (!plan || !extracted.number) return null;
  const nationalNumber = extractNationalNumber(extracted.number, plan);
  const exactCountry = countryByCallingCode(callingCode, nationalNumber);
  if (exactCountry !== undefined) country = exactCountry;
  if (nationalNumber.length < minNationalLength || nationalNumber.length > maxNationalLength) return null;
  return { e164: `+${callingCode}${nationalNumber}`, country, countryCallingCode: callingCode, nationalNumber };
}

/** helpers/extractCountryCallingCode.js; null where it returns {}. */
function extractCountryCallingCode(input: string, defaultCountry: string | undefined): { callingCode?: string; number: string } | null {
  let number = input;
  if (number[0] !== '+') {
    const withoutIdd = stripIddPrefix(number, defaultCountry);
    if (withoutIdd && withoutIdd !== number) number = `+${withoutIdd}`;
    else {
      if (defaultCountry !== undefined) {
        const shorter = callingCodeWithoutPlus(number, defaultCountry);
        if (shorter) return shorter;
      }
      return { number };
    }
  }
  if (number[1] === '0') return null;
  for (let i = 2; i - 1 <= maxCallingCodeLength && i <= number.length; i++) {
    const callingCode = number.slice(1, i);
    if (isCallingCode(callingCode)) return { callingCode, number: number.slice(i) };
  }
  return null;
}

/** helpers/stripIddPrefix.js for a digit string: the rest after the country's IDD prefix, if it starts with one. */
function stripIddPrefix(number: string, country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const idd = compiledPlan(country)?.iddPrefix;
  if (!idd) return undefined;
  const match = idd.exec(number);
  if (!match || match.index !== 0) return undefined;
  const rest = number.slice(match[0].length);
  // A calling code never starts with 0: then it was no IDD prefix.
  if (rest[0] === '0') return undefined;
  return rest;
}

/** helpers/extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js ("447700…" with default GB). */
function callingCodeWithoutPlus(number: string, defaultCountry: string): { callingCode: string; number: string } | null {
  const plan = compiledPlan(defaultCountry);
  if (!plan || !number.startsWith(plan.callingCode)) return null;
  const possibleShorterNumber = number.slice(plan.callingCode.length);
  const shorterNational = extractNationalNumber(possibleShorterNumber, plan);
  const national = extractNationalNumber(number, plan);
  if ((!plan.general.test(national) && plan.general.test(shorterNational)) || numberLength(national, plan.possibleLengths) === 'TOO_LONG') {
    return { callingCode: plan.callingCode, number: possibleShorterNumber };
  }
  return null;
}

/** helpers/extractNationalNumber.js: the national (significant) number, national prefix taken off where the plan says so. */
function extractNationalNumber(number: string, plan: CompiledPlan): string {
  const national = withoutNationalPrefix(number, plan);
  if (national === number) return number;
  // shouldHaveExtractedNationalPrefix: not when that turns a number the plan reads into one it does not.
  if (plan.general.test(number) && !plan.general.test(national)) return number;
  if (plan.possibleLengths) {
    const country = countryByCallingCode(plan.callingCode, national);
    const lengths = country === undefined ? plan.possibleLengths : compiledPlan(country)?.possibleLengths;
    const length = numberLength(national, lengths);
    if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
  }
  return national;
}

/** helpers/extractNationalNumberFromPossiblyIncompleteNumber.js (the national number only; carrier codes are not needed). */
function withoutNationalPrefix(number: string, plan: CompiledPlan): string {
  const prefix = plan.nationalPrefixForParsing;
  if (!number || !prefix) return number;
  const match = prefix.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  const hasCapturedGroups = groups > 0 && Boolean(match[groups]);
  if (plan.nationalPrefixTransformRule && hasCapturedGroups) return number.replace(prefix, plan.nationalPrefixTransformRule);
  return number.slice(match[0].length);
}

/** helpers/checkNumberLength.js against a plan's possible lengths. */
function numberLength(nationalNumber: string, lengths: readonly number[] | undefined): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  if (!lengths) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  const shortest = lengths[0]!;
  if (shortest === length) return 'IS_POSSIBLE';
  if (shortest > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** helpers/getCountryByCallingCode.js and getCountryByNationalNumber.js. */
function countryByCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  const countries = countriesOfCallingCode(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = compiledPlan(country);
    if (!plan) continue;
    if (plan.leadingDigits) {
      if (nationalNumber && plan.leadingDigits.exec(nationalNumber)?.index === 0) return country;
    } else if (matchesSomeType(plan, nationalNumber)) return country;
  }
  return undefined;
}

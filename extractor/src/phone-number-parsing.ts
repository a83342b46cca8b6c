import { Metadata } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { compiledPlan } from './compiled-numbering-plans.js';
import { isFictionalNumber } from './fictional-number-ranges.js';
import { isDigitCandidate, parseDigitCandidate } from './digit-phone-parser.js';
import { isValidParsedNumber } from './phone-validity.js';

export interface ParsedPhone {
  e164: string;
  /** Which rule accepted it: libphonenumber's metadata or the fictional-range list. */
  rule: 'phone:valid' | 'phone:fictional-range';
}

export interface PhoneParseOptions {
  defaultCountry?: string | null;
  /**
   * Also read an international number written without its "+" (e.g. "447700900123"). Fine for a
   * search box, where the user means a phone; too loose for free text, where digit runs are often ids.
   */
  acceptMissingPlus?: boolean;
}

/** Answers of asCountryCode by what was asked: it is asked several times per phone candidate. */
const countryCodes = new Map<string, CountryCode | null>();

export function asCountryCode(country: string | null | undefined): CountryCode | undefined {
  if (!country) return undefined;
  let code = countryCodes.get(country);
  if (code === undefined) {
    const upper = country.toUpperCase();
    code = isSupportedCountry(upper) ? upper : null;
    // Callers pass codes from configs and records: a handful of distinct strings, but bound it anyway.
    if (countryCodes.size >= 1000) countryCodes.clear();
    countryCodes.set(country, code);
  }
  return code ?? undefined;
}

/**
 * libphonenumber takes 7-40 µs per parse (it builds its regular expressions from the metadata on
 * every call; digit-phone-parser.ts, which the phone rule's candidates go to, takes a fraction of
 * that), and the same numbers recur: in a page's text, its tel: and wa.me links, and across an
 * operator's ads. Results are remembered; the cache is bounded and results never depend on it.
 */
const cache = new Map<string, ParsedPhone | null>();
const cacheLimit = 20_000;

/** Parses one candidate that should be a whole phone number; null unless it is a valid number. */
export function parsePhoneCandidate(candidate: string, options: PhoneParseOptions = {}): ParsedPhone | null {
  const defaultCountry = asCountryCode(options.defaultCountry);
  const trimmed = candidate.trim();
  // An international number reads the same whatever the default country.
  const key = trimmed.startsWith('+') ? trimmed : `${defaultCountry ?? ''}|${options.acceptMissingPlus ? '+' : ''}|${trimmed}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const parsed = parseUncached(trimmed, defaultCountry, options.acceptMissingPlus ?? false);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

function parseUncached(trimmed: string, defaultCountry: CountryCode | undefined, acceptMissingPlus: boolean): ParsedPhone | null {
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 17) return null;

  const attempts: Array<[string, CountryCode | undefined]> = [];
  if (trimmed.startsWith('+')) attempts.push([trimmed, undefined]);
  else {
    if (defaultCountry) attempts.push([trimmed, defaultCountry]);
    // "00" is the international prefix in most of the world; read it that way whatever the default.
    if (digits.startsWith('00')) attempts.push([`+${digits.slice(2)}`, undefined]);
    if (acceptMissingPlus && digits.length >= 10) attempts.push([`+${digits}`, undefined]);
  }
  for (const [text, country] of attempts) {
    const parsed = parseAttempt(text, country);
    if (!parsed) continue;
    if (isValidParsedNumber(parsed)) return { e164: parsed.number, rule: 'phone:valid' };
    if (isFictionalNumber(parsed.number)) return { e164: parsed.number, rule: 'phone:fictional-range' };
  }
  return null;
}

/**
 * One reading of a candidate. Digits (after an optional "+"), what the phone rule hands over, go to
 * digit-phone-parser.ts, libphonenumber's parse over compiled plans; anything else (tel: links,
 * a search box) to the library itself.
 */
function parseAttempt(text: string, country: CountryCode | undefined): { number: string; country?: string | undefined; countryCallingCode: string; nationalNumber: string } | undefined {
  if (isDigitCandidate(text)) {
    const parsed = parseDigitCandidate(text, country);
    return parsed ? { number: parsed.e164, country: parsed.country, countryCallingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber } : undefined;
  }
  // The whole candidate is the number (the callers cut it out of the text): libphonenumber's own
  // search for a number inside it is wasted work, about a third of a parse.
  return parsePhoneNumberFromString(text, { ...(country ? { defaultCountry: country } : {}), extract: false });
}

const metadata = new Metadata(maxMetadata);
const nationalDigitCounts = new Map<CountryCode, ReadonlySet<number>>();
/** A national prefix ("0", "1", "06"...) adds up to this many digits to a national number. */
const longestNationalPrefix = 2;

/**
 * Whether `digitCount` digits written without "+" or "00" could be a national number of `country`:
 * one of its numbering plan's lengths plus a national prefix at most. A cheap test that spares
 * libphonenumber most of the sub-spans a long digit run offers (a parse costs 15-70 µs).
 */
export function couldBeNationalNumber(digitCount: number, country: string | null): boolean {
  const code = asCountryCode(country);
  if (!code) return false;
  let counts = nationalDigitCounts.get(code);
  if (!counts) {
    metadata.selectNumberingPlan(code);
    const lengths = metadata.numberingPlan?.possibleLengths() ?? [];
    const all = new Set<number>();
    for (const length of lengths) for (let prefix = 0; prefix <= longestNationalPrefix; prefix++) all.add(length + prefix);
    counts = all;
    nationalDigitCounts.set(code, counts);
  }
  return counts.has(digitCount);
}

/** Countries of the North American Numbering Plan (+1), which dial abroad with "011". */
export function isNanpCountry(country: string | null): boolean {
  const code = asCountryCode(country);
  return code !== undefined && compiledPlan(code)?.callingCode === '1';
}

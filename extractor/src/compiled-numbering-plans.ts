import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

/**
 * libphonenumber's numbering plans (max metadata) with their patterns compiled once. The library
 * builds a RegExp from a pattern's text on every test, up to a dozen per parsed number; for long
 * plans (the UK's) that was most of a parse. phone-validity.ts and digit-phone-parser.ts run the
 * library's own rules over these compiled plans.
 */
const typeNames = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

export interface NumberTypePattern {
  /** Anchored at both ends, as the library's `matchesEntirely`. */
  pattern: RegExp;
  /** Lengths the type's numbers have; undefined: any. */
  lengths: readonly number[] | undefined;
}

export interface CompiledPlan {
  callingCode: string;
  /** The national number pattern, anchored at both ends. */
  general: RegExp;
  /** The plan's number types in the library's order (fixed line first); null for a plan without types. */
  types: readonly NumberTypePattern[] | null;
  possibleLengths: readonly number[] | undefined;
  /** The international dialling prefix, unanchored as the library uses it (a match must start at 0). */
  iddPrefix: RegExp | null;
  /** `^(?:national prefix for parsing)`, or null when the plan has none. */
  nationalPrefixForParsing: RegExp | null;
  nationalPrefixTransformRule: string | undefined;
  /** Leading digits that decide the country among those sharing a calling code, unanchored. */
  leadingDigits: RegExp | null;
}

/** The parts of libphonenumber's Metadata class used here, which its type declarations leave out. */
interface PlanMetadata {
  hasCountry(country: string): boolean;
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan?: {
    callingCode(): string;
    nationalNumberPattern(): string;
    possibleLengths(): number[] | undefined;
    IDDPrefix(): string | undefined;
    nationalPrefixForParsing(): string | undefined;
    nationalPrefixTransformRule(): string | undefined;
    leadingDigits(): string | undefined;
    hasTypes(): boolean;
    type(name: (typeof typeNames)[number]): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

const metadata = new Metadata(maxMetadata) as unknown as PlanMetadata;
const plans = new Map<string, CompiledPlan | null>();
const callingCodes = new Map<string, boolean>();
const countriesByCallingCode = new Map<string, readonly string[] | null>();

const wholeMatch = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);

/** The plan for a country ("GB") or a calling code ("44": its main country's or a non-geographic plan); null if unknown. */
export function compiledPlan(countryOrCallingCode: string): CompiledPlan | null {
  const known = plans.get(countryOrCallingCode);
  if (known !== undefined) return known;
  let plan: CompiledPlan | null = null;
  if (metadata.hasCountry(countryOrCallingCode) || isCallingCode(countryOrCallingCode)) {
    metadata.selectNumberingPlan(countryOrCallingCode);
    const numberingPlan = metadata.numberingPlan!;
    let types: NumberTypePattern[] | null = null;
    if (numberingPlan.hasTypes()) {
      types = [];
      for (const name of typeNames) {
        const type = numberingPlan.type(name);
        const pattern = type?.pattern();
        if (!type || !pattern) continue;
        types.push({ pattern: wholeMatch(pattern), lengths: type.possibleLengths() });
      }
    }
    const idd = numberingPlan.IDDPrefix();
    const prefixForParsing = numberingPlan.nationalPrefixForParsing();
    const leadingDigits = numberingPlan.leadingDigits();
    plan = {
      callingCode: numberingPlan.callingCode(),
      general: wholeMatch(numberingPlan.nationalNumberPattern()),
      types,
      possibleLengths: numberingPlan.possibleLengths(),
      iddPrefix: idd ? new RegExp(idd) : null,
      nationalPrefixForParsing: prefixForParsing ? new RegExp(`^(?:${prefixForParsing})`) : null,
      nationalPrefixTransformRule: numberingPlan.nationalPrefixTransformRule(),
      leadingDigits: leadingDigits ? new RegExp(leadingDigits) : null,
    };
  }
  plans.set(countryOrCallingCode, plan);
  return plan;
}

/** Whether the digits are a calling code the metadata knows (a country's or a non-geographic one). */
export function isCallingCode(digits: string): boolean {
  let known = callingCodes.get(digits);
  if (known === undefined) {
    known = /^\d+$/.test(digits) && metadata.hasCallingCode(digits);
    callingCodes.set(digits, known);
  }
  return known;
}

/** The countries sharing a calling code, main one first; null for a non-geographic or unknown code. */
export function countriesOfCallingCode(callingCode: string): readonly string[] | null {
  let known = countriesByCallingCode.get(callingCode);
  if (known === undefined) {
    known = metadata.getCountryCodesForCallingCode(callingCode) ?? null;
    countriesByCallingCode.set(callingCode, known);
  }
  return known;
}

/** libphonenumber's `getNumberType(...) !== undefined`: the general pattern and some type's pattern (with its lengths) match. */
export function matchesSomeType(plan: CompiledPlan, nationalNumber: string): boolean {
  if (plan.types === null || !plan.general.test(nationalNumber)) return false;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

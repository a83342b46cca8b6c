import { compiledPlan, matchesSomeType } from './compiled-numbering-plans.js';

/**
 * libphonenumber's `PhoneNumber#isValid()` over compiled plans (compiled-numbering-plans.ts): valid
 * when the national number matches the plan's general pattern and, for a plan with number types,
 * the pattern of some type whose possible lengths include its length. phone-validity.test.ts holds
 * it to the library's answer.
 */

/** What `isValid()` needs of a parsed number: its country if known, its calling code, its national number. */
export interface ParsedNumberParts {
  country?: string | undefined;
  countryCallingCode: string;
  nationalNumber: string;
}

/** Whether libphonenumber (max metadata) calls the parsed number valid. */
export function isValidParsedNumber(number: ParsedNumberParts): boolean {
  const plan = compiledPlan(number.country || number.countryCallingCode);
  if (!plan) return false;
  if (plan.types === null) return plan.general.test(number.nationalNumber);
  return matchesSomeType(plan, number.nationalNumber);
}

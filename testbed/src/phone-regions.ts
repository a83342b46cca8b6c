/**
 * Fictional phone ranges, each valid in libphonenumber's `max` metadata:
 * - NANP 555-0100..0199 under real area codes (reserved for fiction by NANPA);
 * - Ofcom's drama ranges for UK geographic numbers (020 7946 0xxx, 0161 496 0xxx...). Ofcom's
 *   mobile drama range 07700 900xxx is NOT used: libphonenumber rejects it as invalid;
 * - ACMA's fictitious mobile range 0491 570 xxx.
 * A region is one range; operators take their numbers from one region, so a region says which
 * cities a number is local to.
 */
export type PhoneCountry = 'US' | 'GB' | 'AU';

export interface PhoneRegion {
  key: string;
  country: PhoneCountry;
  callingCode: string;
  /** National significant number digits shared by the whole range. */
  prefix: string;
  /** Digits that vary inside the range: the range holds 10^freeDigits numbers. */
  freeDigits: number;
  /** How the national significant number is grouped when written, e.g. [3, 3, 4]. */
  groups: readonly number[];
  /** Slugs of the classifieds cities where a number of this range is a local number. */
  citySlugs: readonly string[];
}

export const phoneRegions: readonly PhoneRegion[] = [
  us('702', 'las-vegas'),
  us('213', 'los-angeles'),
  us('312', 'chicago'),
  us('305', 'miami'),
  us('212', 'new-york'),
  us('713', 'houston'),
  us('404', 'atlanta'),
  us('415', 'san-francisco'),
  gb('gb-london', '2079460', [2, 4, 4], 'london'),
  gb('gb-manchester', '1614960', [3, 3, 4], 'manchester'),
  gb('gb-birmingham', '1214960', [3, 3, 4], 'birmingham'),
  gb('gb-leeds', '1134960', [3, 3, 4], 'leeds'),
  gb('gb-glasgow', '1414960', [3, 3, 4], 'glasgow'),
  gb('gb-edinburgh', '1314960', [3, 3, 4], 'edinburgh'),
  gb('gb-liverpool', '1514960', [3, 3, 4], 'liverpool'),
  {
    key: 'au-mobile', country: 'AU', callingCode: '61', prefix: '491570', freeDigits: 3, groups: [3, 3, 3],
    citySlugs: ['sydney', 'melbourne', 'brisbane', 'perth'],
  },
];

export function regionSize(region: PhoneRegion): number {
  return 10 ** region.freeDigits;
}

/** One fictional number: which range it is from and its E.164 form. */
export interface FictionalPhone {
  e164: string;
  /** National significant number (no trunk prefix, no country code). */
  nsn: string;
  region: PhoneRegion;
}

export function phoneInRegion(region: PhoneRegion, slot: number): FictionalPhone {
  const nsn = region.prefix + String(slot).padStart(region.freeDigits, '0');
  return { e164: `+${region.callingCode}${nsn}`, nsn, region };
}

function us(areaCode: string, citySlug: string): PhoneRegion {
  return { key: `us-${areaCode}`, country: 'US', callingCode: '1', prefix: `${areaCode}55501`, freeDigits: 2, groups: [3, 3, 4], citySlugs: [citySlug] };
}

function gb(key: string, prefix: string, groups: readonly number[], citySlug: string): PhoneRegion {
  return { key, country: 'GB', callingCode: '44', prefix, freeDigits: 3, groups, citySlugs: [citySlug] };
}

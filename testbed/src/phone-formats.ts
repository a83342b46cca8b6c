import type { FictionalPhone, PhoneCountry } from './phone-regions.js';

/**
 * The ways ads write a number. National styles are only used on pages that name the number's
 * country (a location line, a city in the text, or an html lang with that region), because a
 * national number means nothing without a country.
 */
export const nationalStyles = {
  US: ['us-parentheses', 'us-dashes', 'us-dots'],
  GB: ['trunk-spaced'],
  AU: ['trunk-spaced', 'trunk-compact'],
} as const satisfies Record<PhoneCountry, readonly string[]>;

export const internationalStyles = ['international-spaced', 'international-compact', 'international-dashes'] as const;

export type NationalStyle = (typeof nationalStyles)[PhoneCountry][number];
export type InternationalStyle = (typeof internationalStyles)[number];
export type PhoneStyle = NationalStyle | InternationalStyle;

export function isNationalStyle(style: PhoneStyle): style is NationalStyle {
  return !(internationalStyles as readonly string[]).includes(style);
}

export function formatPhone(phone: FictionalPhone, style: PhoneStyle): string {
  const parts = groupDigits(phone.nsn, phone.region.groups);
  const code = phone.region.callingCode;
  switch (style) {
    case 'us-parentheses':
      return `(${parts[0]}) ${parts[1]}-${parts[2]}`;
    case 'us-dashes':
      return parts.join('-');
    case 'us-dots':
      return parts.join('.');
    case 'trunk-spaced':
      return `0${parts.join(' ')}`;
    case 'trunk-compact':
      return `0${phone.nsn}`;
    case 'international-spaced':
      return `+${code} ${parts.join(' ')}`;
    case 'international-compact':
      return phone.e164;
    case 'international-dashes':
      return `+${code}-${parts.join('-')}`;
  }
}

function groupDigits(digits: string, groups: readonly number[]): string[] {
  const parts: string[] = [];
  let offset = 0;
  for (const size of groups) {
    parts.push(digits.slice(offset, offset + size));
    offset += size;
  }
  return parts;
}

import { getCountries } from 'libphonenumber-js/max';
import { normalizePhone } from '@indicia/extractor';

/**
 * Every E.164 number the input can be read as. A number written with + (or 00) has one reading; a
 * national number ("(702) 555-0134", "0491 570 156") is read in the country given, or else in every
 * country where it is a valid number, so a user need not know where it is from. The search then
 * keeps the readings the index holds.
 */
export function phoneReadings(input: string, country?: string): string[] {
  if (country) {
    const e164 = normalizePhone(input, country);
    return e164 ? [e164] : [];
  }
  const international = normalizePhone(input);
  if (/^\s*(\+|00)/.test(input)) return international ? [international] : [];
  const readings = new Set<string>();
  if (international) readings.add(international);
  for (const region of getCountries()) {
    const e164 = normalizePhone(input, region);
    if (e164) readings.add(e164);
  }
  return [...readings];
}

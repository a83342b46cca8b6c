import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A registration's phone in the form ads' phones take (E.164), so an ad's number matches a WHOIS
 * contact's. Registries write EPP style "+1.6502530000", with extensions ("x123"), spaces or
 * national formats; the contact's country code decides a national number. A possible number is
 * enough (not a valid one, as in ad text): a WHOIS field is a phone by its label, and fictional
 * ranges that ads use (and the extractor accepts) must match too. Returns null when the value
 * cannot be read as a number: the caller keeps the value as written instead.
 */
export function registrationPhoneE164(raw: string, country?: string | null): string | null {
  const cleaned = raw.trim().replace(/^tel:/i, '').replace(/\s*(?:x|ext\.?|extension)\s*\d+$/i, '').replace(/^\+(\d{1,3})\.\s*/, '+$1');
  if (!/\d/.test(cleaned)) return null;
  const region = country !== undefined && country !== null && /^[A-Za-z]{2}$/.test(country) ? (country.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(cleaned, region);
  return parsed !== undefined && parsed.isPossible() ? parsed.number : null;
}

import { parsePhoneCandidate } from './phone-number-parsing.js';

/**
 * Any common way of writing a phone number → E.164, or null when it is not a valid number. Used by
 * search, so it is forgiving about decoration ("tel:", "WhatsApp:", dots, brackets) and reads a
 * long digit run without "+" as international when no country is given.
 */
export function normalizePhone(input: string, defaultCountry?: string): string | null {
  const stripped = input
    .trim()
    .replace(/^(?:tel|sms|callto|whatsapp|wa|phone|mobile|cell)\s*:\s*/i, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  if (!/^[+\d(][\d\s().\-/]*\d$/.test(stripped)) return null;
  return parsePhoneCandidate(stripped, { defaultCountry: defaultCountry ?? null, acceptMissingPlus: true })?.e164 ?? null;
}

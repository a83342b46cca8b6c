import { emailTextRule } from './rules/email-text-rule.js';
import { isStandalone, isWordCharAt } from './text-boundaries.js';
import { normalizeText } from './text-normalization.js';

/**
 * A quick, country-free look for contact details, used only to tell ads from listings: where on the
 * page do phone numbers, emails and messenger names appear, and how many distinct ones are there.
 * The real extraction (libphonenumber, validation) runs later, on the chosen content only.
 */
export interface ContactSignal {
  /** Offset in the text it was found in. */
  offset: number;
  /** Digits of a phone, a lowercased email or handle: tells distinct contacts apart. */
  key: string;
}

/** Digits with the separators ads put between them, odd ones included ("587*800*2406", "+170;255|501 26"). */
const phoneLike = /(?:\+\s?|\()?\d[\d \t().\-/\u00a0\u2010-\u2015*_~|;'[\]]{6,}\d/g;
const messengerLike = /(?:telegram|whats ?app|snapchat|snap|kik|signal|wechat)\s*[:@-]\s*@?([\w.+-]{3,})|(?:t\.me|wa\.me)\/([\w+]{3,})/gi;
const dateLike = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

/**
 * Contacts are looked for in the de-obfuscated text (number words, Unicode digits, "(at)"), so an
 * ad that disguises its only contact is still told from a listing; offsets are the raw text's.
 */
export function findContactSignals(rawText: string): ContactSignal[] {
  const normalized = normalizeText(rawText);
  const text = normalized.text;
  const signals: ContactSignal[] = [];
  for (const m of text.matchAll(phoneLike)) {
    if (!isStandalone(text, m.index, m.index + m[0].length)) continue;
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15 || dateLike.test(m[0].trim())) continue;
    signals.push({ offset: m.index, key: `phone:${digits.slice(-9)}` });
  }
  // The email rule itself: plain, disguised and encoded forms, merged where they overlap.
  for (const email of emailTextRule.find({ text, defaultCountry: null })) signals.push({ offset: email.start, key: `email:${email.value}` });
  for (const m of text.matchAll(messengerLike)) if (!isWordCharAt(text, m.index - 1)) signals.push({ offset: m.index, key: `handle:${(m[1] ?? m[2] ?? '').toLowerCase()}` });
  const rawOffsets = signals.map((signal) => ({ ...signal, offset: normalized.toRaw(signal.offset, signal.offset + 1).start }));
  return rawOffsets.sort((a, b) => a.offset - b.offset);
}

/** Link targets that are contact details: calling, mailing or messaging someone. */
export function contactKeyOfHref(href: string): string | null {
  const m = /^\s*(?:(tel|sms|callto):([^;?#]*)|mailto:([^?#]+)|(?:https?:\/\/)?(?:www\.)?(?:wa\.me|t\.me|telegram\.me)\/([^/?#]+)|(?:https?:\/\/)?api\.whatsapp\.com\/send\?(?:.*&)?phone=(\d+))/i.exec(href);
  if (!m) return null;
  if (m[2] !== undefined) return `phone:${m[2].replace(/\D/g, '').slice(-9)}`;
  if (m[3] !== undefined) return `email:${m[3].toLowerCase()}`;
  const messenger = (m[4] ?? m[5] ?? '').toLowerCase();
  return /^\d+$/.test(messenger) ? `phone:${messenger.slice(-9)}` : `handle:${messenger}`;
}

import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Reads the contacts off a served page independently of how the testbed wrote them: phones with
 * libphonenumber over the visible text plus tel:/sms:/wa.me links, emails, and handles in the
 * forms the sites use. Tests compare its result with the ground truth.
 */
export interface PageContacts {
  phones: string[];
  /** For each phone, the text spans (or link targets) it was read from. */
  rawPhones: Map<string, string[]>;
  emails: string[];
  handles: string[];
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!);
}

export function hrefsOf(html: string): string[] {
  const hrefs: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    hrefs.push((match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&'));
  }
  return hrefs;
}

export function contactsInPage(html: string, defaultCountry: string): PageContacts {
  const text = visibleText(html);
  const hrefs = hrefsOf(html);
  const phones = new Set<string>();
  const rawPhones = new Map<string, string[]>();
  const addPhone = (phone: string, raw: string) => {
    phones.add(phone);
    rawPhones.set(phone, [...(rawPhones.get(phone) ?? []), raw]);
  };
  for (const found of findPhoneNumbersInText(text, { defaultCountry: defaultCountry as CountryCode })) addPhone(found.number.number, text.slice(found.startsAt, found.endsAt));
  for (const href of hrefs) {
    const scheme = /^(?:tel|sms):(.+)$/.exec(href);
    const whatsapp = /^https:\/\/wa\.me\/(\d+)$/.exec(href);
    const raw = scheme?.[1] ?? (whatsapp ? `+${whatsapp[1]}` : undefined);
    if (raw === undefined) continue;
    const phone = parsePhoneNumberFromString(raw);
    if (phone?.isValid()) addPhone(phone.number, href);
  }
  const emails = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) emails.add(match[0].toLowerCase());
  for (const href of hrefs) if (href.startsWith('mailto:')) emails.add(href.slice(7).toLowerCase());
  const handles = new Set<string>();
  const add = (platform: string, value: string | undefined) => value && handles.add(`${platform}:${value.toLowerCase()}`);
  for (const href of hrefs) {
    add('telegram', /^https:\/\/t\.me\/([\w]+)$/.exec(href)?.[1]);
    add('instagram', /^https:\/\/instagram\.com\/([\w.]+)$/.exec(href)?.[1]);
  }
  for (const match of text.matchAll(/Telegram: @(\w+)/g)) add('telegram', match[1]);
  for (const match of text.matchAll(/Snap: ([\w.-]+)/g)) add('snapchat', match[1]);
  return { phones: [...phones].sort(), rawPhones, emails: [...emails].sort(), handles: [...handles].sort() };
}

import type { AdContacts, AdVisibility, RecruitmentAd, WrittenPhone } from './ad-model.js';
import { postedDate } from './ad-model.js';
import { destinations, localPhoneCountry, type Destination } from './destinations.js';
import { disguiseContacts } from './ad-disguise.js';
import { chooseOperator } from './operator-choice.js';
import type { Operator } from './operators.js';
import { formatPhone, internationalStyles, nationalStyles, type PhoneStyle } from './phone-formats.js';
import type { FictionalPhone } from './phone-regions.js';
import type { SeededRandom } from './random.js';
import { jobTypes, recruitmentPhrases } from './recruitment-phrases.js';
import type { RecruitmentLanguage } from './recruitment-languages.js';
import { recruitmentHost } from './site-hosts.js';

export function recruitmentPath(id: number, slug: string, visibility: AdVisibility): string {
  return visibility === 'public' ? `/jobs/${id}-${slug}` : `/private/jobs/${id}-${slug}`;
}

export function generateRecruitmentAd(
  random: SeededRandom,
  operators: readonly Operator[],
  localIndex: number,
  visibility: AdVisibility,
  language: RecruitmentLanguage,
): RecruitmentAd {
  const operator = chooseOperator(random, operators);
  const jobType = random.pick(jobTypes);
  const destination = random.pick(destinations);
  const ageLimit = random.int(25, 35);
  const price = { amount: random.int(15, 60) * 100, currency: destination.currency };
  const salary = `${price.currency}${price.amount}`;
  const phrases = recruitmentPhrases[language];
  const names = destination.names[language];
  const htmlLang = htmlLangFor(language, destination);
  const plainContacts = recruitmentContacts(random, operator, htmlLang !== language ? localPhoneCountry(destination) : undefined);
  const perks = random.pick(phrases.perks);
  const postedAt = postedDate(random.int(0, 120));
  const phrasing = random.int(0, 1_000_000);
  const contacts = disguiseContacts(random, plainContacts, { language, operator });
  const id = localIndex + 1;
  const slug = `${jobType}-${destination.slug}`;
  const path = recruitmentPath(id, slug, visibility);
  return {
    kind: 'recruitment', visibility, localIndex, id, host: recruitmentHost, path, url: `http://${recruitmentHost}${path}`,
    operator, title: phrases.title(phrases.jobs[jobType], names.city, salary), language, htmlLang, country: destination.country,
    price, age: ageLimit, postedAt,
    paragraphs: [phrases.intro(operator.agency, ageLimit, names.city, names.country), perks, phrases.salary(salary)],
    contacts, phrasing, jobType, destination, slug,
  };
}

/**
 * English pages about a destination our fictional ranges cover say so in their lang (en-GB...);
 * that region is what makes a national-format number on them readable.
 */
function htmlLangFor(language: RecruitmentLanguage, destination: Destination): string {
  const local = localPhoneCountry(destination);
  return language === 'en' && local !== undefined ? `en-${local}` : language;
}

type PhoneMode = 'text' | 'whatsapp-only' | 'none';

function recruitmentContacts(random: SeededRandom, operator: Operator, nationalCountry: string | undefined): AdContacts {
  const roll = random.next();
  let mode: PhoneMode = roll < 0.12 ? 'none' : roll < 0.27 ? 'whatsapp-only' : 'text';
  if (mode === 'none' && operator.emails.length === 0) mode = 'text';
  const first = random.pick(operator.phones);
  const others = operator.phones.filter((phone) => phone !== first);
  const second = mode === 'text' && others.length > 0 && random.chance(0.25) ? random.pick(others) : undefined;
  const phones: WrittenPhone[] = mode === 'text'
    ? [first, second].filter((phone) => phone !== undefined).map((phone) => ({ phone, text: writeNumber(random, phone, nationalCountry) }))
    : [];
  const whatsapp = mode === 'whatsapp-only' || (mode === 'text' && random.chance(0.4)) ? first : undefined;
  const email = operator.emails.length > 0 && (mode === 'none' || random.chance(0.7)) ? random.pick(operator.emails) : undefined;
  const handles: AdContacts['handles'] = [];
  for (const handle of operator.handles) {
    const wanted = handle.platform === 'telegram' ? 0.6 : handle.platform === 'instagram' ? 0.4 : 0.25;
    if (random.chance(wanted)) handles.push({ ...handle, form: random.chance(0.5) ? 'text' : 'link' });
  }
  return { phones, whatsapp, emails: email === undefined ? [] : [email], handles };
}

/** Mostly international; national only where the page names the number's own country. */
function writeNumber(random: SeededRandom, phone: FictionalPhone, nationalCountry: string | undefined): string {
  const national = nationalCountry === phone.region.country && random.chance(0.5);
  const styles: readonly PhoneStyle[] = national ? nationalStyles[phone.region.country] : internationalStyles;
  return formatPhone(phone, random.pick(styles));
}

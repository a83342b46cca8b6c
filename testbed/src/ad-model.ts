import type { AdPicture } from './ad-pictures.js';
import type { ClassifiedsCity } from './classifieds-cities.js';
import type { Destination } from './destinations.js';
import type { CorpusCryptoAddress } from './obfuscation/crypto-addresses.js';
import type { CorpusWebAddress } from './obfuscation/web-addresses.js';
import type { Operator, WrittenHandle } from './operators.js';
import type { FictionalPhone } from './phone-regions.js';
import type { JobType } from './recruitment-phrases.js';
import type { RecruitmentLanguage } from './recruitment-languages.js';

/** Public ads are in the truth; robots-blocked ones live under /private/ and are not. */
export type AdVisibility = 'public' | 'robots-blocked';

export interface WrittenPhone {
  phone: FictionalPhone;
  /** Exactly as it appears in the page text. */
  text: string;
  /** The disguise the text is written in (a style id of the labelled corpus); absent when plain. */
  style?: string;
}

/** An email written in a disguise ("anna (at) example (dot) com"): it then has no mailto: link. */
export interface DisguisedEmail {
  /** The address as the operator writes it (emails[0]). */
  address: string;
  text: string;
  style: string;
}

/** The contacts an ad shows and how. Every phone here is one of the operator's. */
export interface AdContacts {
  /** Numbers written in the text. */
  phones: WrittenPhone[];
  /** Target of a https://wa.me/<digits> link; it may appear nowhere else on the page. */
  whatsapp?: FictionalPhone;
  /** Targets of tel: and sms: links. */
  call?: FictionalPhone;
  sms?: FictionalPhone;
  /** As written (capitals and all), in the text and in a mailto: link. */
  emails: string[];
  handles: Array<WrittenHandle & { form: 'text' | 'link' }>;
  disguisedEmail?: DisguisedEmail;
  /** A wallet for deposits, written in the text. */
  wallet?: CorpusCryptoAddress;
  /** The operator's own site, written in the text (not linked). */
  website?: CorpusWebAddress;
}

export interface Price {
  amount: number;
  currency: string;
}

interface AdBase {
  visibility: AdVisibility;
  /** Position among the site's ads of the same visibility; listings show ads in this order. */
  localIndex: number;
  /** The number in the ad's URL. */
  id: number;
  host: string;
  /** Path of the canonical URL. */
  path: string;
  url: string;
  operator: Operator;
  title: string;
  /** BCP 47 language of the text. */
  language: string;
  /** The html lang attribute: the language, with a region when it tells the phone country. */
  htmlLang: string;
  /** ISO 3166-1 alpha-2 country the page names: the country of any national-format number on it. */
  country: string;
  price: Price;
  age: number;
  postedAt: string;
  paragraphs: string[];
  contacts: AdContacts;
  /** Picks among equivalent sentence shapes when rendering, so pages vary but stay deterministic. */
  phrasing: number;
}

export interface ClassifiedsAd extends AdBase {
  kind: 'classifieds';
  city: ClassifiedsCity;
  name: string;
}

export interface RecruitmentAd extends AdBase {
  kind: 'recruitment';
  language: RecruitmentLanguage;
  jobType: JobType;
  destination: Destination;
  slug: string;
}

/** An ad of the single-page app: classifieds content, served as JSON, with lazy-loaded photos. */
export interface SpaAd extends Omit<ClassifiedsAd, 'kind'> {
  kind: 'spa';
  pictures: AdPicture[];
}

/**
 * An ad of the image-ad site: classifieds content whose text holds no contact at all; `contacts`
 * is empty and every phone, email and handle is written in its pictures.
 */
export interface ImageAd extends Omit<ClassifiedsAd, 'kind'> {
  kind: 'image';
  pictures: AdPicture[];
}

export type TestbedAd = ClassifiedsAd | RecruitmentAd | SpaAd | ImageAd;

/** Every distinct number on the ad's page, in E.164, in the order they first appear in the model. */
export function phonesOf(ad: TestbedAd): string[] {
  const { phones, whatsapp, call, sms } = ad.contacts;
  const all = [...phones.map((written) => written.phone), whatsapp, call, sms];
  return [...new Set(all.filter((phone) => phone !== undefined).map((phone) => phone.e164))];
}

export function emailsOf(ad: TestbedAd): string[] {
  return [...new Set(ad.contacts.emails.map((email) => email.toLowerCase()))];
}

export function cryptoOf(ad: TestbedAd): Array<{ chain: string; value: string }> {
  const { wallet } = ad.contacts;
  return wallet ? [{ chain: wallet.chain, value: wallet.value }] : [];
}

export function urlsOf(ad: TestbedAd): string[] {
  const url = ad.contacts.website?.url;
  return url === undefined ? [] : [url];
}

export function domainsOf(ad: TestbedAd): string[] {
  const { website } = ad.contacts;
  return website ? [website.domain] : [];
}

/** The indicators the page writes in a disguise, with the style of each. */
export interface DisguisedIndicator {
  type: 'phone' | 'email';
  value: string;
  /** Style id of the labelled corpus ('number-words:en', 'email:at-dot-parens'...). */
  style: string;
  /** Exactly as in the page text. */
  written: string;
}

export function disguisesOf(ad: TestbedAd): DisguisedIndicator[] {
  const disguised: DisguisedIndicator[] = [];
  for (const phone of ad.contacts.phones) if (phone.style !== undefined) disguised.push({ type: 'phone', value: phone.phone.e164, style: phone.style, written: phone.text });
  const email = ad.contacts.disguisedEmail;
  if (email) disguised.push({ type: 'email', value: email.address.toLowerCase(), style: email.style, written: email.text });
  return disguised;
}

export function handlesOf(ad: TestbedAd): Array<{ platform: string; value: string }> {
  return ad.contacts.handles.map((handle) => ({ platform: handle.platform, value: handle.value.toLowerCase() }));
}

/** Posted dates count back from a fixed day, never from "now", so pages are the same every run. */
const newestPostingDay = Date.UTC(2025, 5, 30);

const postedDates = new Map<number, string>();

export function postedDate(daysBefore: number): string {
  let date = postedDates.get(daysBefore);
  if (date === undefined) {
    date = new Date(newestPostingDay - daysBefore * 86_400_000).toISOString().slice(0, 10);
    postedDates.set(daysBefore, date);
  }
  return date;
}

import { getPublicSuffix } from 'tldts';
import { findPlaces, type PlaceMention } from './gazetteer.js';
import { asCountryCode } from './phone-number-parsing.js';
import type { SiteConfig } from './site-config.js';

export interface CountryInferenceInput {
  /** A country the caller states for this page (a batch record's "country"): it wins over everything. */
  hint?: string | null;
  siteConfig?: SiteConfig;
  /** The page's URL, for its country-code TLD; absent for text without a page (a batch record). */
  url?: string;
  /** The language the page declares (html lang, Content-Language). */
  htmlLang?: string | null;
  /** The language detected in the ad text, when the detector is clear about it. */
  textLanguage?: string | null;
  text: string;
  location?: string | null;
}

export interface InferredCountry {
  country: string;
  basis: string;
}

/** Country-code TLDs sold as generic names (.io, .tv, .me): they say nothing about where a site is. */
const vanityCcTlds = new Set(['io', 'co', 'tv', 'me', 'ai', 'fm', 'ws', 'cc', 'to', 'ly', 'gg', 'sh', 'ac', 'la', 'am', 'nu', 'vc', 'tk', 'ms', 'gl', 'so', 'xyz']);
const ccTldToCountry: Record<string, string> = { uk: 'GB' };

/**
 * The country whose national number format applies to a page, and why (issue 3's order): an explicit
 * hint, the site's configuration, its country-code TLD, then the page language and location
 * mentions — the region of the language tag ("en-GB"), the ad's location field, a language spoken
 * in one country only ("pl", "ro"), declared or else detected in the text, places named in the
 * text. Null means only international "+" numbers can be read. Pages and batch records both come
 * here, so the same text gets the same country however it arrives.
 */
export function inferDefaultCountry(input: CountryInferenceInput): InferredCountry | null {
  const hinted = asCountryCode(input.hint);
  if (hinted) return { country: hinted, basis: 'hint' };
  const configured = asCountryCode(input.siteConfig?.defaultCountry);
  if (configured) return { country: configured, basis: 'site-config' };
  return (
    (input.url === undefined ? null : countryFromCcTld(input.url)) ??
    countryFromLanguage(input.htmlLang) ??
    countryFromLocation(input.location) ??
    countryOfLanguage(input.htmlLang) ??
    countryOfLanguage(input.textLanguage) ??
    countryFromText(input.text)
  );
}

export function countryFromCcTld(url: string): InferredCountry | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  const suffix = getPublicSuffix(host);
  if (!suffix) return null;
  const tld = suffix.split('.').pop()!.toLowerCase();
  if (tld.length !== 2 || vanityCcTlds.has(tld)) return null;
  const country = asCountryCode(ccTldToCountry[tld] ?? tld);
  return country ? { country, basis: 'cctld' } : null;
}

/** The region subtag of a BCP 47 tag: "en-GB" → GB, "pt-BR" → BR, "sr-Latn-RS" → RS; "en" → none. */
export function countryFromLanguage(lang: string | null | undefined): InferredCountry | null {
  if (!lang) return null;
  const subtags = lang.trim().split(/[-_]/);
  for (const subtag of subtags.slice(1)) {
    if (/^[a-z]{2}$/i.test(subtag)) {
      const country = asCountryCode(subtag.toUpperCase() === 'UK' ? 'GB' : subtag);
      return country ? { country, basis: 'html-lang' } : null;
    }
  }
  return null;
}

/**
 * Languages spoken as a national language in essentially one country, so a page in them without a
 * region points at that country. Left out on purpose: languages of several countries (en, es, fr,
 * de, pt, nl, it, ar, zh, ru — Russian-language ads run in UA, BY, KZ, the Baltics as much as RU —
 * sr, sv, el, ms, bn, fa).
 */
const singleCountryLanguages: Readonly<Record<string, string>> = {
  pl: 'PL', ro: 'RO', cs: 'CZ', sk: 'SK', hu: 'HU', bg: 'BG', uk: 'UA', lt: 'LT', lv: 'LV', et: 'EE',
  sl: 'SI', hr: 'HR', mk: 'MK', da: 'DK', fi: 'FI', nb: 'NO', nn: 'NO', no: 'NO', is: 'IS', ka: 'GE',
  hy: 'AM', he: 'IL', iw: 'IL', tr: 'TR', ja: 'JP', ko: 'KR', th: 'TH', vi: 'VN', id: 'ID', tl: 'PH',
  fil: 'PH', km: 'KH', lo: 'LA', my: 'MM', mn: 'MN', ne: 'NP', si: 'LK', hi: 'IN', mt: 'MT', lb: 'LU',
};

/** The one country of a language tag without a region ("pl" → PL); null for a language of many countries. */
export function countryOfLanguage(lang: string | null | undefined): InferredCountry | null {
  if (!lang) return null;
  const primary = lang.trim().split(/[-_]/)[0]!.toLowerCase();
  const country = asCountryCode(singleCountryLanguages[primary]);
  return country ? { country, basis: 'language' } : null;
}

export function countryFromLocation(location: string | null | undefined): InferredCountry | null {
  if (!location) return null;
  const place = mostSpecific(findPlaces(location, { anyCase: true }));
  const country = asCountryCode(place?.country);
  return country ? { country, basis: 'location' } : null;
}

const kindWeight = { city: 3, region: 2, country: 1 } as const;

/**
 * Places mentioned in the text vote for their country; a city counts more than a country name
 * (a recruitment ad names the workers' home country as often as the destination city).
 */
export function countryFromText(text: string): InferredCountry | null {
  const votes = new Map<string, number>();
  for (const place of findPlaces(text)) votes.set(place.country, (votes.get(place.country) ?? 0) + kindWeight[place.kind]);
  let best: [string, number] | null = null;
  for (const entry of votes) if (!best || entry[1] > best[1]) best = entry;
  const country = asCountryCode(best?.[0]);
  return country ? { country, basis: 'text-mention' } : null;
}

/** A city says more than a region, a region more than a country; the first of equals wins. */
export function mostSpecific(places: PlaceMention[]): PlaceMention | null {
  let best: PlaceMention | null = null;
  for (const place of places) if (!best || kindWeight[place.kind] > kindWeight[best.kind]) best = place;
  return best;
}

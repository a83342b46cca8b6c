import { adIdFor, captureIdFor, sha256Hex, type AdExtracted, type AdImage, type Indicator } from '@indicia/core';

/** Bytes that start like a PNG (the console types images by their magic bytes). */
export const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fixture png body')]);
export const pngSha256 = sha256Hex(pngBytes);

export interface FixtureAdSpec {
  site: string;
  slug: string;
  title: string;
  body: string;
  fetchedAt: string;
  /** E.164 phones written in the body as given. */
  phones?: string[];
  emails?: string[];
  handles?: Array<{ platform: 'telegram' | 'whatsapp'; value: string }>;
  country?: string;
  withImage?: boolean;
}

/**
 * ad.extracted payloads for console tests, with provenance offsets that point into the text.
 * Synthetic data only: .test sites, NANP 555-01xx numbers, example.com addresses.
 */
export function fixtureAd(spec: FixtureAdSpec): AdExtracted {
  const canonicalUrl = `http://${spec.site}/ads/${spec.slug}`;
  let text = spec.body;
  const captureId = captureIdFor(canonicalUrl, spec.fetchedAt, sha256Hex(`${spec.title}\n${text}`));
  const indicators: Indicator[] = [];
  const add = (indicator: Omit<Indicator, 'provenance'>, raw: string) => {
    text += `\n`;
    const start = text.length;
    text += raw;
    indicators.push({ ...indicator, provenance: [{ captureId, source: 'text', start, end: text.length, raw, obfuscated: false, rules: ['fixture'] }] });
  };
  for (const phone of spec.phones ?? []) add({ type: 'phone', value: phone }, phone);
  for (const email of spec.emails ?? []) add({ type: 'email', value: email }, email);
  for (const handle of spec.handles ?? []) add({ type: 'handle', platform: handle.platform, value: handle.value }, `${handle.platform}: @${handle.value}`);
  const images: AdImage[] = spec.withImage ? [{ url: `http://${spec.site}/img/${spec.slug}.png`, sha256: pngSha256, mediaType: 'image/png', width: 1, height: 1, perceptualHash: '0123456789abcdef', ocr: { status: 'no-text', text: '' } }] : [];
  return {
    adId: adIdFor(canonicalUrl),
    captureId,
    url: canonicalUrl,
    canonicalUrl,
    site: spec.site,
    fetchedAt: spec.fetchedAt,
    title: spec.title,
    text,
    contentHash: sha256Hex(`${spec.title}\n${text}`),
    postedAt: null,
    location: spec.country ? { text: spec.country, country: spec.country } : null,
    language: 'en',
    languageBasis: null,
    prices: [],
    age: null,
    defaultCountry: null,
    indicators,
    detection: { method: 'site-config', score: 1, reasons: ['fixture'] },
    truncated: false,
    images,
    needsBrowser: false,
  };
}

export const sharedPhone = '+17025550134';
export const sharedEmail = 'anna.fixture@example.com';

/** Four ads on two sites: a phone shared by three, an email by two, a formula-looking title, an image. */
export const fixtureAds: AdExtracted[] = [
  fixtureAd({ site: 'velvet-nights.test', slug: '1', title: 'Anna, new in town', body: 'Friendly companion, call me.', fetchedAt: '2024-05-01T10:00:00.000Z', phones: [sharedPhone], emails: [sharedEmail], country: 'US', withImage: true }),
  fixtureAd({ site: 'velvet-nights.test', slug: '2', title: '=HYPERLINK("http://evil.example","click")', body: 'Spreadsheet trap in the title.', fetchedAt: '2024-05-03T10:00:00.000Z', phones: [sharedPhone], country: 'US' }),
  fixtureAd({ site: 'abroad-jobs.test', slug: '7', title: 'Hostess wanted abroad', body: 'Hostess work, travel paid.', fetchedAt: '2024-06-10T10:00:00.000Z', phones: [sharedPhone, '+13125550199'], emails: [sharedEmail], handles: [{ platform: 'telegram', value: 'anna_fx' }], country: 'GB' }),
  fixtureAd({ site: 'abroad-jobs.test', slug: '8', title: 'Waitress in a bar', body: 'Other contact entirely.', fetchedAt: '2024-06-12T10:00:00.000Z', phones: ['+12135550111'], country: 'GB' }),
];

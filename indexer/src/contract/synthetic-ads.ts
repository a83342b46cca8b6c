import { adIdFor, captureIdFor, sha256Hex, type AdAge, type AdExtracted, type AdImage, type AdPrice, type CryptoChain, type HandlePlatform, type Indicator, type RatePeriod } from '@indicia/core';

/**
 * Builds ad.extracted payloads for the contract tests, with provenance offsets that really point
 * into the text. Synthetic data only: .test sites, NANP 555-01xx and UK 07700 900xxx numbers,
 * example.com addresses.
 */
export interface SyntheticAdSpec {
  site?: string;
  /** Distinguishes ads on one site; becomes the URL path. */
  slug: string;
  title?: string;
  /** Prose before the contact lines. */
  body?: string;
  fetchedAt?: string;
  /** E.164; written in the text in a national format. */
  phones?: string[];
  emails?: string[];
  handles?: Array<{ platform: HandlePlatform; value: string }>;
  /** Registrable domains named in the text (.test or example.*). */
  domains?: string[];
  /** Crypto addresses named in the text (public test vectors only). */
  cryptos?: Array<{ chain: CryptoChain; address: string }>;
  /** A phone read only from a tel: link, never from the text. */
  linkOnlyPhone?: string;
  location?: { text: string; city?: string; country?: string } | null;
  language?: string | null;
  postedAt?: string | null;
  /** Appended to the text as written ("$200/hr"), with offsets pointing at it. */
  prices?: Array<{ written: string; amount: number; maxAmount?: number; currency: string; per?: RatePeriod }>;
  /** Appended to the text as written ("I'm 25"), with offsets pointing at it. */
  age?: { written: string; min: number; max: number };
  images?: AdImage[];
  /** Phones read by OCR from `images[0]`'s text (it must contain them in national form). */
  ocrPhones?: string[];
  needsBrowser?: boolean;
  truncated?: boolean;
}

export const defaultFetchedAt = '2024-05-01T10:00:00.000Z';

export function syntheticAd(spec: SyntheticAdSpec): AdExtracted {
  const site = spec.site ?? 'velvet-nights.test';
  const canonicalUrl = `http://${site}/ads/${spec.slug}`;
  const fetchedAt = spec.fetchedAt ?? defaultFetchedAt;
  const title = spec.title ?? `Ad ${spec.slug}`;
  const indicators: Indicator[] = [];
  let text = spec.body ?? `Friendly companion, new in town. Reference ${spec.slug}.`;
  const captureId = captureIdFor(canonicalUrl, fetchedAt, sha256Hex(`${title}\n${text}\n${JSON.stringify(spec)}`));
  const appendLine = (label: string, raw: string): { start: number; end: number } => {
    text += `\n${label} `;
    const start = text.length;
    text += raw;
    return { start, end: text.length };
  };
  const provenanceFor = (span: { start: number; end: number }, raw: string) => [
    { captureId, source: 'text' as const, start: span.start, end: span.end, raw, obfuscated: false, rules: ['synthetic'] },
  ];
  for (const phone of spec.phones ?? []) {
    const raw = nationalForm(phone);
    indicators.push({ type: 'phone', value: phone, provenance: provenanceFor(appendLine('Call', raw), raw) });
  }
  for (const email of spec.emails ?? []) {
    indicators.push({ type: 'email', value: email.toLowerCase(), provenance: provenanceFor(appendLine('Email', email), email) });
  }
  for (const handle of spec.handles ?? []) {
    const raw = `@${handle.value}`;
    indicators.push({ type: 'handle', platform: handle.platform, value: handle.value.toLowerCase(), provenance: provenanceFor(appendLine(`${handle.platform}:`, raw), raw) });
  }
  for (const domain of spec.domains ?? []) {
    indicators.push({ type: 'domain', value: domain, provenance: provenanceFor(appendLine('Visit', domain), domain) });
  }
  for (const crypto of spec.cryptos ?? []) {
    indicators.push({ type: 'crypto', chain: crypto.chain, value: crypto.address, provenance: provenanceFor(appendLine('Tips', crypto.address), crypto.address) });
  }
  const prices: AdPrice[] = (spec.prices ?? []).map(({ written, ...price }) => ({ ...price, raw: written, source: 'text', ...appendLine('Rate', written) }));
  let age: AdAge | null = null;
  if (spec.age) {
    const { written, ...range } = spec.age;
    age = { ...range, raw: written, source: 'text', ...appendLine('About me:', written) };
  }
  for (const phone of spec.ocrPhones ?? []) {
    const image = spec.images?.[0];
    const raw = nationalForm(phone);
    const start = image ? image.ocr.text.indexOf(raw) : -1;
    if (!image || start < 0) throw new RangeError(`the first image's OCR text must hold ${raw}`);
    indicators.push({
      type: 'phone',
      value: phone,
      provenance: [{ captureId, source: 'ocr', imageSha256: image.sha256, start, end: start + raw.length, raw, obfuscated: false, rules: ['synthetic'] }],
    });
  }
  if (spec.linkOnlyPhone) {
    const raw = `tel:${spec.linkOnlyPhone}`;
    indicators.push({
      type: 'phone',
      value: spec.linkOnlyPhone,
      provenance: [{ captureId, source: 'html-attr', attribute: 'href', start: 0, end: raw.length, raw, obfuscated: false, rules: ['tel-link'] }],
    });
  }
  return {
    adId: adIdFor(canonicalUrl),
    captureId,
    url: canonicalUrl,
    canonicalUrl,
    site,
    fetchedAt,
    title,
    text,
    contentHash: sha256Hex(`${title}\n${text}`),
    postedAt: spec.postedAt === undefined ? '2024-04-30' : spec.postedAt,
    location: spec.location === undefined ? { text: 'Las Vegas, NV', city: 'Las Vegas', country: 'US' } : spec.location,
    language: spec.language === undefined ? 'en' : spec.language,
    languageBasis: 'declared',
    prices,
    age,
    defaultCountry: { country: 'US', basis: 'synthetic' },
    indicators,
    detection: { method: 'generic', score: 1, reasons: ['synthetic'] },
    truncated: spec.truncated ?? false,
    images: spec.images ?? [],
    needsBrowser: spec.needsBrowser ?? false,
  };
}

/**
 * An ad image as the extractor describes it. `name` stands for the bytes: the same name is the
 * same sha256. The perceptual hash is given, so tests can place images at chosen distances.
 */
export function syntheticImage(spec: { name: string; perceptualHash: string | null; site?: string; ocrText?: string; ocr?: AdImage['ocr'] }): AdImage {
  const ocr = spec.ocr ?? (spec.ocrText === undefined ? { status: 'no-text' as const, text: '', reason: 'no text-like edges' } : { status: 'read' as const, text: spec.ocrText });
  return {
    url: `http://${spec.site ?? 'velvet-nights.test'}/img/${spec.name}.jpg`,
    sha256: sha256Hex(`image bytes: ${spec.name}`),
    mediaType: 'image/jpeg',
    width: 480,
    height: 360,
    perceptualHash: spec.perceptualHash,
    ocr,
  };
}

/** `hash` (16 hex digits) with its lowest `bits` bits inverted: a picture that far from it. */
export function hashWithBitsFlipped(hash: string, bits: number): string {
  const mask = bits >= 64 ? (1n << 64n) - 1n : (1n << BigInt(bits)) - 1n;
  return (BigInt(`0x${hash}`) ^ mask).toString(16).padStart(16, '0');
}

/** `+17025550123` → `(702) 555-0123`; `+447700900123` → `07700 900123`; anything else unchanged. */
function nationalForm(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `(${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  const uk = /^\+44(7\d{3})(\d{6})$/.exec(e164);
  if (uk) return `0${uk[1]} ${uk[2]}`;
  return e164;
}

/** A fictional NANP number: 702-555-01nn, nn from 00 to 99. */
export function fictionalPhone(n: number): string {
  return `+1702555${String(100 + (n % 100)).padStart(4, '0')}`;
}

import { z } from 'zod';
import { DnsRecordedSchema, WhoisRecordedSchema } from './registration.js';

/**
 * The message types stages exchange. These schemas are the only thing stages share; a stage
 * never imports another stage. Every payload is plain JSON (it crosses Kafka in distributed mode).
 */

export const indicatorTypes = ['phone', 'email', 'handle', 'crypto', 'url', 'domain'] as const;
export type IndicatorType = (typeof indicatorTypes)[number];

/** A closed list: a handle on a platform not listed here is kept as a URL, not a handle. */
export const handlePlatforms = [
  'whatsapp', 'telegram', 'snapchat', 'instagram', 'kik', 'onlyfans', 'twitter',
  'signal', 'skype', 'wechat', 'line', 'tiktok', 'facebook',
] as const;
export type HandlePlatform = (typeof handlePlatforms)[number];

export const cryptoChains = ['bitcoin', 'ethereum', 'monero'] as const;
export type CryptoChain = (typeof cryptoChains)[number];

/**
 * Where an indicator was read. Offsets are UTF-16 code unit offsets into:
 * - `text`: the ad's extracted text (`AdExtracted.text`)
 * - `html-attr`: the attribute value named by `attribute` (e.g. an `href`)
 * - `url`: the page's URL
 * - `ocr`: the OCR text of the image `imageSha256`
 */
export const provenanceSources = ['text', 'html-attr', 'url', 'ocr'] as const;
export type ProvenanceSource = (typeof provenanceSources)[number];

export const ProvenanceSchema = z.object({
  captureId: z.string().min(1),
  source: z.enum(provenanceSources),
  attribute: z.string().optional(),
  imageSha256: z.string().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  raw: z.string(),
  /** True when the raw text needed de-obfuscation (words for digits, spaced separators, "(at)"...). */
  obfuscated: z.boolean(),
  /** Names of the extraction rules that fired, for auditing a match. */
  rules: z.array(z.string()),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const IndicatorSchema = z.object({
  type: z.enum(indicatorTypes),
  /** Normalised value: E.164 phone, lowercased email, lowercased handle without '@', registrable domain... */
  value: z.string().min(1),
  platform: z.enum(handlePlatforms).optional(),
  chain: z.enum(cryptoChains).optional(),
  /** Every place in the capture the indicator was read from; at least one. */
  provenance: z.array(ProvenanceSchema).min(1),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** An image an ad page shows, fetched in scope and kept by sha256 in the blob store. */
export const CapturedImageSchema = z.object({
  /** Absolute URL the image was fetched from (after redirects). */
  url: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Sniffed from the bytes (image/png, image/jpeg, image/gif, image/webp...), never taken from the server's header. */
  mediaType: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  /** The image bytes, base64: carried in the message so OCR needs no shared disk (sizes are capped). */
  data: z.string(),
  /** More than 1 for an animated GIF, APNG or WebP: OCR and the perceptual hash read the first frame. */
  frames: z.number().int().min(1).default(1),
  /** Kept although its header could not be read (cut or corrupt bytes, kept as captured): the decoder's words. */
  decoderError: z.string().nullable().default(null),
});
export type CapturedImage = z.infer<typeof CapturedImageSchema>;

/** An image the page referenced that was not kept, and why (too big, not an image, a pixel bomb...). */
export const RefusedImageSchema = z.object({ url: z.string(), reason: z.string() });
export type RefusedImage = z.infer<typeof RefusedImageSchema>;

export const PageCapturedSchema = z.object({
  captureId: z.string().min(1),
  /** The URL as requested (canonical form): the frontier's key. */
  url: z.string(),
  /** The URL after redirects. */
  finalUrl: z.string(),
  /** Canonical form of the final URL: what was captured, and what an ad's id derives from. */
  canonicalUrl: z.string(),
  /** Host name of the final URL, e.g. `velvet-nights.test`. */
  site: z.string(),
  depth: z.number().int().nonnegative(),
  status: z.number().int(),
  contentType: z.string(),
  /** Selected response headers (lowercased names): content-type, last-modified, etag, server, location... */
  headers: z.record(z.string(), z.string()),
  fetchedAt: z.string(),
  /** Proxy the fetch went through, credentials removed; null for a direct fetch. */
  proxy: z.string().nullable(),
  fetchMode: z.enum(['http', 'browser']),
  bodySha256: z.string(),
  bodyBytes: z.number().int().nonnegative(),
  /** True when the body was cut at the size cap; the capture keeps what arrived. */
  truncated: z.boolean(),
  /**
   * The decoded body for text content types (HTML, XML, JSON, plain text), empty otherwise.
   * Carried in the message so extraction needs no shared disk; the raw bytes are in the blob store.
   */
  body: z.string(),
  /** In-scope images the page shows (img src/srcset, lazy-loading attributes), within the caps. */
  images: z.array(CapturedImageSchema).default([]),
  refusedImages: z.array(RefusedImageSchema).default([]),
  /** Browser captures: sha256 (blob store) of the PNG screenshot, also written to the WARC as a resource record. */
  screenshotSha256: z.string().nullable().default(null),
  /**
   * The page needed a browser (it looked script-rendered: an empty body, an app root, a noscript
   * notice; or the crawl renders every page) and none could render it: kept as fetched, marked for
   * a browser crawl. `render` says why.
   */
  needsBrowser: z.boolean().default(false),
  /**
   * How the browser fared, when one was asked to render the page (null otherwise): settled, captured
   * unsettled at the time cap (a page that never stops loading), failed (the page crashed its
   * renderer or never answered: the HTTP capture is kept, `needsBrowser` set), or unavailable.
   */
  render: z
    .object({ outcome: z.enum(['settled', 'unsettled', 'failed', 'unavailable']), reason: z.string().nullable() })
    .nullable()
    .default(null),
});
export type PageCaptured = z.infer<typeof PageCapturedSchema>;

export const AdLocationSchema = z.object({
  text: z.string(),
  city: z.string().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2).optional(),
});
export type AdLocation = z.infer<typeof AdLocationSchema>;

/**
 * The period a price is for. Escort ads quote rates per 15 minutes to a night; recruitment ads
 * quote salaries per hour, day, week, month or year.
 */
export const ratePeriods = ['15min', '30min', '45min', 'hour', '90min', '2hours', '3hours', 'night', 'day', 'weekend', 'week', 'month', 'year'] as const;
export type RatePeriod = (typeof ratePeriods)[number];

/** Which of the ad's texts an attribute was read from: offsets are into `AdExtracted.text` or `.title`. */
export const attributeSources = ['text', 'title'] as const;
export type AttributeSource = (typeof attributeSources)[number];

/** A price or rate stated in the ad: "$200/hr", "1.500-2.000 EUR pe lună", "30min 150€". */
export const AdPriceSchema = z.object({
  amount: z.number().positive(),
  /** Upper end of a range ("1500-2000 EUR"); absent for a single amount. */
  maxAmount: z.number().positive().optional(),
  /** ISO 4217, read from a symbol, code or word ("$" by the page's country: AUD in Australia). */
  currency: z.string().regex(/^[A-Z]{3}$/),
  per: z.enum(ratePeriods).optional(),
  /** The span as written, including the period when it is next to the amount. */
  raw: z.string(),
  source: z.enum(attributeSources),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type AdPrice = z.infer<typeof AdPriceSchema>;

/**
 * The age the ad states: the advertiser's ("25 y.o.", "I'm 25", "25 лет") or a recruitment range
 * ("aged 18-35": min 18, max 35; a single age has min = max). Ages under 18 are kept: they are a
 * signal investigators look for. Only absurd values (under 10, over 99) are refused.
 */
export const AdAgeSchema = z.object({
  min: z.number().int().min(10).max(99),
  max: z.number().int().min(10).max(99),
  raw: z.string(),
  source: z.enum(attributeSources),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type AdAge = z.infer<typeof AdAgeSchema>;

/** How `AdExtracted.language` was chosen: the page's declaration, or the language of its text. */
export const languageBases = ['declared', 'text'] as const;
export type LanguageBasis = (typeof languageBases)[number];

/** What OCR made of an image: read, skipped by the "has text" pre-filter, or failed (with why). */
export const ocrStatuses = ['read', 'no-text', 'unsupported', 'failed'] as const;
export type OcrStatus = (typeof ocrStatuses)[number];

/** An image of the ad, with what was read from it. Indicators read from it carry `source: 'ocr'`, `imageSha256`. */
export const AdImageSchema = z.object({
  url: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  /** 64-bit perceptual hash (dHash), 16 hex digits; null when the image could not be decoded. */
  perceptualHash: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  ocr: z.object({
    status: z.enum(ocrStatuses),
    /** The recognised text (provenance offsets of OCR indicators point into it); empty unless read. */
    text: z.string(),
    reason: z.string().optional(),
  }),
});
export type AdImage = z.infer<typeof AdImageSchema>;

export const AdExtractedSchema = z.object({
  /** adIdFor(canonicalUrl): stable across captures of the same ad. */
  adId: z.string().min(1),
  captureId: z.string().min(1),
  url: z.string(),
  canonicalUrl: z.string(),
  site: z.string(),
  fetchedAt: z.string(),
  title: z.string(),
  text: z.string(),
  /** sha256 of the normalised title + text: tells versions of one ad apart. */
  contentHash: z.string(),
  postedAt: z.string().nullable(),
  location: AdLocationSchema.nullable(),
  /**
   * BCP 47 language tag of the ad text, when known: the page's declaration (<html lang>...), unless
   * the text is clearly in another language (a site serving every language under one default), or
   * the text's language (primary subtag only) when the page declares none.
   */
  language: z.string().nullable(),
  /** Defaults keep payloads written before these fields existed valid. */
  languageBasis: z.enum(languageBases).nullable().default(null),
  /** Prices and rates in the text (or, when the text has none, the title), in order of appearance. */
  prices: z.array(AdPriceSchema).default([]),
  /** The first age the text (or else the title) states; null when none. */
  age: AdAgeSchema.nullable().default(null),
  /** The country used for national-format phone numbers, and how it was chosen. */
  defaultCountry: z.object({ country: z.string().length(2), basis: z.string() }).nullable(),
  indicators: z.array(IndicatorSchema),
  /** How the page was recognised as an ad, for auditing the classifier. */
  detection: z.object({ method: z.enum(['site-config', 'generic']), score: z.number(), reasons: z.array(z.string()) }),
  /**
   * True when only part of the page was read: the crawler cut the body at its size cap, or the
   * extractor stopped at its own caps (HTML beyond `maxHtmlChars`). What was read is kept.
   */
  truncated: z.boolean().default(false),
  /** The ad's images (in-scope, within the caps), with perceptual hashes and OCR text. */
  images: z.array(AdImageSchema).default([]),
  /** The page needed a browser to render and none was available: what was read may be incomplete. */
  needsBrowser: z.boolean().default(false),
});
export type AdExtracted = z.infer<typeof AdExtractedSchema>;

export const DomainSeenSchema = z.object({
  /** Registrable domain (Public Suffix List). */
  domain: z.string().min(1),
  via: z.enum(['site', 'url', 'email']),
  captureId: z.string().min(1),
  adId: z.string().nullable(),
  /**
   * Set by `indicia pivot refresh --kafka`: look again at parts last looked at this long ago or
   * more, in place of the pivot stage's own refresh interval (0: look again whatever the age).
   */
  refreshOlderThanMs: z.number().int().nonnegative().optional(),
});
export type DomainSeen = z.infer<typeof DomainSeenSchema>;

/**
 * A URL for a crawler to fetch: the distributed crawl frontier. Keyed by host on the bus, so all of
 * one host's requests reach one crawler worker and its politeness (delay, concurrency, robots.txt)
 * holds however many workers run. The submission travels with every request: it fixes the scope
 * (the seeds' registrable domains) and depth for every page reached from the same seeds.
 */
export const CrawlRequestedSchema = z.object({
  /** As found (absolute); fetched in this form. */
  url: z.string().min(1),
  /** Canonical form: the key that tells a URL already fetched from a new one. */
  canonicalUrl: z.string().min(1),
  host: z.string().min(1),
  depth: z.number().int().nonnegative(),
  /** The page the link was found on; null for a seed. */
  parentUrl: z.string().nullable(),
  submission: z.object({
    /** The run id of `indicia crawl ... --kafka`, which submitted the seeds. */
    id: z.string().min(1),
    seeds: z.array(z.string().min(1)).min(1),
    maxDepth: z.number().int().nonnegative(),
    /** Fetch URLs again even if this worker has captured them before. */
    recrawl: z.boolean().default(false),
  }),
});
export type CrawlRequested = z.infer<typeof CrawlRequestedSchema>;

export const messageSchemas = {
  'crawl.requested': CrawlRequestedSchema,
  'page.captured': PageCapturedSchema,
  'ad.extracted': AdExtractedSchema,
  'domain.seen': DomainSeenSchema,
  'whois.recorded': WhoisRecordedSchema,
  'dns.recorded': DnsRecordedSchema,
} as const;

export type MessageType = keyof typeof messageSchemas;
export const messageTypes = Object.keys(messageSchemas) as MessageType[];
export type PayloadOf<T extends MessageType> = z.infer<(typeof messageSchemas)[T]>;

import { z, type Indicator } from '@indicia/core';
import { inferDefaultCountry } from './country-inference.js';
import { collectIndicators, extractIndicators } from './extract-indicators.js';
import { findAllElements, parseHtmlPage } from './html-document.js';
import { IndicatorCollector } from './indicator-collector.js';
import { locateInHtml } from './html-span-locator.js';
import { limitNesting } from './nesting-guard.js';
import { asCountryCode } from './phone-number-parsing.js';
import { detectTextLanguage } from './text-language.js';
import { renderVisibleText } from './visible-text.js';

/**
 * One line of `indicia extract` input (a contract: keep it stable). Unknown keys are ignored so
 * researchers can feed records that carry their own metadata.
 */
export const batchRecordSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  country: z.string().refine(isBatchCountry, { message: 'not an ISO 3166 alpha-2 country code with a phone numbering plan' }).optional(),
  html: z.string().optional(),
});
/** A two-letter country code (any case) that phone numbers can be read for. */
export function isBatchCountry(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code) && asCountryCode(code) !== undefined;
}

export type BatchRecord = z.infer<typeof batchRecordSchema>;

/** One indicator of a batch output line; key order is part of the contract. */
export interface BatchIndicator {
  type: Indicator['type'];
  value: string;
  platform?: NonNullable<Indicator['platform']>;
  chain?: NonNullable<Indicator['chain']>;
  raw: string;
  start: number;
  end: number;
}

export interface BatchOutputRecord {
  id: string;
  indicators: BatchIndicator[];
  /** Present (true) only when the record was read in part: text or html beyond the size caps. */
  truncated?: true;
}

export interface BatchRecordOptions {
  /** Country for national phone numbers in records without their own `country`. */
  defaultCountry?: string;
  /** HTML beyond this many characters is not read (the text still is). Default 1,000,000. */
  maxHtmlChars?: number;
  /** Text beyond this many characters is not read. Default 2,000,000. */
  maxTextChars?: number;
}

export type BatchRecordParse = { ok: true; record: BatchRecord } | { ok: false; reason: string };

/**
 * Size caps: ads are a few kB, and a record far beyond these is a dump or an attack. Reading stops
 * there, so one record never holds up a batch for seconds, and the output line says so.
 */
const defaultMaxHtmlChars = 1_000_000;
const defaultMaxTextChars = 2_000_000;
/** Place names are read from the start of a record: enough to tell, cheap on a huge one. */
const placeSampleChars = 20_000;

/** Reads one input line: the record, or why it is not one (for the line's error report). */
export function parseBatchRecord(line: string): BatchRecordParse {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    // The parser's message quotes the line, which may hold personal data: the reason never does.
    if (error instanceof SyntaxError) return { ok: false, reason: 'not JSON' };
    throw error;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'not a JSON object' };
  const parsed = batchRecordSchema.safeParse(json);
  if (parsed.success) return { ok: true, record: parsed.data };
  const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
  return { ok: false, reason };
}

/**
 * The indicators of one record: one entry per distinct indicator (type, platform, value), with the
 * raw text and offsets of its first occurrence.
 * - Indicators of `text` come first, in reading order; offsets index `text`.
 * - Then those found only in `html` (its visible text, then its link hrefs); offsets index the
 *   `html` string as given and `raw` is `html.slice(start, end)`. Text the rendering pieced together
 *   (digits split across elements, entities) is located in the html with the markup in between.
 *   An indicator that cannot be located there (rare) is left out rather than given wrong offsets.
 */
export function extractBatchRecord(record: BatchRecord, options: BatchRecordOptions = {}): BatchOutputRecord {
  const country = batchRecordCountry(record, options);
  const countryContext = country ? { defaultCountry: country } : {};
  const maxTextChars = options.maxTextChars ?? defaultMaxTextChars;
  const maxHtmlChars = options.maxHtmlChars ?? defaultMaxHtmlChars;
  const truncated = record.text.length > maxTextChars || (record.html?.length ?? 0) > maxHtmlChars;
  const text = record.text.length > maxTextChars ? record.text.slice(0, maxTextChars) : record.text;
  const indicators = extractIndicators(text, { captureId: record.id, source: 'text', ...countryContext }).map((indicator) => {
    const first = indicator.provenance[0]!;
    return toBatchIndicator(indicator, { raw: first.raw, start: first.start, end: first.end });
  });
  const output = (): BatchOutputRecord => (truncated ? { id: record.id, indicators, truncated } : { id: record.id, indicators });
  if (record.html === undefined || record.html.trim() === '') return output();

  const seen = new Set(indicators.map(indicatorKey));
  // Indicators are looked for in the part of the html that was read, and only there.
  const readHtml = record.html.length > maxHtmlChars ? record.html.slice(0, maxHtmlChars) : record.html;
  for (const indicator of htmlIndicators(readHtml, record.id, countryContext)) {
    const key = indicatorKey(indicator);
    if (seen.has(key)) continue;
    const first = indicator.provenance[0]!;
    const span = locateInHtml(readHtml, first.raw);
    if (!span) continue;
    seen.add(key);
    indicators.push(toBatchIndicator(indicator, { raw: record.html.slice(span.start, span.end), start: span.start, end: span.end }));
  }
  return output();
}

/** One `indicia extract` input line done: its output line, or why it was skipped. */
export type BatchLineResult = { ok: true; output: string } | { ok: false; reason: string };

/** One input line, parsed, extracted and serialised: the whole per-line work of the batch mode. */
export function extractBatchLine(line: string, options: BatchRecordOptions = {}): BatchLineResult {
  const parsed = parseBatchRecord(line);
  if (!parsed.ok) return parsed;
  return { ok: true, output: JSON.stringify(extractBatchRecord(parsed.record, options)) };
}

/**
 * The country for national numbers, in issue 3's order: the record's own `country`, the caller's
 * (`--country`), then the language of the text and the places it names; otherwise none, and only
 * international numbers are read. A batch record has no URL or site config to go by.
 */
function batchRecordCountry(record: BatchRecord, options: BatchRecordOptions): string | undefined {
  const hint = record.country ?? options.defaultCountry ?? null;
  const text = record.text.length > placeSampleChars ? record.text.slice(0, placeSampleChars) : record.text;
  // A stated country wins before the language is asked for: no detection then.
  const language = asCountryCode(hint) ? null : detectTextLanguage(text);
  return inferDefaultCountry({ hint, textLanguage: language?.clear ? language.language : null, text })?.country;
}

function htmlIndicators(html: string, id: string, options: { defaultCountry?: string }): Indicator[] {
  const limited = limitNesting(html);
  // The base URL only resolves relative links, which the link rules do not need.
  const page = parseHtmlPage(limited.html, 'https://batch.invalid/');
  const countryContext = options.defaultCountry ? { defaultCountry: options.defaultCountry } : {};
  const collector = new IndicatorCollector();
  collectIndicators(collector, renderVisibleText(page.document), { captureId: id, source: 'text', ...countryContext });
  for (const anchor of findAllElements(page.document, (el) => el.name === 'a' && el.attribs.href !== undefined)) {
    collectIndicators(collector, anchor.attribs.href!, { captureId: id, source: 'html-attr', attribute: 'href', ...countryContext });
  }
  return collector.list();
}

function indicatorKey(indicator: Pick<Indicator, 'type' | 'platform' | 'value'>): string {
  return `${indicator.type}\u0000${indicator.platform ?? ''}\u0000${indicator.value}`;
}

function toBatchIndicator(indicator: Indicator, occurrence: { raw: string; start: number; end: number }): BatchIndicator {
  // Built key by key: the output's key order is part of the contract.
  const entry: BatchIndicator = { type: indicator.type, value: indicator.value } as BatchIndicator;
  if (indicator.platform) entry.platform = indicator.platform;
  if (indicator.chain) entry.chain = indicator.chain;
  entry.raw = occurrence.raw;
  entry.start = occurrence.start;
  entry.end = occurrence.end;
  return entry;
}

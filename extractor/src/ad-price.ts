import type { AdPrice, AttributeSource, RatePeriod } from '@indicia/core';
import {
  currencyTokens,
  durationUnits,
  lowercaseCodesAllowed,
  periodAdverbs,
  periodByMinutes,
  periodConnectors,
  periodWords,
  prefixTokens,
  sharedSymbols,
} from './ad-price-data.js';

export interface PriceOptions {
  /** ISO 3166-1 alpha-2 country of the page: which dollar "$" is, which crown "kr" is. */
  country?: string | null;
  source?: AttributeSource;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

/**
 * The scan is anchored on currency tokens (rarer than digits); amounts are then read next to them.
 * Every token is in the BMP, so the pattern needs no 'u' flag, which makes it three times faster.
 */
const currencyPattern = new RegExp(alternation([...Object.keys(currencyTokens), ...Object.keys(sharedSymbols)]), 'gi');
const currencyAtStart = new RegExp(`^(?:${currencyPattern.source})`, 'i');
const numberPattern = /(\d{1,3}(?:[.,'\u00a0\u202f\u2009 ]\d{3})+|\d+)(?:[.,](\d{1,2}))?(?!\d)(?:\s?([kK])(?![\p{L}\p{N}]))?/uy;
const blank = /[ \t\u00a0\u202f\u2009]/;
const letter = /\p{L}/u;
const digit = /\d/;

const periodWordList = alternation(new Set([...Object.keys(periodWords), ...Object.keys(durationUnits)]));
const period = `(?:(\\d{1,4}(?:[.,]5)?)\\s?)?(${periodWordList})(?![\\p{L}])`;
const periodAfterConnector = new RegExp(`\\s*(?:(?:${alternation(periodConnectors)})\\s*${period}|(${alternation(Object.keys(periodAdverbs))})(?![\\p{L}]))`, 'iuy');
const periodLooseAfter = new RegExp(`\\s*[-–—:(,]?\\s*${period}`, 'iuy');
const periodBefore = new RegExp(`(?:^|[^\\p{L}\\p{N}])${period}\\s*(?:[:=\\-–—]\\s*)?$`, 'iu');
const durationAfterAmount = new RegExp(`\\s?(?:${alternation(Object.keys(durationUnits))})(?![\\p{L}])`, 'iuy');
const rangeSeparatorAfter = /\s*(?:[-–—~]|\s(?:to|bis|do|до|a|à|tot|au|al|până la))\s*/uy;
const rangeSeparatorBefore = /(?:[-–—~]|\s(?:to|bis|do|до|a|à|tot|au|al|până la))\s*$/u;

/** An ad states a handful of prices; past these, a text is a price list or an attack, and reading stops. */
const maxPrices = 100;
const maxTokens = 2000;

interface Amount {
  value: number;
  start: number;
  end: number;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Prices and rates with their currency (ISO 4217) and, when stated, the period: "$200/hr",
 * "Rates from A$300 per hour", "1.500-2.000 EUR pe lună", "30min 150€ | 1h 250€", "2k zł miesięcznie".
 * Amounts may use "1.500", "1,500", "1 500" and "2k". Offsets are into `text`. At most the first
 * 100 prices (and 2,000 currency signs) are read.
 */
export function findPrices(text: string, options: PriceOptions = {}): AdPrice[] {
  if (!digit.test(text)) return [];
  const source = options.source ?? 'text';
  const prices: AdPrice[] = [];
  // Nothing before this offset may be read again: a number or period belongs to one price.
  let floor = 0;
  let tokens = 0;
  for (const match of text.matchAll(currencyPattern)) {
    if (++tokens > maxTokens || prices.length >= maxPrices) break;
    const tokenStart = match.index;
    const tokenEnd = tokenStart + match[0].length;
    if (tokenStart < floor) continue;
    const currency = currencyOf(text, match[0], tokenStart, tokenEnd, options.country);
    if (!currency) continue;
    const price = readPrice(text, { tokenStart, tokenEnd, currency, token: match[0].toLowerCase(), floor, country: options.country });
    if (!price) continue;
    prices.push({ ...price, raw: text.slice(price.start, price.end), source });
    floor = price.end;
  }
  return prices;
}

function currencyOf(text: string, written: string, start: number, end: number, country: string | null | undefined): string | null {
  const token = written.toLowerCase();
  const first = written[0]!;
  const last = written[written.length - 1]!;
  if (letter.test(first) && !isHan(first) && start > 0 && letter.test(text[start - 1]!)) return null;
  if (letter.test(last) && !isHan(last) && end < text.length && letter.test(text[end]!)) return null;
  if (/^[a-z]{2,3}$/.test(token) && !lowercaseCodesAllowed.has(token) && written !== written.toUpperCase()) return null;
  const shared = sharedSymbols[token];
  if (shared) return (country && shared.byCountry[country.toUpperCase()]) || shared.fallback;
  return currencyTokens[token] ?? null;
}

interface PriceContext {
  tokenStart: number;
  tokenEnd: number;
  currency: string;
  token: string;
  floor: number;
  country: string | null | undefined;
}

function readPrice(text: string, context: PriceContext): Omit<AdPrice, 'raw' | 'source'> | null {
  const { tokenStart, tokenEnd, floor } = context;
  const after = () => amountAfter(text, tokenEnd);
  const before = () => amountBefore(text, tokenStart, floor);
  const amount = prefixTokens.has(context.token) ? (after() ?? before()) : (before() ?? after());
  if (!amount) return null;
  let start = Math.min(amount.start, tokenStart);
  let end = Math.max(amount.end, tokenEnd);
  let low = amount.value;
  let high: number | undefined;
  const earlier = amount.start < tokenStart ? rangeStartBefore(text, amount.start, floor) : null;
  if (earlier && earlier.value < low) {
    high = low;
    low = earlier.value;
    start = earlier.start;
  } else {
    const later = rangeEndAfter(text, end, context);
    if (later && later.value > low) {
      high = later.value;
      end = later.end;
    } else if (/^[-–]\d/.test(text.slice(end, end + 2))) return null;
  }
  const periodFound = periodNear(text, { start, end, floor });
  if (periodFound) {
    start = Math.min(start, periodFound.start);
    end = Math.max(end, periodFound.end);
  }
  const price: Omit<AdPrice, 'raw' | 'source'> = { amount: low, currency: context.currency, start, end };
  if (high !== undefined) price.maxAmount = high;
  if (periodFound?.per) price.per = periodFound.per;
  return price;
}

/** The amount right after a currency token: "$ 200", "€1.500". */
function amountAfter(text: string, position: number): Amount | null {
  let at = position;
  while (at < text.length && at - position < 2 && blank.test(text[at]!)) at++;
  const amount = readAmount(text, at);
  if (!amount) return null;
  const next = text[amount.end];
  if (next !== undefined && letter.test(next)) return null;
  durationAfterAmount.lastIndex = amount.end;
  if (durationAfterAmount.test(text)) return null; // "€ 1h": the number is a duration, not the amount
  if (/^[ \u00a0]?\d/.test(text.slice(amount.end, amount.end + 2))) return null;
  if (/^:\d/.test(text.slice(amount.end, amount.end + 2))) return null;
  return amount;
}

/** The amount right before a currency token: "200 €", "1 500 zł", "2k EUR". */
function amountBefore(text: string, position: number, floor: number): Amount | null {
  let end = position;
  while (end > floor && position - end < 2 && blank.test(text[end - 1]!)) end--;
  let from = end;
  while (from > floor && end - from < 24 && /[\d.,'kK \u00a0\u202f\u2009]/.test(text[from - 1]!)) from--;
  for (let at = from; at < end; at++) {
    if (!digit.test(text[at]!) || (at > 0 && digit.test(text[at - 1]!))) continue;
    const amount = readAmount(text, at);
    if (!amount || amount.end !== end) continue;
    if (!isolatedOnTheLeft(text, at)) continue;
    return amount;
  }
  return null;
}

/** Not the tail of a longer number ("0412 345 678 200 €") nor glued to a word. */
function isolatedOnTheLeft(text: string, start: number): boolean {
  const previous = text[start - 1];
  if (previous === undefined) return true;
  if (letter.test(previous) || previous === '.' || previous === ',') return false;
  const beforeBlank = blank.test(previous) ? text[start - 2] : undefined;
  return beforeBlank === undefined || !digit.test(beforeBlank);
}

function readAmount(text: string, at: number): Amount | null {
  numberPattern.lastIndex = at;
  const m = numberPattern.exec(text);
  if (!m) return null;
  const integer = m[1]!.replace(/\D/g, '');
  if (integer.length > 7 || (integer.length > 1 && integer.startsWith('0'))) return null;
  const value = Number(`${integer}${m[2] ? `.${m[2]}` : ''}`) * (m[3] ? 1000 : 1);
  if (!(value > 0)) return null;
  return { value, start: at, end: at + m[0].length };
}

/** "1500-2000 EUR": the first amount of a range written before the currency. */
function rangeStartBefore(text: string, start: number, floor: number): Amount | null {
  const window = text.slice(Math.max(floor, start - 14), start);
  const separator = rangeSeparatorBefore.exec(window);
  if (!separator) return null;
  return amountBefore(text, start - (window.length - separator.index), floor);
}

/** "€1500-2000", "$200 - $300", "1500 EUR - 2000 EUR": the second amount of a range. */
function rangeEndAfter(text: string, position: number, context: PriceContext): Amount | null {
  rangeSeparatorAfter.lastIndex = position;
  if (!rangeSeparatorAfter.exec(text)) return null;
  let at = rangeSeparatorAfter.lastIndex;
  const leading = sameCurrencyAt(text, at, context);
  if (leading) at = leading;
  const amount = amountAfter(text, at);
  if (!amount) return null;
  let trailingStart = amount.end;
  while (trailingStart < text.length && trailingStart - amount.end < 1 && blank.test(text[trailingStart]!)) trailingStart++;
  const trailing = sameCurrencyAt(text, trailingStart, context);
  return trailing ? { ...amount, end: trailing } : amount;
}

/** The end of a token of the price's currency starting at `at`, or null. */
function sameCurrencyAt(text: string, at: number, context: PriceContext): number | null {
  const m = currencyAtStart.exec(text.slice(at, at + 12));
  if (!m) return null;
  return currencyOf(text, m[0], at, at + m[0].length, context.country) === context.currency ? at + m[0].length : null;
}

interface PeriodMention {
  per: RatePeriod | undefined;
  start: number;
  end: number;
}

/**
 * The period of a price: joined after it ("/hr", "per month", "pe lună"), else a duration label
 * before it ("1h: 250€", "30min 150€"), else a duration right after it ("150€ 30min").
 */
function periodNear(text: string, price: Span & { floor: number }): PeriodMention | null {
  periodAfterConnector.lastIndex = price.end;
  const joined = periodAfterConnector.exec(text);
  if (joined) {
    const per = joined[3] ? periodAdverbs[joined[3].toLowerCase()] : periodOf(joined[1], joined[2]!);
    if (per) return { per, start: price.end, end: periodAfterConnector.lastIndex };
  }
  const windowStart = Math.max(price.floor, price.start - 24);
  const label = periodBefore.exec(text.slice(windowStart, price.start));
  if (label && isDurationLike(label[1], label[2]!)) {
    const per = periodOf(label[1], label[2]!);
    const labelStart = windowStart + label.index + label[0].search(/[\d\p{L}]/u);
    if (per) return { per, start: labelStart, end: price.start };
  }
  periodLooseAfter.lastIndex = price.end;
  const loose = periodLooseAfter.exec(text);
  if (loose && isDurationLike(loose[1], loose[2]!)) {
    const per = periodOf(loose[1], loose[2]!);
    if (per) return { per, start: price.end, end: periodLooseAfter.lastIndex };
  }
  return null;
}

/** Without a connector only a counted duration ("30 min", "1h") or a night says a period. */
function isDurationLike(count: string | undefined, word: string): boolean {
  return count !== undefined || periodWords[word.toLowerCase()] === 'night';
}

function periodOf(count: string | undefined, word: string): RatePeriod | undefined {
  const unit = word.toLowerCase();
  const n = count === undefined ? 1 : Number(count.replace(',', '.'));
  const minutes = durationUnits[unit];
  if (minutes !== undefined && (count !== undefined || minutes === 60)) return periodByMinutes[n * minutes];
  const named = periodWords[unit];
  return named && n === 1 ? named : undefined;
}

function isHan(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code >= 0x4e00 && code <= 0x9fff;
}

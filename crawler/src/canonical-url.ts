import { DeadLetterError } from '@indicia/core';

/**
 * Query parameters that identify a visit or a campaign, never the page: two URLs differing only in
 * them are the same page, so they are dropped before URLs are compared or fetched.
 */
const sessionAndTrackingParams = new Set([
  'sessionid', 'session_id', 'sid', 'phpsessid', 'jsessionid', 'aspsessionid', 'cfid', 'cftoken',
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'igshid', 'srsltid', 'oly_anon_id', 'oly_enc_id', 'vero_id',
]);
const trackingPrefixes = ['utm_', 'pk_', 'mtm_'];

/** `;jsessionid=...` style session ids carried in the path (Java servlets and friends). */
const pathSessionParam = /;(?:jsessionid|phpsessid|sessionid|sid)=[^/?#;]*/gi;
const unreservedChar = /[A-Za-z0-9\-._~]/;

/**
 * The one spelling of a URL used to compare, store and fetch it: lowercase scheme and host, no
 * default port, no fragment, dot segments resolved, percent-escapes normalised, session and
 * tracking parameters dropped, query parameters sorted. Trailing slashes are kept as they are
 * (`/a` and `/a/` may be different pages); only an empty path becomes `/`.
 *
 * Throws DeadLetterError for anything that is not an absolute (or base-resolvable) http(s) URL.
 */
export function canonicalizeUrl(url: string, base?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch (error) {
    throw new DeadLetterError(`not a URL: ${JSON.stringify(url.slice(0, 200))}`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DeadLetterError(`not an http(s) URL: ${parsed.protocol} scheme`);
  }
  return canonicalForm(parsed);
}

function canonicalForm(parsed: URL): string {
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  const path = normalizePercentEscapes(parsed.pathname.replace(pathSessionParam, '')) || '/';
  const query = canonicalQuery(parsed.search);
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`;
}

/** Like canonicalizeUrl, but null for links that are not crawlable (mailto:, javascript:, garbage). */
export function canonicalizeCrawlableUrl(url: string, base?: string): string | null {
  // Pages hold many mailto:/tel: links: test rather than throw, which costs a stack trace each.
  const parsed = URL.parse(url.trim(), base);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return canonicalForm(parsed);
}

function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => normalizePercentEscapes(pair))
    .filter((pair) => !isSessionOrTrackingParam(pairKey(pair)));
  // Sorting by key then by the whole pair keeps repeated keys in a stable, order-independent spelling.
  pairs.sort((a, b) => compare(pairKey(a), pairKey(b)) || compare(a, b));
  return pairs.join('&');
}

function pairKey(pair: string): string {
  const equals = pair.indexOf('=');
  return equals === -1 ? pair : pair.slice(0, equals);
}

function isSessionOrTrackingParam(rawKey: string): boolean {
  const key = safeDecode(rawKey.replace(/\+/g, ' ')).toLowerCase();
  return sessionAndTrackingParams.has(key) || trackingPrefixes.some((prefix) => key.startsWith(prefix));
}

/** RFC 3986 §6.2.2: uppercase hex in escapes, and unreserved characters never escaped. */
function normalizePercentEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return unreservedChar.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return text;
    throw error;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

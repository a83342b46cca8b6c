import { TextDecoder } from 'node:util';

/**
 * What a response body is and how to read it as text. Used when a page is captured and again when
 * the capture ledger rebuilds a capture from its blob, so both give the same text.
 */

const textualTypes = new Set(['application/xhtml+xml', 'application/xml', 'application/json', 'application/ld+json', 'application/javascript', 'application/rss+xml', 'application/atom+xml']);
const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

/** The media type of a Content-Type header value, lowercased, without parameters; sniffed when absent. */
export function mediaTypeOf(contentTypeHeader: string | undefined, body: Buffer): string {
  const declared = (contentTypeHeader ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (declared) return declared;
  const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'text/html' : 'application/octet-stream';
}

export function isHtml(mediaType: string): boolean {
  return htmlTypes.has(mediaType);
}

export function isTextual(mediaType: string): boolean {
  return mediaType.startsWith('text/') || textualTypes.has(mediaType) || mediaType.endsWith('+xml') || mediaType.endsWith('+json');
}

/**
 * The body as text for textual media types, '' otherwise. The charset comes from the header, then
 * a byte-order mark, then (for HTML) a <meta> declaration near the top, then UTF-8.
 */
export function bodyText(body: Buffer, contentTypeHeader: string | undefined): string {
  const mediaType = mediaTypeOf(contentTypeHeader, body);
  if (!isTextual(mediaType)) return '';
  const charset = charsetFromHeader(contentTypeHeader) ?? charsetFromBom(body) ?? (isHtml(mediaType) ? charsetFromMeta(body) : null) ?? 'utf-8';
  return decode(body, charset);
}

function charsetFromHeader(contentTypeHeader: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentTypeHeader ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

function charsetFromBom(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetFromMeta(body: Buffer): string | null {
  const head = body.subarray(0, 2048).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function decode(body: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch (error) {
    // An unknown charset label: UTF-8 is the most likely truth and loses least.
    if (!(error instanceof RangeError)) throw error;
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}

import type { IncomingHttpHeaders } from 'node:http';
import { captureIdFor, type PageCaptured } from '@indicia/core';
import { bodyText, mediaTypeOf } from './body-text.js';
import { canonicalizeUrl } from './canonical-url.js';
import type { BrowserCapture } from './browser/capture-page.js';
import type { FetchedResource } from './http-fetcher.js';

/** Response headers worth keeping with a capture (evidence and cache validation); the rest are dropped. */
export const keptHeaderNames = ['content-type', 'content-length', 'last-modified', 'etag', 'server', 'location', 'date', 'x-robots-tag'] as const;

export interface CaptureSubject {
  canonicalUrl: string;
  depth: number;
}

/** The page.captured payload for a fetch whose body is already in the blob store under `bodySha256`. */
export function pageCaptured(subject: CaptureSubject, fetched: FetchedResource, bodySha256: string): PageCaptured {
  const fetchedAt = fetched.startedAt.toISOString();
  const contentTypeHeader = headerValue(fetched.headers, 'content-type');
  return {
    captureId: captureIdFor(subject.canonicalUrl, fetchedAt, bodySha256),
    url: subject.canonicalUrl,
    finalUrl: fetched.url,
    // What was captured is the page at the end of the redirects: /go/12 → /ads/12 is ad 12.
    canonicalUrl: canonicalizeUrl(fetched.url),
    site: new URL(fetched.url).hostname,
    depth: subject.depth,
    status: fetched.status,
    contentType: mediaTypeOf(contentTypeHeader, fetched.body),
    headers: keptHeaders(fetched.headers),
    fetchedAt,
    proxy: fetched.proxy,
    fetchMode: 'http',
    bodySha256,
    bodyBytes: fetched.body.length,
    truncated: fetched.truncated,
    body: bodyText(fetched.body, contentTypeHeader),
    images: [],
    refusedImages: [],
    screenshotSha256: null,
    needsBrowser: false,
    render: null,
  };
}

function keptHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of keptHeaderNames) {
    const value = headerValue(headers, name);
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The page.captured payload for a page a browser rendered: the body is the DOM after scripts ran
 * (stored in the blob store under `bodySha256`, cut at `maxBodyBytes` like an HTTP body), the
 * status and headers are the document response's, the screenshot is in the blob store too.
 */
export function browserPageCaptured(
  subject: CaptureSubject,
  rendered: BrowserCapture,
  stored: { body: Buffer; bodySha256: string; screenshotSha256: string; truncated: boolean },
): PageCaptured {
  const fetchedAt = rendered.startedAt.toISOString();
  const headers: IncomingHttpHeaders = {};
  for (const { name, value } of rendered.headers) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] === undefined ? value : `${String(headers[lower])}, ${value}`;
  }
  return {
    captureId: captureIdFor(subject.canonicalUrl, fetchedAt, stored.bodySha256),
    url: subject.canonicalUrl,
    finalUrl: rendered.url,
    canonicalUrl: canonicalizeUrl(rendered.url),
    site: new URL(rendered.url).hostname,
    depth: subject.depth,
    status: rendered.status,
    // What is kept is the serialised DOM: HTML whatever the response said (an SPA shell is HTML anyway).
    contentType: 'text/html; charset=utf-8',
    headers: keptHeaders(headers),
    fetchedAt,
    proxy: rendered.proxy,
    fetchMode: 'browser',
    bodySha256: stored.bodySha256,
    bodyBytes: stored.body.length,
    truncated: stored.truncated,
    body: stored.body.toString('utf8'),
    images: [],
    refusedImages: [],
    screenshotSha256: stored.screenshotSha256,
    needsBrowser: false,
    render: rendered.settled ? { outcome: 'settled', reason: null } : { outcome: 'unsettled', reason: rendered.unsettledReason },
  };
}

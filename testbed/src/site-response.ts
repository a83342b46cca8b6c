import type { Writable } from 'node:stream';

/** A body written piece by piece (the huge page), so it never sits in memory whole. */
export class StreamedBody {
  constructor(readonly writeTo: (out: Writable) => void) {}
}

/** A body made asynchronously (an image rendered on request); its length is known once it is made. */
export class DeferredBody {
  constructor(readonly produce: () => Promise<Buffer>) {}
}

export interface SiteResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | StreamedBody | DeferredBody;
}

export interface SiteRequest {
  host: string;
  method: string;
  /** Path without the query, e.g. `/ads`. */
  pathname: string;
  query: URLSearchParams;
}

const htmlType = 'text/html; charset=utf-8';

export function htmlResponse(body: string, status = 200, headers: Record<string, string> = {}): SiteResponse {
  return { status, headers: { 'content-type': htmlType, ...headers }, body };
}

export function textResponse(body: string, status = 200): SiteResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

export function redirectResponse(location: string, status = 302): SiteResponse {
  return { status, headers: { 'content-type': htmlType, location }, body: `<!DOCTYPE html><html><body><p>Moved to <a href="${location}">${location}</a></p></body></html>\n` };
}

export function notFoundResponse(): SiteResponse {
  return htmlResponse('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>\n<body><h1>Page not found</h1><p>This page does not exist or was removed. <a href="/">Home</a></p></body></html>\n', 404);
}

/** Splits a request target ("/ads?page=2#x") into path and query; fragments are dropped. */
export function parseTarget(target: string): { pathname: string; query: URLSearchParams } {
  const hash = target.indexOf('#');
  const withoutHash = hash === -1 ? target : target.slice(0, hash);
  const mark = withoutHash.indexOf('?');
  if (mark === -1) return { pathname: withoutHash || '/', query: new URLSearchParams() };
  return { pathname: withoutHash.slice(0, mark) || '/', query: new URLSearchParams(withoutHash.slice(mark + 1)) };
}

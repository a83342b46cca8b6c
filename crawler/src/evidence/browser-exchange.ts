import type { HttpExchange } from '../http-exchange.js';
import type { NetworkExchange } from '../browser/network-recorder.js';

/**
 * Headers that describe the bytes on the wire, which a browser has already undone: the body it
 * hands over is decoded and de-chunked. Kept under X-Archive-Orig-* (the WARC convention for
 * headers that no longer describe the stored payload), so a WARC reader does not try to gunzip a
 * body that is not gzipped, and the record still says what the server sent.
 */
const wireHeaders = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

/**
 * A browser's network exchange as a WARC request/response pair. Playwright does not expose the
 * HTTP version or the raw header bytes, so the record says HTTP/1.1 and rebuilds the heads from
 * the header lists; the payload is the decoded body with a Content-Length that matches it.
 */
export function browserExchangeAsHttp(exchange: NetworkExchange): HttpExchange {
  const target = new URL(exchange.url);
  const requestLines = [`${exchange.method} ${target.pathname}${target.search} HTTP/1.1`];
  if (!exchange.requestHeaders.some((header) => header.name.toLowerCase() === 'host')) requestLines.push(`Host: ${target.host}`);
  for (const header of exchange.requestHeaders) {
    // Chromium lists HTTP/2 pseudo-headers (:authority...) for h2; an HTTP/1.1 head has no place for them.
    if (header.name.startsWith(':')) continue;
    // Proxy credentials never reach an evidence file.
    requestLines.push(`${header.name}: ${header.name.toLowerCase() === 'proxy-authorization' ? '[redacted]' : header.value}`);
  }
  const rawHeaders: string[] = [];
  for (const header of exchange.responseHeaders) {
    const name = wireHeaders.has(header.name.toLowerCase()) ? `X-Archive-Orig-${header.name}` : header.name;
    rawHeaders.push(name, header.value);
  }
  rawHeaders.push('Content-Length', String(exchange.body.length));
  return {
    targetUrl: exchange.url,
    httpVersion: '1.1',
    requestHead: `${requestLines.join('\r\n')}\r\n\r\n`,
    statusLine: `HTTP/1.1 ${exchange.status}${exchange.statusText ? ` ${exchange.statusText}` : ''}`,
    rawHeaders,
    transferredBody: exchange.body,
    // A redirect has no body to keep; any other missing body is an incomplete record.
    transferredTruncated: exchange.bodyTruncated || (exchange.bodyUnavailable !== null && !(exchange.status >= 300 && exchange.status < 400)),
    remoteIp: null,
    startedAt: exchange.startedAt,
  };
}

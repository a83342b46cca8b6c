import type { HttpExchange } from '../http-exchange.js';

/** The response's HTTP head as stored in the WARC, and what was rewritten to keep the record consistent. */
export interface ResponseHead {
  head: Buffer;
  /** The transfer was chunked: the payload is stored de-chunked and the header says so. */
  dechunked: boolean;
}

/**
 * The HTTP head of a response record. The payload is stored de-chunked (Node hands us the
 * de-chunked bytes), so a `Transfer-Encoding: chunked` header would make readers such as warcio
 * try to de-chunk it again. It is kept under `X-Archive-Orig-Transfer-Encoding` (pywb's convention
 * for rewritten headers) and a Content-Length for the stored payload is added when there is none.
 * Every other header stays as received, in received order, with the server's spelling.
 */
export function responseHead(exchange: HttpExchange): ResponseHead {
  const lines = [exchange.statusLine];
  let dechunked = false;
  let hasContentLength = false;
  for (let i = 0; i + 1 < exchange.rawHeaders.length; i += 2) {
    const name = exchange.rawHeaders[i]!;
    const value = exchange.rawHeaders[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding' && /\bchunked\b/i.test(value)) {
      dechunked = true;
      lines.push(`X-Archive-Orig-${name}: ${value}`);
      continue;
    }
    if (lower === 'content-length') hasContentLength = true;
    lines.push(`${name}: ${value}`);
  }
  if (dechunked && !hasContentLength) lines.push(`Content-Length: ${exchange.transferredBody.length}`);
  return { head: Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), dechunked };
}

/** The request as sent (GET: no body). Latin-1 keeps every byte Node wrote. */
export function requestHead(exchange: HttpExchange): Buffer {
  return Buffer.from(exchange.requestHead, 'latin1');
}

import http, { type IncomingMessage } from 'node:http';

/**
 * One request and its response as they went over the wire, for a WARC request + response pair.
 * Node de-chunks a chunked response; `transferredBody` is therefore de-chunked but still
 * content-encoded (gzip, br, deflate), which is what WARC calls the payload.
 */
export interface HttpExchange {
  /** The URL requested in this exchange (one hop of a redirect chain). */
  targetUrl: string;
  /** `1.1`, `1.0` */
  httpVersion: string;
  /**
   * Request line and headers as sent, CRLF-terminated, ending with the empty line: Host included,
   * the absolute-form target for plain http:// through a proxy. Proxy credentials are redacted.
   */
  requestHead: string;
  /** `HTTP/1.1 200 OK` */
  statusLine: string;
  /** Header name/value pairs in received order, names as the server spelled them: `[name, value, name, value, ...]`. */
  rawHeaders: string[];
  /** Body as transferred (content-encoded, de-chunked). The same Buffer as `body` when no content-encoding was used. */
  transferredBody: Buffer;
  /** Not the whole transferred body: a cap was hit, or (redirect hops) the body was not read. */
  transferredTruncated: boolean;
  /** IP address of the server, when connected directly; null through a proxy, whose address is not the server's. */
  remoteIp: string | null;
  startedAt: Date;
}

/** A response, as the fetcher received it, with what is needed to describe its exchange. */
export interface SentRequest {
  response: IncomingMessage;
  requestHead: string;
  remoteIp: string | null;
  startedAt: Date;
}

export function describeExchange(targetUrl: string, sent: SentRequest, transferred: { body: Buffer; truncated: boolean }): HttpExchange {
  const response = sent.response;
  return {
    targetUrl,
    httpVersion: response.httpVersion,
    requestHead: sent.requestHead,
    statusLine: `HTTP/${response.httpVersion} ${response.statusCode ?? 0}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
    rawHeaders: [...response.rawHeaders],
    transferredBody: transferred.body,
    transferredTruncated: transferred.truncated,
    remoteIp: sent.remoteIp,
    startedAt: sent.startedAt,
  };
}

/** A redirect whose body was not read is complete anyway when it declared no body. */
export function isKnownEmpty(response: IncomingMessage): boolean {
  return response.headers['content-length'] === '0';
}

/**
 * The request head exactly as Node wrote it to the socket (`ClientRequest._header`, stable since
 * Node 0.x though undocumented), so the WARC request record shows what was really sent, with the
 * Connection and Host headers Node adds itself. Proxy credentials are redacted: they must never
 * reach an evidence file.
 */
export function requestHeadAsSent(request: http.ClientRequest): string {
  const written = (request as unknown as { _header?: unknown })._header;
  const head = typeof written === 'string' && written.endsWith('\r\n\r\n') ? written : rebuiltRequestHead(request);
  return head.replace(/^(proxy-authorization:)[^\r\n]*/gim, '$1 [redacted]');
}

function rebuiltRequestHead(request: http.ClientRequest): string {
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  for (const name of request.getRawHeaderNames()) {
    const value = request.getHeader(name);
    for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${String(item)}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

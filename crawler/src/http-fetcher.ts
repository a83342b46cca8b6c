import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import tls from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { redactProxyUrl } from './crawl-settings.js';
import { describeExchange, isKnownEmpty, requestHeadAsSent, type HttpExchange, type SentRequest } from './http-exchange.js';
import {
  FetchTimeoutError,
  NetworkError,
  ProxyTunnelRefusedError,
  ProxyUnreachableError,
  UndecodableBodyError,
  UnfollowableRedirectError,
} from './fetch-errors.js';

export type { HttpExchange } from './http-exchange.js';

export interface HttpFetcherOptions {
  /** http:// proxy every request goes through; null fetches directly. */
  proxyUrl: string | null;
  userAgent: string;
  /** For the whole fetch: every redirect hop and the body. */
  timeoutMs: number;
  /** Decoded bytes kept; the rest of the body is not read. */
  maxBodyBytes: number;
  maxRedirects: number;
  /**
   * Cap on the bytes kept as transferred (still content-encoded) for the WARC record; defaults to
   * maxBodyBytes. A gzip bomb's encoded bytes are small, but a cap holds whatever arrives.
   */
  maxTransferredBytes?: number;
}

export interface FetchOptions {
  /** Told about each redirect before it is followed. */
  onRedirect?: (from: { url: string; status: number; headers: IncomingHttpHeaders }, to: string) => void;
  /** Lower cap than the fetcher's, e.g. for robots.txt. */
  maxBodyBytes?: number;
}

/** One completed fetch: the final response after redirects, its body decoded from any content-encoding. */
export interface FetchedResource {
  requestedUrl: string;
  /** After redirects. */
  url: string;
  redirectUrls: string[];
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body was longer than the cap: `body` holds the first maxBodyBytes bytes. */
  truncated: boolean;
  startedAt: Date;
  /** The proxy it went through, credentials removed; null when direct. */
  proxy: string | null;
  /** The final exchange, raw, for the WARC. */
  exchange: HttpExchange;
  /** The redirect hops before it, in order (their bodies are not read). */
  redirectExchanges: HttpExchange[];
}


const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * HTTP GET over node:http with the guarantees a crawl of hostile sites needs: fail-closed proxying
 * (absolute-form requests for http://, CONNECT tunnels for https://; a proxy that cannot be
 * reached fails the request, nothing falls back to a direct connection), a deadline for the whole
 * fetch, redirects followed with loop detection, content-encoding decoded with the size cap applied
 * to the decoded bytes (so a gzip bomb stops at the cap), and reading stopped at the cap.
 */
export class HttpFetcher {
  private readonly proxy: URL | null;
  private readonly proxyAuthorization: string | null;
  private readonly proxyLabel: string | null;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    https: new https.Agent({ keepAlive: true, scheduling: 'lifo', rejectUnauthorized: false }),
  };

  constructor(private readonly options: HttpFetcherOptions) {
    this.proxy = options.proxyUrl === null ? null : new URL(options.proxyUrl);
    this.proxyLabel = redactProxyUrl(options.proxyUrl);
    this.proxyAuthorization =
      this.proxy && this.proxy.username
        ? `Basic ${Buffer.from(`${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`).toString('base64')}`
        : null;
  }

  get proxyUrl(): string | null {
    return this.options.proxyUrl;
  }

  async fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchedResource> {
    const startedAt = new Date();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    try {
      return await this.followRedirects(url, startedAt, deadline.signal, fetchOptions);
    } catch (error) {
      if (deadline.signal.aborted) throw new FetchTimeoutError(`timed out after ${this.options.timeoutMs} ms`, { cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async followRedirects(url: string, startedAt: Date, signal: AbortSignal, fetchOptions: FetchOptions): Promise<FetchedResource> {
    let current = new URL(url);
    const chain = [current.href];
    const redirectUrls: string[] = [];
    // Sites set a cookie and redirect to the same URL (age gates, session starts): with the cookie
    // sent back that is progress, not a loop.
    const cookies = new Map<string, string>();
    const seen = new Set<string>();
    const redirectExchanges: HttpExchange[] = [];
    for (;;) {
      const cookieHeader = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const visitKey = `${current.href}\n${cookieHeader}`;
      if (seen.has(visitKey)) throw new UnfollowableRedirectError(`redirect loop: ${chain.join(' -> ')}`);
      seen.add(visitKey);
      const sent = await this.send(current, cookieHeader, signal);
      const response = sent.response;
      const location = response.headers.location;
      if (!redirectStatuses.has(response.statusCode ?? 0) || !location) {
        const maxBodyBytes = fetchOptions.maxBodyBytes ?? this.options.maxBodyBytes;
        const { body, truncated, transferred, transferredTruncated } = await readCappedBody(response, {
          maxBytes: maxBodyBytes,
          maxTransferredBytes: Math.min(maxBodyBytes, this.options.maxTransferredBytes ?? maxBodyBytes),
        });
        return {
          requestedUrl: url,
          url: current.href,
          redirectUrls,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: response.headers,
          body,
          truncated,
          startedAt,
          proxy: this.proxyLabel,
          exchange: describeExchange(current.href, sent, { body: transferred, truncated: transferredTruncated }),
          redirectExchanges,
        };
      }
      response.destroy();
      redirectExchanges.push(describeExchange(current.href, sent, { body: Buffer.alloc(0), truncated: !isKnownEmpty(response) }));
      rememberCookies(cookies, response.headers['set-cookie']);
      const next = URL.canParse(location, current.href) ? new URL(location, current) : null;
      if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
        throw new UnfollowableRedirectError(`redirect to a non-http(s) location: ${JSON.stringify(location.slice(0, 200))} from ${current.href}`);
      }
      next.hash = '';
      chain.push(next.href);
      if (redirectUrls.length >= this.options.maxRedirects) {
        throw new UnfollowableRedirectError(`too many redirects (more than ${this.options.maxRedirects}): ${chain.slice(0, 3).join(' -> ')} -> ...`);
      }
      fetchOptions.onRedirect?.({ url: current.href, status: response.statusCode ?? 0, headers: response.headers }, next.href);
      redirectUrls.push(next.href);
      current = next;
    }
  }

  private send(url: URL, cookieHeader: string, signal: AbortSignal): Promise<SentRequest> {
    const headers: http.OutgoingHttpHeaders = {
      'user-agent': this.options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (cookieHeader) headers.cookie = cookieHeader;
    if (!this.proxy) return this.sendDirect(url, headers, signal);
    return url.protocol === 'http:' ? this.sendThroughProxy(this.proxy, url, headers, signal) : this.sendThroughTunnel(this.proxy, url, headers, signal);
  }

  private sendDirect(url: URL, headers: http.OutgoingHttpHeaders, signal: AbortSignal): Promise<SentRequest> {
    const client = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? this.agents.https : this.agents.http;
    return awaitResponse(client.request(url, { method: 'GET', headers, agent, signal }), { viaProxy: false });
  }

  /** Absolute-form request line (`GET http://host/path`), the way HTTP proxies take plain-http requests. */
  private sendThroughProxy(proxy: URL, url: URL, headers: http.OutgoingHttpHeaders, signal: AbortSignal): Promise<SentRequest> {
    const request = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'GET',
      path: url.href,
      headers: { ...headers, host: url.host, ...(this.proxyAuthorization ? { 'proxy-authorization': this.proxyAuthorization } : {}) },
      agent: this.agents.http,
      signal,
    });
    return awaitResponse(request, { viaProxy: true });
  }

  private sendThroughTunnel(proxy: URL, url: URL, headers: http.OutgoingHttpHeaders, signal: AbortSignal): Promise<SentRequest> {
    const authority = `${url.hostname}:${url.port || 443}`;
    const connect = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...(this.proxyAuthorization ? { 'proxy-authorization': this.proxyAuthorization } : {}) },
      agent: false,
      signal,
    });
    return new Promise((resolve, reject) => {
      const reached = trackProxyReached(connect);
      connect.once('error', (error) => reject(classifyRequestError(error, { viaProxy: true, reachedProxy: reached() })));
      connect.once('connect', (answer, socket) => {
        if (answer.statusCode !== 200) {
          socket.destroy();
          reject(new ProxyTunnelRefusedError(`proxy refused a tunnel to ${authority}: HTTP ${answer.statusCode}`));
          return;
        }
        const hostname = url.hostname.replace(/^\[|\]$/g, '');
        const request = https.request(url, {
          method: 'GET',
          // Without an agent Node would assume port 80 in the Host header.
          headers: { ...headers, host: url.host },
          signal,
          createConnection: () => tls.connect({ socket, servername: isIP(hostname) ? undefined : hostname, rejectUnauthorized: false }),
        });
        awaitResponse(request, { viaProxy: false }).then((sent) => resolve({ ...sent, remoteIp: null }), reject);
      });
      connect.end();
    });
  }
}

function awaitResponse(request: http.ClientRequest, route: { viaProxy: boolean }): Promise<SentRequest> {
  const startedAt = new Date();
  return new Promise((resolve, reject) => {
    const reached = trackProxyReached(request);
    request.once('response', (response: IncomingMessage) => {
      resolve({ response, requestHead: requestHeadAsSent(request), remoteIp: route.viaProxy ? null : (response.socket?.remoteAddress ?? null), startedAt });
    });
    request.once('error', (error) => reject(classifyRequestError(error, { viaProxy: route.viaProxy, reachedProxy: reached() })));
    request.end();
  });
}

/** Whether the request's socket ever connected: an error before that, via a proxy, means the proxy is down. */
function trackProxyReached(request: http.ClientRequest): () => boolean {
  let reached = false;
  request.once('socket', (socket) => {
    if (!socket.connecting) reached = true;
    else socket.once('connect', () => (reached = true));
  });
  return () => reached;
}

function classifyRequestError(error: Error, route: { viaProxy: boolean; reachedProxy: boolean }): Error {
  if (error.name === 'AbortError') return error;
  if (route.viaProxy && !route.reachedProxy) return new ProxyUnreachableError(`proxy unreachable: ${error.message}`, { cause: error });
  return new NetworkError(`network error: ${error.message}`, { cause: error });
}

interface CappedBody {
  body: Buffer;
  truncated: boolean;
  /** As transferred: content-encoded, de-chunked. `body` itself when there was no decoding. */
  transferred: Buffer;
  transferredTruncated: boolean;
}

async function readCappedBody(response: IncomingMessage, caps: { maxBytes: number; maxTransferredBytes: number }): Promise<CappedBody> {
  const maxBytes = caps.maxBytes;
  const decoder = decoderFor(response.headers['content-encoding']);
  let source: Readable = response;
  const transferredChunks: Buffer[] = [];
  let transferredTotal = 0;
  let transferredTruncated = false;
  if (decoder) {
    // The encoded bytes, kept beside the decoded ones for the WARC; another 'data' listener does not change the flow.
    response.on('data', (chunk: Buffer) => {
      if (transferredTruncated) return;
      if (transferredTotal + chunk.length > caps.maxTransferredBytes) {
        transferredChunks.push(chunk.subarray(0, caps.maxTransferredBytes - transferredTotal));
        transferredTotal = caps.maxTransferredBytes;
        transferredTruncated = true;
        return;
      }
      transferredChunks.push(chunk);
      transferredTotal += chunk.length;
    });
    // Errors of either stream end the iteration below; the callback only has to exist.
    source = pipeline(response, decoder, () => undefined);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (total + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - total));
        total = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (error) {
    response.destroy();
    if (error instanceof Error && error.name === 'AbortError') throw error;
    if (isZlibError(error)) {
      throw new UndecodableBodyError(`content decoding failed (${response.headers['content-encoding']}): ${error.message}`, { cause: error });
    }
    throw new NetworkError(`network error while reading the body: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // Stop reading: whatever the server still sends is not wanted, and the socket cannot be reused.
  if (truncated) response.destroy();
  const body = Buffer.concat(chunks, total);
  if (!decoder) return { body, truncated, transferred: body, transferredTruncated: truncated };
  // Decoding stopped at the cap before all encoded bytes arrived: what was kept is a prefix.
  return { body, truncated, transferred: Buffer.concat(transferredChunks, transferredTotal), transferredTruncated: transferredTruncated || truncated };
}

function isZlibError(error: unknown): error is Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

function decoderFor(contentEncoding: string | undefined) {
  switch ((contentEncoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

function rememberCookies(jar: Map<string, string>, setCookie: string[] | undefined): void {
  for (const line of setCookie ?? []) {
    const pair = line.split(';', 1)[0] ?? '';
    const equals = pair.indexOf('=');
    if (equals > 0) jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
}

import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { DeadLetterError, RetryableError, StopRunError } from '@indicia/core';
import { readCappedBody } from './capped-body.js';
import { redactProxyUrl } from './crawl-settings.js';
import { describeExchange, isKnownEmpty, requestHeadAsSent, type HttpExchange, type SentRequest } from './http-exchange.js';
import {
  FetchTimeoutError,
  NetworkError,
  ProxyTunnelRefusedError,
  ProxyUnreachableError,
  UnfollowableRedirectError,
} from './fetch-errors.js';
import { isOnionHost, isOnionUrl, onionProxyProblem, OnionRequiresTorError } from './onion-routing.js';
import { onionDefaults } from './onion-settings.js';
import { proxyAnswers } from './socks/proxy-probe.js';
import type { ProxyOutageGate } from './socks/proxy-outage-gate.js';
import { proxyAddressOf, proxyRouteOf, type ProxyRoute } from './socks/proxy-route.js';
import { SocksAgents } from './socks/socks-agents.js';

export type { HttpExchange } from './http-exchange.js';

export interface HttpFetcherOptions {
  /**
   * Proxy every request goes through (http://, socks5h://, socks5://; credentials allowed); null
   * fetches directly.
   */
  proxyUrl: string | null;
  /** The http:// proxy is Tor's HTTPTunnelPort, so it may carry .onion (socks5h:// always may). Default false. */
  proxyIsTor?: boolean;
  /** With a SOCKS proxy: per-site SOCKS credentials, so Tor puts each site on its own circuit. Default true. */
  isolateStreams?: boolean;
  userAgent: string;
  /** For the whole fetch: every redirect hop and the body. */
  timeoutMs: number;
  /** The same, for a URL on a .onion host. Default 90 s (onionDefaults), and never shorter than timeoutMs. */
  onionTimeoutMs?: number;
  /** Decoded bytes kept; the rest of the body is not read. */
  maxBodyBytes: number;
  maxRedirects: number;
  /**
   * Cap on the bytes kept as transferred (still content-encoded) for the WARC record; defaults to
   * maxBodyBytes. A gzip bomb's encoded bytes are small, but a cap holds whatever arrives.
   */
  maxTransferredBytes?: number;
  /** Where fetches wait while the proxy is down (one per crawl, shared by all its fetchers); without it a proxy error is thrown at once. */
  outageGate?: ProxyOutageGate;
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

/** The SOCKS greeting is local and quick; a proxy that accepts TCP and then says nothing is down. */
const socksGreetingTimeoutMs = 10_000;
/** How long the proxy gets to accept a probe connection after a proxied request broke mid-way. */
const proxyProbeTimeoutMs = 2_000;

/**
 * HTTP GET over node:http with the guarantees a crawl of hostile sites needs: fail-closed proxying
 * (through an http:// proxy: absolute-form requests for http://, CONNECT tunnels for https://;
 * through a SOCKS5 proxy: every connection a SOCKS tunnel, per-site credentials for stream
 * isolation; a proxy that cannot be reached fails the request, nothing falls back to a direct
 * connection, .onion never leaves except through Tor), a deadline for the whole
 * fetch, redirects followed with loop detection, content-encoding decoded with the size cap applied
 * to the decoded bytes (so a gzip bomb stops at the cap), and reading stopped at the cap.
 */
export class HttpFetcher {
  private readonly route: ProxyRoute;
  private readonly proxyAuthorization: string | null;
  private readonly proxyLabel: string | null;
  /** Why a .onion URL may not be sent on this route; null when it may. */
  private readonly onionProblem: string | null;
  private readonly onionTimeoutMs: number;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
    https: new https.Agent({ keepAlive: true, scheduling: 'lifo', rejectUnauthorized: false }),
  };
  private readonly socks: SocksAgents | null;

  constructor(private readonly options: HttpFetcherOptions) {
    this.route = proxyRouteOf(options.proxyUrl);
    this.proxyLabel = redactProxyUrl(options.proxyUrl);
    const proxy = this.route.kind === 'http' ? this.route.url : null;
    this.proxyAuthorization =
      proxy && proxy.username ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` : null;
    this.onionProblem = onionProxyProblem({ proxyUrl: options.proxyUrl, proxyIsTor: options.proxyIsTor ?? false });
    this.onionTimeoutMs = Math.max(options.timeoutMs, options.onionTimeoutMs ?? onionDefaults.requestTimeoutMs);
    this.socks =
      this.route.kind === 'socks'
        ? new SocksAgents({
            proxyHost: this.route.host,
            proxyPort: this.route.port,
            remoteDns: this.route.remoteDns,
            credentials: this.route.credentials,
            isolateStreams: options.isolateStreams ?? true,
            greetingTimeoutMs: Math.min(socksGreetingTimeoutMs, options.timeoutMs),
            connectTimeoutMs: this.onionTimeoutMs,
          })
        : null;
  }

  get proxyUrl(): string | null {
    return this.options.proxyUrl;
  }

  /** Each attempt gets its own deadline: time spent waiting for a proxy that is down is not counted against it. */
  fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchedResource> {
    const gate = this.options.outageGate;
    return gate ? gate.through(() => this.fetchOnce(url, fetchOptions)) : this.fetchOnce(url, fetchOptions);
  }

  private async fetchOnce(url: string, fetchOptions: FetchOptions): Promise<FetchedResource> {
    const startedAt = new Date();
    const deadline = new AbortController();
    const timeoutMs = isOnionUrl(url) ? this.onionTimeoutMs : this.options.timeoutMs;
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      return await this.followRedirects(url, startedAt, deadline.signal, fetchOptions);
    } catch (error) {
      if (deadline.signal.aborted) throw new FetchTimeoutError(`timed out after ${timeoutMs} ms`, { cause: error });
      throw await this.blameProxy(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A proxied request that broke after reaching the proxy (a kept-alive tunnel reset, "socket hang
   * up") is a proxy error when the proxy no longer accepts connections: it died, and the request
   * is retried later like any proxy failure, never sent another way.
   */
  private async blameProxy(error: unknown): Promise<unknown> {
    if (!(error instanceof NetworkError)) return error;
    const proxy = proxyAddressOf(this.route);
    if (proxy === null || (await proxyAnswers(proxy, proxyProbeTimeoutMs))) return error;
    return new ProxyUnreachableError(`proxy unreachable: ${this.proxyLabel} stopped accepting connections (${error.message})`, { cause: error });
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
    this.socks?.destroy();
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
    // Checked on every hop: a clear-web page may redirect to an onion service.
    if (this.onionProblem !== null && isOnionHost(url.hostname)) {
      return Promise.reject(new OnionRequiresTorError(`${this.onionProblem} (${url.href})`));
    }
    switch (this.route.kind) {
      case 'direct':
        return this.sendDirect(url, headers, signal);
      case 'socks':
        return this.sendThroughSocks(url, headers, signal);
      case 'http':
        return url.protocol === 'http:' ? this.sendThroughProxy(this.route.url, url, headers, signal) : this.sendThroughTunnel(this.route.url, url, headers, signal);
    }
  }

  /** Each connection is a SOCKS5 tunnel opened by the agent (keep-alive per site); the request itself is origin-form. */
  private sendThroughSocks(url: URL, headers: http.OutgoingHttpHeaders, signal: AbortSignal): Promise<SentRequest> {
    const client = url.protocol === 'https:' ? https : http;
    return awaitResponse(client.request(url, { method: 'GET', headers, agent: this.socks!.agentFor(url), signal }), { viaProxy: true });
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
  // Already said what happened (the SOCKS tunnel's errors come through the agent).
  if (error instanceof RetryableError || error instanceof DeadLetterError || error instanceof StopRunError) return error;
  if (route.viaProxy && !route.reachedProxy) return new ProxyUnreachableError(`proxy unreachable: ${error.message}`, { cause: error });
  return new NetworkError(`network error: ${error.message}`, { cause: error });
}

function rememberCookies(jar: Map<string, string>, setCookie: string[] | undefined): void {
  for (const line of setCookie ?? []) {
    const pair = line.split(';', 1)[0] ?? '';
    const equals = pair.indexOf('=');
    if (equals > 0) jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
}

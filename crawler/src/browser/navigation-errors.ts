import { FetchTimeoutError, NetworkError, ProxyTunnelRefusedError, ProxyUnreachableError, UndecodableBodyError, UnfollowableRedirectError } from '../fetch-errors.js';
import { UnrenderablePageError } from './browser-errors.js';

// A SOCKS proxy's failure reply comes back as ERR_SOCKS_CONNECTION_FAILED whatever its code; with
// the fetcher's relay in front the real cause is known there (BrowserFetcher refines it).
const proxyUnreachable = new Set([
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_PROXY_AUTH_UNSUPPORTED',
  'ERR_PROXY_CERTIFICATE_INVALID',
  'ERR_NO_SUPPORTED_PROXIES',
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE',
]);
const proxyRefused = new Set(['ERR_TUNNEL_CONNECTION_FAILED', 'ERR_PROXY_AUTH_REQUESTED', 'ERR_UNEXPECTED_PROXY_AUTH', 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED']);
const redirectFailures = new Set(['ERR_TOO_MANY_REDIRECTS', 'ERR_UNSAFE_REDIRECT', 'ERR_INVALID_REDIRECT']);
const decodingFailures = new Set(['ERR_CONTENT_DECODING_FAILED', 'ERR_CONTENT_DECODING_INIT_FAILED']);
const unrenderable = new Set(['ERR_INVALID_RESPONSE', 'ERR_RESPONSE_HEADERS_TOO_BIG', 'ERR_INVALID_HTTP_RESPONSE', 'ERR_BLOCKED_BY_RESPONSE', 'ERR_INVALID_URL', 'ERR_DISALLOWED_URL_SCHEME', 'ERR_UNKNOWN_URL_SCHEME']);

/**
 * Maps a failed page.goto to the crawl's fetch errors, by Chromium's net error code: proxy
 * failures stay proxy failures (and nothing is retried directly), connection trouble is retryable,
 * redirect and decoding failures are not. An unknown net:: code is treated as network trouble,
 * which the crawl retries a bounded number of times.
 */
export function navigationError(error: unknown, url: string): Error {
  if (!(error instanceof Error)) return new NetworkError(`navigation failed: ${String(error)}`);
  if (error.name === 'TimeoutError') return new FetchTimeoutError(`navigation to ${url} timed out`, { cause: error });
  const firstLine = (error.message.split('\n', 1)[0] ?? '').replace(/^page\.goto: /, '');
  if (/Download is starting/i.test(firstLine)) return new UnrenderablePageError(`not a page: the browser started a download for ${url}`, { cause: error });
  const code = /net::(ERR_[A-Z_]+)/.exec(firstLine)?.[1];
  if (!code) return new NetworkError(`navigation failed: ${firstLine}`, { cause: error });
  if (proxyUnreachable.has(code)) return new ProxyUnreachableError(`proxy unreachable: ${code}`, { cause: error });
  if (proxyRefused.has(code)) return new ProxyTunnelRefusedError(`proxy refused the request: ${code}`, { cause: error });
  if (redirectFailures.has(code)) return new UnfollowableRedirectError(`${code} for ${url}`, { cause: error });
  if (decodingFailures.has(code)) return new UndecodableBodyError(`${code} for ${url}`, { cause: error });
  if (unrenderable.has(code)) return new UnrenderablePageError(`${code} for ${url}`, { cause: error });
  if (code === 'ERR_TIMED_OUT' || code === 'ERR_CONNECTION_TIMED_OUT') return new FetchTimeoutError(`${code} for ${url}`, { cause: error });
  return new NetworkError(`network error: ${code}`, { cause: error });
}

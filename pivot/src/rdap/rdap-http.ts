import { ServerPacer, sleep } from '../server-pacer.js';
import { RdapFormatError, RdapRequestError, RdapUnavailableError } from './rdap-errors.js';
import { retryAfterMs } from './retry-after.js';

export interface RdapHttpOptions {
  /** Per request (headers and body). */
  timeoutMs: number;
  /** Redirects followed before giving up (RFC 7480 §5.2 uses them to send clients to the right server). */
  maxRedirects: number;
  /** Retries after a 429, 503 or other 5xx. */
  maxRetries: number;
  /** The longest total wait spent on retries for one request; a server asking for more gets an error. */
  maxRetryWaitMs: number;
  /** The wait before a retry when the server gives no Retry-After (doubled each time). */
  retryBackoffMs: number;
  /** A body larger than this is refused (RDAP answers are kilobytes; this is against endless ones). */
  maxResponseBytes: number;
  userAgent: string;
}

export interface RdapHttpResponse {
  status: number;
  /** The URL that finally answered, after redirects. */
  url: string;
  body: Uint8Array;
}

/**
 * GETs for RDAP: paced per server (origin), redirects followed by hand (so each hop is paced and
 * bounded), 429/503 answered by waiting as Retry-After says within a budget. Returns 2xx and 404
 * responses; throws RdapUnavailableError (retryable) or RdapRequestError (not) otherwise.
 */
export class RdapHttp {
  constructor(
    private readonly options: RdapHttpOptions,
    private readonly pacer: ServerPacer,
  ) {}

  async get(url: URL): Promise<RdapHttpResponse> {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      const response = await this.getWithRetries(current);
      if (response.status >= 300 && response.status < 400 && response.location !== null) {
        if (hop >= this.options.maxRedirects) {
          throw new RdapRequestError(`RDAP server ${current.origin} redirected more than ${this.options.maxRedirects} times`, { server: current.origin, status: response.status });
        }
        current = new URL(response.location, current);
        if (current.protocol !== 'https:' && current.protocol !== 'http:') {
          throw new RdapRequestError(`RDAP server ${url.origin} redirected to a non-HTTP URL`, { server: url.origin, status: response.status });
        }
        continue;
      }
      if ((response.status >= 200 && response.status < 300) || response.status === 404) return { status: response.status, url: current.href, body: response.body };
      throw new RdapRequestError(`RDAP server ${current.origin} answered HTTP ${response.status}`, { server: current.origin, status: response.status });
    }
  }

  private async getWithRetries(url: URL): Promise<{ status: number; location: string | null; body: Uint8Array }> {
    const server = url.origin;
    let waited = 0;
    for (let attempt = 0; ; attempt += 1) {
      const response = await this.pacer.run(server, () => this.fetchOnce(url));
      const refused = response.status === 429 || response.status >= 500;
      if (!refused) return response;
      const asked = response.status === 429 || response.status === 503 ? retryAfterMs(response.retryAfter) : null;
      const wait = asked ?? this.options.retryBackoffMs * 2 ** attempt;
      if (attempt >= this.options.maxRetries || waited + wait > this.options.maxRetryWaitMs) {
        throw new RdapUnavailableError(`RDAP server ${server} answered HTTP ${response.status}${asked !== null ? ` (retry after ${Math.ceil(asked / 1000)} s)` : ''}; retries spent`, {
          server,
          retryAfterMs: asked,
        });
      }
      waited += wait;
      await sleep(wait);
    }
  }

  private async fetchOnce(url: URL): Promise<{ status: number; location: string | null; retryAfter: string | null; body: Uint8Array }> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: 'application/rdap+json, application/json;q=0.9', 'user-agent': this.options.userAgent },
      });
      const body = await readCapped(response, this.options.maxResponseBytes, url.origin);
      return { status: response.status, location: response.headers.get('location'), retryAfter: response.headers.get('retry-after'), body };
    } catch (error) {
      if (error instanceof RdapFormatError) throw error;
      const timedOut = signal.aborted;
      throw new RdapUnavailableError(`RDAP server ${url.origin} ${timedOut ? `did not answer within ${this.options.timeoutMs} ms` : 'could not be reached'}`, { server: url.origin, cause: error });
    }
  }
}

async function readCapped(response: Response, maxBytes: number, server: string): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new RdapFormatError(`RDAP response from ${server} is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

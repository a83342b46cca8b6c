import type { IncomingHttpHeaders } from 'node:http';
import { PassThrough } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { BaseHttpClient, HttpRequest, HttpResponse, ResponseTypes, StreamingHttpResponse } from '@crawlee/cheerio';
import { StopRunError } from '@indicia/core';
import type { FetchedResource, HttpFetcher } from './http-fetcher.js';

/**
 * Where the crawl learns what the fetcher saw for one attempt: the raw (size-capped) body for the
 * blob store and the error with its class, both of which Crawlee's own response handling loses.
 * A pre-navigation hook puts one into the request options under this key.
 */
export const fetchSinkKey = 'indiciaFetchSink';

export interface FetchSink {
  fetched?: FetchedResource;
  error?: unknown;
}

/**
 * Crawlee's HTTP client port, served by our HttpFetcher, so every fetch Crawlee makes goes through
 * the fail-closed proxy handling, the size cap and the redirect rules.
 */
export class FetcherHttpClient implements BaseHttpClient {
  constructor(private readonly fetcher: HttpFetcher) {}

  async stream(request: HttpRequest): Promise<StreamingHttpResponse> {
    const sink = request[fetchSinkKey] as FetchSink | undefined;
    try {
      const fetched = await this.fetch(request);
      if (sink) sink.fetched = fetched;
      const stream = new PassThrough();
      stream.end(fetched.body);
      const bytes = fetched.body.length;
      return {
        ...responseData(request, fetched),
        stream,
        downloadProgress: { percent: 1, transferred: bytes, total: bytes },
        uploadProgress: { percent: 1, transferred: 0, total: 0 },
      };
    } catch (error) {
      if (sink) sink.error = error;
      throw error;
    }
  }

  async sendRequest<TResponseType extends keyof ResponseTypes = 'text'>(request: HttpRequest<TResponseType>): Promise<HttpResponse<TResponseType>> {
    const fetched = await this.fetch(request as HttpRequest);
    const responseType = request.responseType ?? 'text';
    const body = responseType === 'buffer' ? fetched.body : responseType === 'json' ? JSON.parse(fetched.body.toString('utf8')) : fetched.body.toString('utf8');
    return { ...responseData(request as HttpRequest, fetched), body } as HttpResponse<TResponseType>;
  }

  private fetch(request: HttpRequest): Promise<FetchedResource> {
    // Crawlee passes the proxy it was configured with; the fetcher uses its own. They must agree,
    // or a configuration mistake could make us believe in a proxy that is not used.
    if ((request.proxyUrl ?? null) !== this.fetcher.proxyUrl) {
      throw new StopRunError('the request asked for a different proxy than the crawl was configured with');
    }
    return this.fetcher.fetch(String(request.url));
  }
}

/**
 * Crawlee fails a page whose declared charset it cannot decode; we would rather keep it. Such a
 * charset is left out of what Crawlee sees (it then reads UTF-8, enough to find links); the
 * capture keeps the headers as received.
 */
function headersCrawleeCanRead(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const contentType = headers['content-type'];
  const charset = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] : undefined;
  if (!contentType || !charset || isKnownCharset(charset)) return headers;
  return { ...headers, 'content-type': contentType.replace(/;\s*charset\s*=\s*"?[^";\s]*"?/i, '') };
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

function responseData(request: HttpRequest, fetched: FetchedResource) {
  return {
    request,
    redirectUrls: fetched.redirectUrls.map((url) => new URL(url)),
    url: fetched.url,
    statusCode: fetched.status,
    statusMessage: fetched.statusText,
    headers: headersCrawleeCanRead(fetched.headers),
    trailers: {},
    complete: true,
  };
}

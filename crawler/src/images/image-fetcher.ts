import { DeadLetterError, RetryableError, type CapturedImage, type RefusedImage } from '@indicia/core';
import type { BlobStore } from '../blob-store.js';
import { failureReason } from '../fetch-errors.js';
import type { FetchedResource, HttpFetcher } from '../http-fetcher.js';
import { readImageHeader } from './image-dimensions.js';
import { sniffImageType } from './image-type.js';
import { LruMap } from './lru-map.js';

export interface ImageFetchLimits {
  /** Bytes of one image (decoded from any content-encoding); a longer body is refused, not kept cut. */
  maxImageBytes: number;
  /** width x height read from the header; over it the image is refused as a pixel bomb. */
  maxImagePixels: number;
  /** References of one page fetched, in document order; the rest are refused. */
  maxImagesPerPage: number;
  /** Bytes of the images kept for one page; once an image would pass it, it and the rest are refused. */
  maxImageBytesPerPage: number;
}

const mib = 1024 * 1024;

export const defaultImageFetchLimits: ImageFetchLimits = {
  maxImageBytes: 5 * mib,
  maxImagePixels: 40_000_000,
  maxImagesPerPage: 20,
  maxImageBytesPerPage: 20 * mib,
};

/** What is used of HttpFetcher: the crawl's own, so images go through the same proxy, fail-closed. */
export type ImageHttpClient = Pick<HttpFetcher, 'fetch'>;

export interface ImageFetcherOptions {
  http: ImageHttpClient;
  blobStore: BlobStore;
  limits?: Partial<ImageFetchLimits>;
  /** A redirect to a URL this refuses ends the image's fetch (the crawl's scope); default: every URL. */
  redirectAllowed?: (url: string) => boolean;
  /** URLs whose outcome is remembered for the run, so an image many pages show is fetched once. */
  rememberedUrls?: number;
}

/** A kept image, with what the capture message has no field for (frames and decoder errors it carries). */
export interface KeptImage {
  image: CapturedImage;
  /** False for SVG: kept as evidence only, never rendered (its scripts never run). */
  rasterisable: boolean;
}

export interface PageImages {
  /** In the order of the URLs given, each sha256 once. */
  images: CapturedImage[];
  kept: KeptImage[];
  refused: RefusedImage[];
  /**
   * Every HTTP response this call received (kept, refused and failed images alike), for WARC
   * records. An image fetched for an earlier page is not fetched again and is not repeated here.
   */
  fetches: FetchedResource[];
}

/** A redirect left the crawl's scope: the image is refused, the hop not followed. */
export class ImageRedirectOutOfScopeError extends DeadLetterError {
  override readonly name: string = 'ImageRedirectOutOfScopeError';
}

/** A URL's outcome as remembered between pages: no image bytes (they are in the blob store). */
type UrlOutcome = { kept: Omit<KeptImage, 'image'> & { image: Omit<CapturedImage, 'data'> } } | { refusedBecause: string };

interface FreshOutcome {
  outcome: UrlOutcome;
  fetched: FetchedResource | null;
}

/**
 * Downloads the images a page shows, within caps, keeps them by sha256 in the blob store and says
 * why each one left out was refused. Image failures never fail the page: fetch errors, HTTP
 * errors, caps and bad content become refusals with a reason. Only a failing blob store (the
 * disk) throws.
 *
 * Refused: over the byte cap, an HTTP status other than 2xx, a timeout or network error, a
 * redirect loop or a redirect out of scope, bytes that are no image format (whatever the
 * Content-Type says), a raster image whose header claims more than the pixel cap, and whatever
 * passes the page caps. Kept: animated images (frames noted), SVG (bytes as evidence, marked not
 * rasterisable, size from its attributes or 0), and broken images whose signature is right but
 * whose header or data is cut or corrupt (size 0 when unreadable, the decoder's error noted).
 */
export class ImageFetcher {
  private readonly limits: ImageFetchLimits;
  private readonly remembered: LruMap<string, Promise<UrlOutcome>>;

  constructor(private readonly options: ImageFetcherOptions) {
    this.limits = { ...defaultImageFetchLimits, ...options.limits };
    this.remembered = new LruMap(options.rememberedUrls ?? 2000);
  }

  /** `urls`: absolute, already in scope (see imageReferences and CrawlScope), in document order. */
  async fetchPageImages(urls: string[]): Promise<PageImages> {
    const page: PageImages = { images: [], kept: [], refused: [], fetches: [] };
    const keptSha256s = new Set<string>();
    let pageBytes = 0;
    let pageBudgetSpent = false;
    const distinctUrls = [...new Set(urls)];
    for (const [index, url] of distinctUrls.entries()) {
      if (index >= this.limits.maxImagesPerPage) {
        page.refused.push({ url, reason: `more than ${this.limits.maxImagesPerPage} images on the page` });
        continue;
      }
      if (pageBudgetSpent) {
        page.refused.push({ url, reason: `the page's images passed ${formatBytes(this.limits.maxImageBytesPerPage)}` });
        continue;
      }
      const { outcome, fetched } = await this.outcomeOf(url);
      if (fetched) page.fetches.push(fetched);
      if ('refusedBecause' in outcome) {
        page.refused.push({ url, reason: outcome.refusedBecause });
        continue;
      }
      const { image, ...facts } = outcome.kept;
      if (keptSha256s.has(image.sha256)) continue;
      if (pageBytes + image.bytes > this.limits.maxImageBytesPerPage) {
        pageBudgetSpent = true;
        page.refused.push({ url, reason: `the page's images passed ${formatBytes(this.limits.maxImageBytesPerPage)}` });
        continue;
      }
      pageBytes += image.bytes;
      keptSha256s.add(image.sha256);
      const bytes = fetched?.body ?? (await this.options.blobStore.get(image.sha256));
      const captured: CapturedImage = { ...image, data: bytes.toString('base64') };
      page.images.push(captured);
      page.kept.push({ image: captured, ...facts });
    }
    return page;
  }

  /**
   * Remembered, or fetched now (and then `fetched` is the response, for this page's WARC records).
   * Failures are remembered too (timeouts and 5xx included): a broken image on every page of a
   * site costs one fetch per run, not one per page. Pages fetched at once share one fetch.
   */
  private async outcomeOf(url: string): Promise<FreshOutcome> {
    const remembered = this.remembered.get(url);
    if (remembered) return { outcome: await remembered, fetched: null };
    const fresh = this.fetchImage(url);
    const outcome = fresh.then((result) => result.outcome);
    this.remembered.set(url, outcome);
    // A blob store failure reaches the caller through `fresh`; here it only unsets the memory, so a
    // later page tries again rather than inheriting the rejection.
    outcome.catch(() => this.remembered.delete(url));
    return fresh;
  }

  private async fetchImage(url: string): Promise<FreshOutcome> {
    let fetched: FetchedResource;
    try {
      fetched = await this.options.http.fetch(url, {
        maxBodyBytes: this.limits.maxImageBytes,
        onRedirect: (_from, to) => {
          if (this.options.redirectAllowed && !this.options.redirectAllowed(to)) {
            throw new ImageRedirectOutOfScopeError(`redirected out of the crawl's scope, to ${to}`);
          }
        },
      });
    } catch (error) {
      // The fetcher's failures are all of these two kinds; anything else is a bug and propagates.
      if (!(error instanceof RetryableError || error instanceof DeadLetterError)) throw error;
      return { outcome: { refusedBecause: failureReason(error) }, fetched: null };
    }
    const refuse = (refusedBecause: string): FreshOutcome => ({ outcome: { refusedBecause }, fetched });
    if (fetched.status < 200 || fetched.status > 299) return refuse(`HTTP ${fetched.status}${fetched.statusText ? ` ${fetched.statusText}` : ''}`);
    if (fetched.truncated) return refuse(`larger than ${formatBytes(this.limits.maxImageBytes)}`);
    if (fetched.body.length === 0) return refuse('empty body');
    const sniffed = sniffImageType(fetched.body);
    if (!sniffed) {
      const servedAs = String(fetched.headers['content-type'] ?? 'no content-type').slice(0, 100);
      return refuse(`not an image: the bytes match no image format (served as ${servedAs})`);
    }
    const header = await readImageHeader(fetched.body, sniffed);
    const { width, height } = header.dimensions ?? { width: 0, height: 0 };
    if (sniffed.rasterisable && width * height > this.limits.maxImagePixels) {
      return refuse(`pixel bomb: ${width}x${height} (more than ${this.limits.maxImagePixels} pixels)`);
    }
    const stored = await this.options.blobStore.put(fetched.body);
    const image = { url: fetched.url, sha256: stored.sha256, bytes: stored.bytes, mediaType: sniffed.mediaType, width, height, frames: sniffed.frames, decoderError: header.decoderError };
    return { outcome: { kept: { image, rasterisable: sniffed.rasterisable } }, fetched };
  }
}

function formatBytes(bytes: number): string {
  return bytes % mib === 0 ? `${bytes / mib} MiB` : `${bytes} bytes`;
}

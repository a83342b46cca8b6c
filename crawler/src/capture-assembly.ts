import type { CheerioAPI } from '@crawlee/cheerio';
import { StopRunError, type Logger, type PageCaptured } from '@indicia/core';
import type { BlobStore } from './blob-store.js';
import { isHtml } from './body-text.js';
import type { BrowserCapture } from './browser/capture-page.js';
import type { UrlScope } from './capture-parts.js';
import { canonicalizeCrawlableUrl } from './canonical-url.js';
import type { CrawlCounters } from './crawl-counters.js';
import type { CaptureEvidence } from './evidence/capture-evidence.js';
import type { WarcLocation } from './evidence/warc-record-format.js';
import type { FetchedResource } from './http-fetcher.js';
import type { ImageFetcher } from './images/image-fetcher.js';
import { imageReferences, imageReferencesInHtml, type ImageReference } from './images/image-references.js';
import { extractLinks, type PageLink } from './link-extraction.js';
import { browserPageCaptured, pageCaptured, type CaptureSubject } from './page-capture.js';
import type { PageRenderer } from './page-rendering.js';

const diskFailureCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

export interface CaptureAssemblyParts {
  blobs: BlobStore;
  evidence: CaptureEvidence;
  renderer: PageRenderer;
  /** null when the crawl keeps no images. */
  images: ImageFetcher | null;
  scope: UrlScope;
  counters: CrawlCounters;
  maxResponseBytes: number;
  log: Logger;
}

export interface AssembledCapture {
  capture: PageCaptured;
  /** Links of the page as captured (after scripts ran, for a rendered page); empty for non-HTML and error pages. */
  links: PageLink[];
}

/**
 * Turns one HTTP fetch into the capture the pipeline gets: the exchange written to WARC, the body
 * kept; when the page needs a browser (the mode, or an HTTP body that looks script-rendered), the
 * page rendered and its DOM, screenshot and every browser exchange kept instead; then the images
 * the page shows, fetched within their caps; and last the custody entry chaining all of it.
 */
export class CaptureAssembly {
  constructor(private readonly parts: CaptureAssemblyParts) {}

  async assemble(subject: CaptureSubject, fetched: FetchedResource, $: CheerioAPI | undefined): Promise<AssembledCapture> {
    const { evidence, counters } = this.parts;
    const records: WarcLocation[] = [...(await evidence.recordFetch(fetched))];
    const { sha256 } = await this.store(fetched.body);
    let capture = pageCaptured(subject, fetched, sha256);
    const readable = isHtml(capture.contentType) && capture.status < 400;
    let links = readable && $ ? extractLinks($, fetched.url) : [];
    // Crawlee's cheerio and ours are one version; only their CJS and ESM type declarations differ.
    let imageRefs = readable && $ ? imageReferences($ as unknown as Parameters<typeof imageReferences>[0], fetched.url) : [];

    if (readable && this.parts.renderer.wants(capture.body)) {
      const outcome = await this.parts.renderer.render(fetched.url);
      if (outcome.kind === 'rendered') {
        records.push(...(await evidence.recordBrowserCapture(outcome.capture)));
        capture = await this.renderedCapture(subject, outcome.capture);
        links = renderedLinks(outcome.capture);
        imageRefs = renderedImages(outcome.capture);
        counters.rendered++;
      } else {
        // Kept as fetched, marked: what was read of it may be incomplete.
        capture = { ...capture, needsBrowser: true, render: { outcome: outcome.kind, reason: outcome.reason } };
        if (outcome.kind === 'unavailable') counters.needingBrowser++;
        else counters.renderFailed++;
        this.parts.log.info({ url: capture.url, reason: outcome.reason }, outcome.kind === 'unavailable' ? 'kept as fetched: no browser' : 'kept as fetched: the browser could not render it');
      }
    }

    if (this.parts.images && capture.status < 400 && imageRefs.length > 0) {
      const inScope = imageRefs.filter((reference) => this.parts.scope.includes(reference.canonicalUrl));
      const pageImages = await this.parts.images.fetchPageImages(inScope.map((reference) => reference.url));
      for (const imageFetch of pageImages.fetches) records.push(...(await evidence.recordFetch(imageFetch)));
      capture = { ...capture, images: pageImages.images, refusedImages: pageImages.refused };
      for (const image of pageImages.images) counters.imageKept(image.sha256);
      counters.imagesRefused += pageImages.refused.length;
      for (const refused of pageImages.refused) this.parts.log.info({ page: capture.canonicalUrl, image: refused.url, reason: refused.reason }, 'image refused');
    }

    await evidence.recordCustody({
      captureId: capture.captureId,
      url: capture.canonicalUrl,
      warc: records,
      bodySha256: capture.bodySha256,
      screenshotSha256: capture.screenshotSha256,
      imageSha256s: capture.images.map((image) => image.sha256),
    });
    return { capture, links };
  }

  private async renderedCapture(subject: CaptureSubject, rendered: BrowserCapture): Promise<PageCaptured> {
    const whole = Buffer.from(rendered.html, 'utf8');
    const truncated = whole.length > this.parts.maxResponseBytes;
    const body = truncated ? whole.subarray(0, this.parts.maxResponseBytes) : whole;
    const { sha256: bodySha256 } = await this.store(body);
    const { sha256: screenshotSha256 } = await this.store(rendered.screenshotPng);
    return browserPageCaptured(subject, rendered, { body, bodySha256, screenshotSha256, truncated });
  }

  private async store(bytes: Buffer): Promise<{ sha256: string }> {
    try {
      return await this.parts.blobs.put(bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && diskFailureCodes.has(code)) throw new StopRunError(`cannot write to the blob store: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
}

function renderedLinks(rendered: BrowserCapture): PageLink[] {
  const links = new Map<string, PageLink>();
  for (const url of rendered.links) {
    const canonicalUrl = canonicalizeCrawlableUrl(url);
    if (canonicalUrl && !links.has(canonicalUrl)) links.set(canonicalUrl, { canonicalUrl, url });
  }
  return [...links.values()];
}

/** What the browser saw loaded (currentSrc), then what the DOM still declares (lazy images not yet in view). */
function renderedImages(rendered: BrowserCapture): ImageReference[] {
  const found = new Map<string, ImageReference>();
  for (const url of rendered.imageUrls) {
    const canonicalUrl = canonicalizeCrawlableUrl(url);
    if (canonicalUrl && !found.has(canonicalUrl)) found.set(canonicalUrl, { url, canonicalUrl });
  }
  for (const reference of imageReferencesInHtml(rendered.html, rendered.url)) {
    if (!found.has(reference.canonicalUrl)) found.set(reference.canonicalUrl, reference);
  }
  return [...found.values()];
}

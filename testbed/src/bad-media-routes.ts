import type { Writable } from 'node:stream';
import { animatedGif, corruptPng, htmlAsJpeg, jpegOpening, oversizedPng, pixelBombPng, scriptedSvg, svgCallbackPath } from './bad-media-files.js';
import { escapeHtml } from './html.js';
import { notFoundResponse, StreamedBody, type SiteRequest, type SiteResponse } from './site-response.js';

export type BadMediaKind = 'corrupt-png' | 'html-as-jpeg' | 'pixel-bomb' | 'animated-gif' | 'scripted-svg' | 'oversized' | 'missing' | 'never-ends';

export interface BadMediaImage {
  kind: BadMediaKind;
  /** Path on the image-ad site. */
  path: string;
  /** What is wrong with it, as a crawler meets it. */
  description: string;
  /** Attributes of its <img>: never 1x1, so a crawler does not skip it as a tracking pixel. */
  width: number;
  height: number;
}

/** The bad-media page of the image-ad site: linked with its traps, no ad of the ground truth. */
export const badMediaPagePath = '/trap/bad-media';

/** In the page's document order. */
export const badMediaImages: readonly BadMediaImage[] = [
  { kind: 'corrupt-png', path: '/trap/media/cut-off.png', description: 'PNG signature and header intact, image data cut, no IEND', width: 96, height: 24 },
  { kind: 'html-as-jpeg', path: '/trap/media/removed.jpg', description: 'served as image/jpeg, the bytes are an HTML page', width: 320, height: 240 },
  { kind: 'pixel-bomb', path: '/trap/media/pixel-bomb.png', description: 'a small PNG whose header claims 100000 x 100000 pixels, CRCs right', width: 320, height: 240 },
  { kind: 'animated-gif', path: '/trap/media/animated.gif', description: 'a looping GIF of two frames', width: 8, height: 8 },
  { kind: 'scripted-svg', path: '/trap/media/offer.svg', description: `an SVG with an onload handler and a <script>, both calling ${svgCallbackPath}`, width: 120, height: 80 },
  { kind: 'oversized', path: '/trap/media/poster.png', description: 'a valid PNG of more than 5 MiB', width: 1400, height: 1400 },
  { kind: 'missing', path: '/trap/media/deleted.jpg', description: 'answers 404', width: 320, height: 240 },
  { kind: 'never-ends', path: '/trap/media/never-ends.jpg', description: 'sends its headers and the first bytes of a JPEG, then nothing, never ending', width: 320, height: 240 },
];

/** What the never-ending picture announces; it sends only the first few of these bytes. */
const neverEndingLength = 200_000;

function image(contentType: string, body: Buffer): SiteResponse {
  return { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' }, body };
}

/** Holds the response open after its first bytes; it ends only when the client or the testbed closes the socket. */
function neverEndingBody(): StreamedBody {
  return new StreamedBody((out: Writable) => {
    out.write(jpegOpening);
  });
}

/**
 * Routes of the bad-media page and its images on the image-ad site. The page is server-rendered
 * HTML with nothing scripted of its own: whatever runs when it is crawled comes from the images.
 */
export function badMediaResponse(request: SiteRequest, renderPage: (figures: string) => string): SiteResponse | undefined {
  switch (request.pathname) {
    case badMediaPagePath:
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: renderPage(figures()) };
    case svgCallbackPath:
      return { status: 204, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
  const kind = badMediaImages.find((entry) => entry.path === request.pathname)?.kind;
  switch (kind) {
    case undefined:
      return undefined;
    case 'corrupt-png':
      return image('image/png', corruptPng);
    case 'html-as-jpeg':
      return image('image/jpeg', htmlAsJpeg);
    case 'pixel-bomb':
      return image('image/png', pixelBombPng);
    case 'animated-gif':
      return image('image/gif', animatedGif);
    case 'scripted-svg':
      return image('image/svg+xml', scriptedSvg);
    case 'oversized':
      return image('image/png', oversizedPng());
    case 'missing':
      return notFoundResponse();
    case 'never-ends':
      return { status: 200, headers: { 'content-type': 'image/jpeg', 'content-length': String(neverEndingLength) }, body: neverEndingBody() };
  }
}

function figures(): string {
  return badMediaImages
    .map((entry) => `<figure><img src="${escapeHtml(entry.path)}" width="${entry.width}" height="${entry.height}" alt="${escapeHtml(entry.kind)}"><figcaption>${escapeHtml(entry.description)}</figcaption></figure>`)
    .join('\n');
}

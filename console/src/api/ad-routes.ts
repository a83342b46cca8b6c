import type { StoredAd } from '@indicia/indexer';
import type { ConsoleDeps } from '../console-deps.js';
import { imageTypeOf } from '../http/image-type.js';
import { notFound, RejectedRequestError } from '../http/rejected-request-error.js';
import { capturedHtmlPolicy } from '../http/security-headers.js';
import { json, type ConsoleRoute } from './console-route.js';

const sha256Pattern = /^[0-9a-f]{64}$/;

export const adRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/ads/:adId',
    minRole: 'viewer',
    summary: 'An ad as indexed (versions, indicators with provenance, images with OCR text) and its captures (fetch metadata and hashes).',
    async handle(ctx, deps) {
      const ad = await requireAd(deps, ctx.params.adId!);
      ctx.audit('view-ad', ad.id);
      return json({ ...ad, captures: await deps.evidence.capturesOf(ad) });
    },
  },
  {
    method: 'GET',
    path: '/ads/:adId/captures/:captureId/screenshot',
    minRole: 'viewer',
    summary: 'The screenshot a browser capture took (PNG).',
    produces: 'image/png',
    async handle(ctx, deps) {
      const captureId = await requireCaptureOf(deps, ctx.params.adId!, ctx.params.captureId!);
      const bytes = await deps.evidence.screenshot(captureId);
      if (!bytes || imageTypeOf(bytes) !== 'image/png') throw notFound('screenshot');
      return { status: 200, body: bytes, headers: { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=3600' } };
    },
  },
  {
    method: 'GET',
    path: '/ads/:adId/captures/:captureId/html',
    minRole: 'viewer',
    summary: 'The captured HTML, under a CSP that allows no scripts and no network; for an <iframe sandbox> only.',
    produces: 'text/html',
    async handle(ctx, deps) {
      const captureId = await requireCaptureOf(deps, ctx.params.adId!, ctx.params.captureId!);
      const html = await deps.evidence.capturedHtml(captureId);
      if (!html) throw notFound('captured HTML');
      ctx.audit('view-capture-html', captureId, { adId: ctx.params.adId! });
      return {
        status: 200,
        body: html.bytes,
        headers: {
          'Content-Type': `text/html; charset=${html.charset ?? 'utf-8'}`,
          'Content-Security-Policy': capturedHtmlPolicy,
          // The console's own page frames it; nothing else may.
          'X-Frame-Options': 'SAMEORIGIN',
          'Cache-Control': 'private, no-store',
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/images/:sha256',
    minRole: 'viewer',
    summary: 'Image bytes by sha256, typed by their magic bytes (PNG, JPEG, GIF, WebP; anything else 415).',
    produces: 'image/*',
    async handle(ctx, deps) {
      const sha256 = ctx.params.sha256!.toLowerCase();
      if (!sha256Pattern.test(sha256)) throw new RejectedRequestError(400, 'bad-request', 'an image is named by the sha256 of its bytes (64 hex digits)');
      const bytes = await deps.evidence.blob(sha256);
      if (!bytes) throw notFound('image');
      const type = imageTypeOf(bytes);
      if (!type) throw new RejectedRequestError(415, 'not-an-image', 'these bytes are not a PNG, JPEG, GIF or WebP image');
      return { status: 200, body: bytes, headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=86400, immutable' } };
    },
  },
];

async function requireAd(deps: Pick<ConsoleDeps, 'store'>, adId: string): Promise<StoredAd> {
  const ad = await deps.store.getAd(adId);
  if (!ad) throw notFound(`ad ${adId.slice(0, 80)}`);
  return ad;
}

/** A capture is served only under the ad it belongs to. */
async function requireCaptureOf(deps: Pick<ConsoleDeps, 'store' | 'evidence'>, adId: string, captureId: string): Promise<string> {
  const ad = await requireAd(deps, adId);
  const captures = await deps.evidence.capturesOf(ad);
  if (!captures.some((capture) => capture.captureId === captureId)) throw notFound('capture');
  return captureId;
}

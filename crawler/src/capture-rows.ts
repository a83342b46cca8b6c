import type { CapturedImage, PageCaptured, RefusedImage } from '@indicia/core';

/** A capture as stored: everything of PageCaptured but the body, which lives in the blob store. */
export interface CaptureRow {
  capture_id: string;
  run_id: string;
  canonical_url: string;
  url: string;
  final_url: string;
  site: string;
  depth: number;
  status: number;
  content_type: string;
  headers_json: string;
  fetched_at: string;
  proxy: string | null;
  fetch_mode: string;
  body_sha256: string;
  body_bytes: number;
  truncated: number;
  /** JSON of CaptureMedia; null for captures made before images were kept. */
  media_json: string | null;
}

/** What a capture row keeps of its images and rendering; image bytes are in the blob store. */
export interface CaptureMedia {
  /** frames and decoderError are absent in rows written before they existed. */
  images: Array<Omit<CapturedImage, 'data' | 'frames' | 'decoderError'> & Partial<Pick<CapturedImage, 'frames' | 'decoderError'>>>;
  refusedImages: RefusedImage[];
  screenshotSha256: string | null;
  needsBrowser: boolean;
  /** Absent in rows written before it existed. */
  render?: PageCaptured['render'];
}

export function captureToRow(capture: PageCaptured, runId: string): CaptureRow {
  return {
    capture_id: capture.captureId,
    run_id: runId,
    canonical_url: capture.canonicalUrl,
    url: capture.url,
    final_url: capture.finalUrl,
    site: capture.site,
    depth: capture.depth,
    status: capture.status,
    content_type: capture.contentType,
    headers_json: JSON.stringify(capture.headers),
    fetched_at: capture.fetchedAt,
    proxy: capture.proxy,
    fetch_mode: capture.fetchMode,
    body_sha256: capture.bodySha256,
    body_bytes: capture.bodyBytes,
    truncated: capture.truncated ? 1 : 0,
    media_json: JSON.stringify({
      images: capture.images.map(({ data: _data, ...image }) => image),
      refusedImages: capture.refusedImages,
      screenshotSha256: capture.screenshotSha256,
      needsBrowser: capture.needsBrowser,
      render: capture.render,
    } satisfies CaptureMedia),
  };
}

/** `imageBytes` gives an image's bytes back from the blob store by sha256. */
export function rowToCapture(row: CaptureRow, body: string, imageBytes: (sha256: string) => Buffer): PageCaptured {
  const media = rowMedia(row);
  return {
    captureId: row.capture_id,
    url: row.url,
    finalUrl: row.final_url,
    canonicalUrl: row.canonical_url,
    site: row.site,
    depth: row.depth,
    status: row.status,
    contentType: row.content_type,
    headers: JSON.parse(row.headers_json) as Record<string, string>,
    fetchedAt: row.fetched_at,
    proxy: row.proxy,
    fetchMode: row.fetch_mode === 'browser' ? 'browser' : 'http',
    bodySha256: row.body_sha256,
    bodyBytes: row.body_bytes,
    truncated: row.truncated === 1,
    body,
    images: media.images.map((image) => ({ ...image, frames: image.frames ?? 1, decoderError: image.decoderError ?? null, data: imageBytes(image.sha256).toString('base64') })),
    refusedImages: media.refusedImages,
    screenshotSha256: media.screenshotSha256,
    needsBrowser: media.needsBrowser,
    render: media.render ?? null,
  };
}

/** The row's media as stored; a row written before media were kept has none. */
export function rowMedia(row: Pick<CaptureRow, 'media_json'>): CaptureMedia {
  return row.media_json ? (JSON.parse(row.media_json) as CaptureMedia) : { images: [], refusedImages: [], screenshotSha256: null, needsBrowser: false };
}

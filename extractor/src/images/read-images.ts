import type { AdImage, CapturedImage } from '@indicia/core';
import { decodeGray, rasterMediaTypes } from './gray-image.js';
import type { OcrPool } from './ocr-pool.js';
import { preprocessForOcr, type OcrPreprocessSteps } from './ocr-preprocess.js';
import { perceptualHash } from './perceptual-hash.js';
import { detectText } from './text-presence.js';

export interface ReadImagesOptions {
  /** Reads the images the pre-filter passes. */
  ocr: OcrPool;
  /** Images with more pixels are refused as failed (a pixel bomb). Default 40 million. */
  maxPixels?: number;
  /** For the bench: which preprocessing steps run before OCR. */
  preprocessSteps?: Partial<OcrPreprocessSteps>;
}

export const defaultMaxImagePixels = 40_000_000;

/**
 * What each captured image shows: its perceptual hash and the text OCR read from it. Never throws
 * for a bad image: a corrupt or oversized one is `failed` with sharp's reason, an SVG or other
 * non-raster type `unsupported`, a picture without text `no-text`. Images are read concurrently,
 * so one page's images spread over the OCR workers; the result keeps the input order.
 */
export function readImages(images: readonly CapturedImage[], options: ReadImagesOptions): Promise<AdImage[]> {
  return Promise.all(images.map((image) => readImage(image, options)));
}

export async function readImage(image: CapturedImage, options: ReadImagesOptions): Promise<AdImage> {
  const base = { url: image.url, sha256: image.sha256, mediaType: image.mediaType, width: image.width, height: image.height };
  if (!rasterMediaTypes.has(image.mediaType)) {
    return { ...base, perceptualHash: null, ocr: { status: 'unsupported', text: '', reason: `${image.mediaType || 'an unknown type'} is not a raster image` } };
  }
  let gray;
  try {
    gray = await decodeGray(Buffer.from(image.data, 'base64'), { maxPixels: options.maxPixels ?? defaultMaxImagePixels });
  } catch (error) {
    // sharp rejects corrupt, truncated and oversized input with an Error saying which: that is the recorded reason.
    if (!(error instanceof Error)) throw error;
    return { ...base, perceptualHash: null, ocr: { status: 'failed', text: '', reason: `could not decode: ${error.message}` } };
  }
  const hash = await perceptualHash(gray);
  const presence = await detectText(gray);
  if (!presence.hasText) return { ...base, perceptualHash: hash, ocr: { status: 'no-text', text: '', reason: presence.reason } };
  const png = await preprocessForOcr(gray, { glyphHeight: presence.glyphHeight, ...(options.preprocessSteps ? { steps: options.preprocessSteps } : {}) });
  const outcome = await options.ocr.recognize(png);
  if (!outcome.ok) return { ...base, perceptualHash: hash, ocr: { status: 'failed', text: '', reason: outcome.reason } };
  return { ...base, perceptualHash: hash, ocr: { status: 'read', text: outcome.text.trim() } };
}

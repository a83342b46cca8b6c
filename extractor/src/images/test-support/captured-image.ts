import { sha256Hex, type CapturedImage } from '@indicia/core';
import sharp from 'sharp';

/** A CapturedImage as the crawler would send it, from image bytes. */
export async function capturedImage(bytes: Buffer, options: { mediaType: string; url?: string }): Promise<CapturedImage> {
  let size = { width: 0, height: 0 };
  if (options.mediaType !== 'image/svg+xml') {
    try {
      const metadata = await sharp(bytes).metadata();
      size = { width: metadata.width, height: metadata.height };
    } catch (error) {
      // Deliberately corrupt test images have no size; the crawler records 0 × 0 for them too.
      if (!(error instanceof Error)) throw error;
    }
  }
  const sha256 = sha256Hex(bytes);
  return { url: options.url ?? `http://pics.test/${sha256.slice(0, 12)}`, sha256, bytes: bytes.length, mediaType: options.mediaType, ...size, data: bytes.toString('base64'), frames: 1, decoderError: null };
}

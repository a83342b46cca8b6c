import sharp from 'sharp';

/** An image decoded once to 8-bit grayscale: what hashing, the text pre-filter and OCR all start from. */
export interface GrayImage {
  pixels: Buffer;
  width: number;
  height: number;
}

/** Media types sharp decodes as raster images. SVG is left out on purpose: it is markup (and may carry scripts), not pixels. */
export const rasterMediaTypes: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/tiff']);

export interface DecodeOptions {
  /** Refuse images with more pixels than this (a pixel bomb decodes to gigabytes). */
  maxPixels: number;
}

/**
 * Decodes the first frame (an animated GIF's first picture), flattens transparency onto white
 * (transparent text banners read as dark text on white) and converts to grayscale. Throws sharp's
 * error for a corrupt image or one over the pixel cap; callers record it as the image's failure.
 */
export async function decodeGray(bytes: Buffer, options: DecodeOptions): Promise<GrayImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: options.maxPixels, pages: 1, page: 0, failOn: 'error' })
    .flatten({ background: '#ffffff' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Grayscale output of a flattened image has one channel; guard anyway so indexing stays right.
  if (info.channels !== 1) return { pixels: await sharp(data, { raw: info }).extractChannel(0).raw().toBuffer(), width: info.width, height: info.height };
  return { pixels: data, width: info.width, height: info.height };
}

/**
 * Runs a pipeline started by graySharp and returns its one-channel pixels (some operations, a
 * blur say, would otherwise come back as three identical sRGB channels).
 */
export async function grayPixels(pipeline: sharp.Sharp): Promise<Buffer> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new RangeError(`expected one gray channel, got ${info.channels}`);
  return data;
}

/** The gray image as a sharp pipeline, for resizing and filtering it further. */
export function graySharp(image: GrayImage): sharp.Sharp {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
}

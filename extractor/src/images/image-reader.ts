import type { AdImage, CapturedImage } from '@indicia/core';
import { readImage, type ReadImagesOptions } from './read-images.js';

export interface ImageReaderOptions extends ReadImagesOptions {
  /** Readings remembered by sha256. Default 5,000 (an AdImage without bytes is small). */
  rememberedImages?: number;
}

/**
 * Reads images once per sha256: a listing shows the thumbnails its ads show again, operators reuse
 * one photo across many ads, and OCR is the costliest step of a page. Readings are pure functions
 * of the bytes, so a remembered one is what a fresh read would give; a page's own URL for the
 * image is kept on its copy.
 */
export class ImageReader {
  private readonly remembered = new Map<string, Promise<AdImage>>();
  private readonly capacity: number;

  constructor(private readonly options: ImageReaderOptions) {
    this.capacity = options.rememberedImages ?? 5000;
  }

  /** The page's images in order, read concurrently (spread over the OCR workers). */
  read(images: readonly CapturedImage[]): Promise<AdImage[]> {
    return Promise.all(images.map(async (image) => ({ ...(await this.readOnce(image)), url: image.url })));
  }

  private readOnce(image: CapturedImage): Promise<AdImage> {
    const known = this.remembered.get(image.sha256);
    if (known) return known;
    const reading = readImage(image, this.options);
    this.remembered.set(image.sha256, reading);
    // Oldest first out: Map iteration follows insertion order.
    if (this.remembered.size > this.capacity) this.remembered.delete(this.remembered.keys().next().value as string);
    return reading;
  }
}

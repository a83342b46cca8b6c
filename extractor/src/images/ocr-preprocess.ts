import { grayPixels, graySharp, type GrayImage } from './gray-image.js';
import { otsuThreshold } from './otsu-threshold.js';

/** Which preprocessing steps run; all by default. bench/ocr.mjs measures what each adds to recall. */
export interface OcrPreprocessSteps {
  /** Scale so glyphs are about `targetGlyphHeight` pixels tall (tesseract reads ~20-40 px type best). */
  scale: boolean;
  /** Stretch the gray levels to the full range. */
  normalise: boolean;
  /** Binarise at Otsu's level, dark text on white (light-on-dark banners are inverted). */
  threshold: boolean;
}

export interface OcrPreprocessOptions {
  /** Median glyph height the text pre-filter measured, in the image's pixels; null when unknown. */
  glyphHeight: number | null;
  steps?: Partial<OcrPreprocessSteps>;
}

export const targetGlyphHeight = 32;
const maxScale = 4;
const minScale = 0.5;
/** Upscaling stops at this many output pixels, so a big image is not blown up to hundreds of MB. */
const maxOutputPixels = 12_000_000;

/** The gray image made ready for tesseract, as PNG bytes. */
export async function preprocessForOcr(image: GrayImage, options: OcrPreprocessOptions): Promise<Buffer> {
  const steps: OcrPreprocessSteps = { scale: true, normalise: true, threshold: true, ...options.steps };
  let width = image.width;
  let height = image.height;
  let pipeline = graySharp(image);
  if (steps.scale && options.glyphHeight) {
    const wanted = Math.min(maxScale, Math.max(minScale, targetGlyphHeight / options.glyphHeight));
    const scale = Math.min(wanted, Math.sqrt(maxOutputPixels / (width * height)));
    if (Math.abs(scale - 1) > 0.15) {
      width = Math.max(1, Math.round(width * scale));
      height = Math.max(1, Math.round(height * scale));
      pipeline = pipeline.resize(width, height, { fit: 'fill', kernel: scale > 1 ? 'cubic' : 'lanczos3' });
    }
  }
  if (steps.normalise) pipeline = pipeline.normalise();
  if (!steps.threshold) return pipeline.png({ compressionLevel: 1 }).toBuffer();
  const pixels = await grayPixels(pipeline);
  const split = otsuThreshold(pixels);
  let dark = 0;
  for (const value of pixels) if (value <= split.threshold) dark++;
  // The larger class is the background: it becomes white, whichever tone it had.
  const darkIsBackground = dark * 2 > pixels.length;
  const binary = Buffer.allocUnsafe(pixels.length);
  for (let i = 0; i < pixels.length; i++) binary[i] = pixels[i]! <= split.threshold !== darkIsBackground ? 0 : 255;
  return graySharp({ pixels: binary, width, height }).png({ compressionLevel: 1 }).toBuffer();
}

import { grayPixels, graySharp, type GrayImage } from './gray-image.js';
import { otsuThreshold } from './otsu-threshold.js';

/** Which preprocessing steps run; all by default. bench/ocr.mjs measures what each adds to recall. */
export interface OcrPreprocessSteps {
  /** Scale so glyphs are about `targetGlyphHeight` pixels tall (tesseract reads ~20-40 px type best). */
  scale: boolean;
  /**
   * Subtract the background's slow shading (a gradient, a vignette) first, so one global threshold
   * fits the whole picture: on a gradient banner, Otsu's level otherwise splits the background itself
   * and blacks out half the text.
   */
  flatten: boolean;
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
  const steps: OcrPreprocessSteps = { scale: true, flatten: true, normalise: true, threshold: true, ...options.steps };
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
  if (steps.flatten) pipeline = graySharp(await flattenBackground({ pixels: await grayPixels(pipeline), width, height }));
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

/** Side of the blocks the background is sampled in, at the target glyph height: wider than a stroke, narrower than a glyph. */
const backgroundBlock = 8;

/**
 * How far each pixel stands out from its local background, as dark ink on white. Ink is the
 * minority tone, so the side the gray levels are skewed to says whether it is darker or lighter
 * than the paper. The background is then the lightest (or darkest) pixel of each small block,
 * widened over the neighbouring blocks so a block inside a thick stroke takes its neighbours'
 * paper, and smoothed: it follows a gradient without being pulled towards the ink, which a plain
 * blur would be (leaving a halo that Otsu then splits from the rest of the paper).
 */
async function flattenBackground(image: GrayImage): Promise<GrayImage> {
  const { width, height, pixels } = image;
  const darkInk = skewness(pixels) <= 0;
  const columns = Math.ceil(width / backgroundBlock);
  const rows = Math.ceil(height / backgroundBlock);
  const blocks = new Uint8Array(columns * rows).fill(darkInk ? 0 : 255);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / backgroundBlock) * columns;
    for (let x = 0; x < width; x++) {
      const value = pixels[y * width + x]!;
      const block = row + Math.floor(x / backgroundBlock);
      if (darkInk ? value > blocks[block]! : value < blocks[block]!) blocks[block] = value;
    }
  }
  const widened = new Uint8Array(blocks.length);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let paper = darkInk ? 0 : 255;
      for (let ny = Math.max(0, by - 1); ny <= Math.min(rows - 1, by + 1); ny++) {
        for (let nx = Math.max(0, bx - 1); nx <= Math.min(columns - 1, bx + 1); nx++) {
          const value = blocks[ny * columns + nx]!;
          if (darkInk ? value > paper : value < paper) paper = value;
        }
      }
      widened[by * columns + bx] = paper;
    }
  }
  const smooth = await grayPixels(graySharp({ pixels: Buffer.from(widened), width: columns, height: rows }).blur(1.5));
  const background = await grayPixels(graySharp({ pixels: smooth, width: columns, height: rows }).resize(width, height, { fit: 'fill', kernel: 'linear' }));
  const flat = Buffer.allocUnsafe(pixels.length);
  for (let i = 0; i < pixels.length; i++) flat[i] = 255 - Math.max(0, darkInk ? background[i]! - pixels[i]! : pixels[i]! - background[i]!);
  return { pixels: flat, width, height };
}

/** Third standardised moment of the gray levels: negative when a minority of pixels is much darker than the rest. */
function skewness(pixels: Uint8Array): number {
  let sum = 0;
  for (const value of pixels) sum += value;
  const mean = sum / pixels.length;
  let second = 0;
  let third = 0;
  for (const value of pixels) {
    const d = value - mean;
    second += d * d;
    third += d * d * d;
  }
  return second === 0 ? 0 : third / pixels.length / (second / pixels.length) ** 1.5;
}

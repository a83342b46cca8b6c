import { grayPixels, graySharp, type GrayImage } from './gray-image.js';
import { grainLevel, grainyLevel } from './grain-level.js';
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
  if (steps.flatten) {
    const scaled = { pixels: await grayPixels(pipeline), width, height };
    // Grain (added noise, JPEG speckle) would be stretched by the flattening and split by the threshold into specks.
    const denoised = grainLevel(scaled.pixels, width) > grainyLevel ? { ...scaled, pixels: await grayPixels(graySharp(scaled).median(3)) } : scaled;
    pipeline = graySharp(flattenBackground(denoised, await blockBackground(denoised)));
  }
  if (steps.normalise) pipeline = pipeline.normalise();
  if (!steps.threshold) return pipeline.png({ compressionLevel: 1 }).toBuffer();
  const pixels = await grayPixels(pipeline);
  // On flattened paper, Otsu's level can fall inside the paper's own grain when the ink is a small
  // share of the picture; the threshold stays below the grain (a few of its spreads under the paper).
  const threshold = steps.flatten ? Math.min(otsuThreshold(pixels).threshold, belowPaperGrain(pixels)) : otsuThreshold(pixels).threshold;
  let dark = 0;
  for (const value of pixels) if (value <= threshold) dark++;
  // The larger class is the background: it becomes white, whichever tone it had.
  const darkIsBackground = dark * 2 > pixels.length;
  const binary = Buffer.allocUnsafe(pixels.length);
  for (let i = 0; i < pixels.length; i++) binary[i] = pixels[i]! <= threshold !== darkIsBackground ? 0 : 255;
  return graySharp({ pixels: binary, width, height }).png({ compressionLevel: 1 }).toBuffer();
}

/** Side of the blocks the background is sampled in, at the target glyph height: wider than a stroke, narrower than a glyph. */
const backgroundBlock = 8;

interface Background {
  /** The local paper level of every pixel. */
  levels: Buffer;
  darkInk: boolean;
}

/**
 * The paper under the text, pixel by pixel. Ink is the minority tone, so the side the gray levels
 * are skewed to says whether it is darker or lighter than the paper. Each small block's median is
 * paper unless a stroke covers most of it; taking the lightest (or darkest) median of the block and
 * its neighbours leaves only paper, and a blur smooths the blocks out. It follows a gradient
 * without being pulled towards the ink, which a plain blur would be (leaving a halo around the
 * text that the threshold then splits from the rest of the paper).
 */
async function blockBackground(image: GrayImage): Promise<Background> {
  const { width, height, pixels } = image;
  const darkInk = skewness(pixels) <= 0;
  const columns = Math.ceil(width / backgroundBlock);
  const rows = Math.ceil(height / backgroundBlock);
  const medians = new Uint8Array(columns * rows);
  const block = new Uint8Array(backgroundBlock * backgroundBlock);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let count = 0;
      for (let y = by * backgroundBlock; y < Math.min(height, (by + 1) * backgroundBlock); y++) {
        for (let x = bx * backgroundBlock; x < Math.min(width, (bx + 1) * backgroundBlock); x++) block[count++] = pixels[y * width + x]!;
      }
      medians[by * columns + bx] = block.subarray(0, count).sort()[count >> 1]!;
    }
  }
  const paper = new Uint8Array(medians.length);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let level = darkInk ? 0 : 255;
      for (let ny = Math.max(0, by - 1); ny <= Math.min(rows - 1, by + 1); ny++) {
        for (let nx = Math.max(0, bx - 1); nx <= Math.min(columns - 1, bx + 1); nx++) {
          const value = medians[ny * columns + nx]!;
          if (darkInk ? value > level : value < level) level = value;
        }
      }
      paper[by * columns + bx] = level;
    }
  }
  const smooth = await grayPixels(graySharp({ pixels: Buffer.from(paper), width: columns, height: rows }).blur(1.5));
  return { levels: await grayPixels(graySharp({ pixels: smooth, width: columns, height: rows }).resize(width, height, { fit: 'fill', kernel: 'linear' })), darkInk };
}

/** How far each pixel stands out from the paper, as dark ink on white: a shaded background becomes flat white. */
function flattenBackground(image: GrayImage, background: Background): GrayImage {
  const { pixels } = image;
  const { levels, darkInk } = background;
  const flat = Buffer.allocUnsafe(pixels.length);
  for (let i = 0; i < pixels.length; i++) flat[i] = 255 - Math.max(0, darkInk ? levels[i]! - pixels[i]! : pixels[i]! - levels[i]!);
  return { ...image, pixels: flat };
}
/** Spreads of grain (robust standard deviations) a level must lie under the paper to count as ink. */
const grainSpreads = 4;

/** A level under the paper's grain: the median (paper, on a flattened picture) less a few robust spreads (1.4826 × median absolute deviation). */
function belowPaperGrain(pixels: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (const value of pixels) counts[value]!++;
  const median = histogramMedian(counts, pixels.length);
  const deviations = new Uint32Array(256);
  for (let level = 0; level < 256; level++) deviations[Math.abs(level - median)]! += counts[level]!;
  const spread = 1.4826 * histogramMedian(deviations, pixels.length);
  return Math.max(0, Math.floor(median - grainSpreads * Math.max(1, spread)));
}

function histogramMedian(counts: Uint32Array, total: number): number {
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level]!;
    if (seen * 2 >= total) return level;
  }
  return 255;
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

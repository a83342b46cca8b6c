import { grayPixels, graySharp, type GrayImage } from './gray-image.js';
import { grainLevel, grainyLevel } from './grain-level.js';
import { otsuThreshold, type OtsuSplit } from './otsu-threshold.js';

/**
 * A cheap "has text" look, so photos without text skip OCR (~60 ms an image). On a thumbnail
 * binarised at Otsu's level, it looks for what lines of type are made of: several character-sized
 * shapes of similar height side by side on one baseline. Photos give few such shapes (soft
 * blobs, gradients, skin) or only tiny specks (noise). It errs towards OCR: three aligned
 * glyph-like shapes are enough.
 */
export interface TextPresence {
  hasText: boolean;
  /** Median height of the glyph-like shapes of the text lines found, in the image's own pixels. */
  glyphHeight: number | null;
  /** Why, in a few words (recorded as the reason of a skipped image). */
  reason: string;
}

const thumbnailMaxSide = 640;
const minGlyphHeight = 5;
/** Shapes in a row needed for a text line. */
const minLineGlyphs = 3;
/** Ink stands well clear of the threshold; grain specks sit just across it. */
const minInkContrast = 0.3;

interface Shape {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  area: number;
  /** Sum of the shape's gray levels: its mean tells ink from a speck that only just crossed the threshold. */
  sum: number;
}

export async function detectText(image: GrayImage): Promise<TextPresence> {
  const scale = Math.min(1, thumbnailMaxSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const thumbnail = await grayPixels(graySharp(image).resize(width, height, { fit: 'fill' }));
  // Grain (sensor noise, JPEG speckle) binarises into specks that line up by chance along a
  // shading edge; a median filter removes it first, but only when there is grain: it also thins
  // the finest strokes. A light blur then merges what is left into its surroundings.
  const grainy = grainLevel(thumbnail, width) > grainyLevel;
  const pipeline = graySharp({ pixels: thumbnail, width, height });
  const pixels = await grayPixels((grainy ? pipeline.median(3) : pipeline).blur(0.7));
  const split = otsuThreshold(pixels);
  if (split.separation < 0.35) return { hasText: false, glyphHeight: null, reason: `no two-tone contrast (Otsu separation ${split.separation.toFixed(2)})` };
  const shapes = findShapes(pixels, width, height, split.threshold);
  const glyphs = shapes.filter((s) => isGlyphLike(s, width, height) && inkContrast(s, split) >= minInkContrast);
  const line = longestLine(glyphs);
  if (line.length < minLineGlyphs) return { hasText: false, glyphHeight: null, reason: `no line of ${minLineGlyphs} glyph-like shapes (${glyphs.length} glyph-like of ${shapes.length})` };
  const heights = line.map((s) => s.maxY - s.minY + 1).sort((a, b) => a - b);
  const glyphHeight = heights[Math.floor(heights.length / 2)]! / scale;
  return { hasText: true, glyphHeight, reason: `a line of ${line.length} glyph-like shapes` };
}

/** How far a shape's mean level lies from the threshold, as a share of the gap between the two classes' means. */
function inkContrast(shape: Shape, split: OtsuSplit): number {
  return Math.abs(shape.sum / shape.area - split.threshold) / Math.max(1, split.lightMean - split.darkMean);
}

function isGlyphLike(shape: Shape, width: number, height: number): boolean {
  const w = shape.maxX - shape.minX + 1;
  const h = shape.maxY - shape.minY + 1;
  if (h < minGlyphHeight || h > height * 0.9 || w > width * 0.5) return false;
  if (w > h * 2.5) return false;
  // Solid shapes (filled ellipses, blocks) are not strokes; thin glyphs (1, l, I) are exempt.
  const fill = shape.area / (w * h);
  return w < h * 0.35 || fill < 0.85;
}

/** Connected shapes (8-connected) of both classes: dark ink on light, and light ink on dark. */
function findShapes(pixels: Uint8Array, width: number, height: number, threshold: number): Shape[] {
  const total = width * height;
  const seen = new Uint8Array(total);
  const stack = new Int32Array(total);
  const shapes: Shape[] = [];
  for (let start = 0; start < total; start++) {
    if (seen[start]) continue;
    const dark = pixels[start]! <= threshold;
    const shape: Shape = { minX: width, maxX: 0, minY: height, maxY: 0, area: 0, sum: 0 };
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const index = stack[--top]!;
      const x = index % width;
      const y = (index - x) / width;
      shape.area++;
      shape.sum += pixels[index]!;
      if (x < shape.minX) shape.minX = x;
      if (x > shape.maxX) shape.maxX = x;
      if (y < shape.minY) shape.minY = y;
      if (y > shape.maxY) shape.maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (seen[next] || pixels[next]! <= threshold !== dark) continue;
          seen[next] = 1;
          stack[top++] = next;
        }
      }
    }
    shapes.push(shape);
  }
  return shapes;
}

/**
 * The largest group of glyph-like shapes chained left to right: each next to the previous (a gap
 * under 1.5 heights), of similar height (within 1.7×) and centred on nearly the same row.
 */
function longestLine(glyphs: Shape[]): Shape[] {
  const sorted = [...glyphs].sort((a, b) => a.minX - b.minX);
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    const ah = a.maxY - a.minY + 1;
    const acy = (a.minY + a.maxY) / 2;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.minX - a.maxX > ah * 1.5) break;
      const bh = b.maxY - b.minY + 1;
      if (Math.max(ah, bh) / Math.min(ah, bh) > 1.7) continue;
      if (Math.abs((b.minY + b.maxY) / 2 - acy) > Math.max(ah, bh) * 0.35) continue;
      // Nested shapes (the hole of an 'o' inside its ring) are one glyph, not two.
      if (b.minX >= a.minX && b.maxX <= a.maxX && b.minY >= a.minY && b.maxY <= a.maxY) continue;
      parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Shape[]>();
  sorted.forEach((shape, i) => {
    const key = root(i);
    const group = groups.get(key);
    if (group) group.push(shape);
    else groups.set(key, [shape]);
  });
  let best: Shape[] = [];
  for (const group of groups.values()) if (group.length > best.length) best = group;
  return best;
}

import sharp from 'sharp';
import type { SniffedImage } from './image-type.js';

export interface ImageDimensions {
  width: number;
  height: number;
}

export interface HeaderReading {
  /** Null when nothing readable gives a size. */
  dimensions: ImageDimensions | null;
  /**
   * Why sharp (the decoder OCR and hashing use) could not open the header: the image is kept as
   * captured, and the extractor will fail to decode it and record that. Null when sharp read it,
   * and for SVG, which is never given to a decoder.
   */
  decoderError: string | null;
}

/**
 * Width and height from the image's header, never from decoding its pixels, so a pixel bomb costs
 * nothing here: sharp's `metadata()` (libvips reads the header only; its own pixel limit is off
 * because the caller compares against the crawl's cap and needs the numbers to say why), else our
 * own reading of the header for formats sharp does not open (BMP, ICO) or files cut short (sharp
 * refuses a truncated PNG whose header is intact). SVG: its root's width/height attributes, in
 * pixels or unitless.
 */
export async function readImageHeader(bytes: Buffer, sniffed: SniffedImage): Promise<HeaderReading> {
  if (!sniffed.rasterisable) return { dimensions: svgDimensions(bytes), decoderError: null };
  const fromDecoder = await sharpHeader(bytes);
  if ('dimensions' in fromDecoder) return { dimensions: fromDecoder.dimensions, decoderError: null };
  return { dimensions: headerDimensions(bytes, sniffed.mediaType), decoderError: fromDecoder.error };
}

async function sharpHeader(bytes: Buffer): Promise<{ dimensions: ImageDimensions } | { error: string }> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: 'none' }).metadata();
  } catch (error) {
    // Unsupported format (BMP, ICO) or a header libvips cannot parse (a cut file): the caller
    // falls back to reading the header itself and keeps the error as the image's note.
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (!metadata.width || !metadata.height) return { error: 'the decoder found no size in the header' };
  // Multi-page formats report one page's height when pageHeight is given: that is the frame size.
  return { dimensions: { width: metadata.width, height: metadata.pageHeight ?? metadata.height } };
}

function headerDimensions(bytes: Buffer, mediaType: string): ImageDimensions | null {
  const positive = (width: number, height: number): ImageDimensions | null => (width > 0 && height > 0 ? { width, height } : null);
  switch (mediaType) {
    case 'image/png':
      return bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR' ? positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20)) : null;
    case 'image/gif':
      return bytes.length >= 10 ? positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8)) : null;
    case 'image/bmp':
      if (bytes.readUInt32LE(14) === 12) return bytes.length >= 22 ? positive(bytes.readUInt16LE(18), bytes.readUInt16LE(20)) : null;
      // Negative height: rows stored top-down.
      return bytes.length >= 26 ? positive(Math.abs(bytes.readInt32LE(18)), Math.abs(bytes.readInt32LE(22))) : null;
    case 'image/x-icon':
      // The first directory entry; 0 means 256.
      return positive(bytes[6] || 256, bytes[7] || 256);
    case 'image/jpeg':
      return jpegFrameDimensions(bytes);
    default:
      return null;
  }
}

/** The first start-of-frame marker's size, walking the marker segments. */
function jpegFrameDimensions(bytes: Buffer): ImageDimensions | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return null;
}

/** Root `<svg>` width and height in CSS pixels (unitless or `px`); percentages and other units are not sizes we can use. */
function svgDimensions(bytes: Buffer): ImageDimensions | null {
  const text = bytes.toString('utf8', 0, Math.min(bytes.length, 64 * 1024));
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return null;
  const length = (name: string): number => {
    const value = new RegExp(`\\s${name}\\s*=\\s*["']\\s*(\\d+(?:\\.\\d+)?)\\s*(?:px)?\\s*["']`, 'i').exec(root)?.[1];
    return value ? Math.round(Number(value)) : 0;
  };
  const width = length('width');
  const height = length('height');
  return width > 0 && height > 0 ? { width, height } : null;
}

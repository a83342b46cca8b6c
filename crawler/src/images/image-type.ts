/**
 * What an image's bytes say it is, from its signature: the server's Content-Type and the URL's
 * extension are never trusted (an HTML page served as photo.jpg is not an image, a PNG served as
 * text/html is one).
 */
export interface SniffedImage {
  /** image/png, image/jpeg, image/gif, image/webp, image/bmp, image/tiff, image/avif, image/heif, image/x-icon, image/svg+xml */
  mediaType: string;
  /**
   * False for SVG: it is kept as evidence but never rendered by us, so the scripts it may carry
   * never run and its external references are never fetched.
   */
  rasterisable: boolean;
  /** Frames counted in the bytes for GIF, APNG and WebP (more than 1: animated); 1 for other formats. */
  frames: number;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const bmpInfoHeaderSizes = new Set([12, 40, 52, 56, 64, 108, 124]);
const avifBrands = new Set(['avif', 'avis']);
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
/** An SVG's root element may come after a long prolog of comments; past this it is not an image we want. */
const svgSniffWindow = 64 * 1024;

export function sniffImageType(bytes: Buffer): SniffedImage | null {
  const raster = (mediaType: string, frames = 1): SniffedImage => ({ mediaType, rasterisable: true, frames });
  if (startsWith(bytes, pngSignature)) return raster('image/png', apngFrames(bytes));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return raster('image/jpeg');
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) return raster('image/gif', gifFrames(bytes));
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return raster('image/webp', webpFrames(bytes));
  if (bytes.length >= 18 && bytes.toString('latin1', 0, 2) === 'BM' && bmpInfoHeaderSizes.has(bytes.readUInt32LE(14))) return raster('image/bmp');
  if (bytes.length >= 4 && ['II*\0', 'MM\0*'].includes(bytes.toString('latin1', 0, 4))) return raster('image/tiff');
  const isobmff = isobmffImageType(bytes);
  if (isobmff) return raster(isobmff);
  if (isIcon(bytes)) return raster('image/x-icon');
  if (isSvg(bytes)) return { mediaType: 'image/svg+xml', rasterisable: false, frames: 1 };
  return null;
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

/** Image descriptors (0x2C) between the colour tables and the trailer; a cut file counts what arrived. */
function gifFrames(bytes: Buffer): number {
  if (bytes.length < 13) return 0;
  let offset = 13 + colourTableBytes(bytes[10]!);
  let frames = 0;
  while (offset < bytes.length) {
    const introducer = bytes[offset];
    if (introducer === 0x2c) {
      frames += 1;
      const packed = bytes[offset + 9];
      if (packed === undefined) break;
      // descriptor, local colour table, LZW minimum code size, then data sub-blocks
      offset = skipSubBlocks(bytes, offset + 10 + colourTableBytes(packed) + 1);
    } else if (introducer === 0x21) {
      offset = skipSubBlocks(bytes, offset + 2);
    } else {
      break; // 0x3B trailer, or garbage
    }
  }
  return frames;
}

function colourTableBytes(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

function skipSubBlocks(bytes: Buffer, offset: number): number {
  let position = offset;
  while (position < bytes.length) {
    const size = bytes[position]!;
    position += 1 + size;
    if (size === 0) break;
  }
  return position;
}

/** An animated PNG announces its frame count in an acTL chunk before the first IDAT. */
function apngFrames(bytes: Buffer): number {
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'acTL' && offset + 12 <= bytes.length) return Math.max(1, bytes.readUInt32BE(offset + 8));
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return 1;
}

/** ANMF chunks of an animated WebP; a still WebP is one frame. */
function webpFrames(bytes: Buffer): number {
  let offset = 12;
  let frames = 0;
  while (offset + 8 <= bytes.length) {
    if (bytes.toString('latin1', offset, offset + 4) === 'ANMF') frames += 1;
    const size = bytes.readUInt32LE(offset + 4);
    offset += 8 + size + (size % 2);
  }
  return Math.max(1, frames);
}

/** AVIF and HEIF: an ISO-BMFF `ftyp` box whose major or compatible brands name an image format. */
function isobmffImageType(bytes: Buffer): string | null {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(bytes.toString('latin1', offset, offset + 4));
  if (brands.some((brand) => avifBrands.has(brand))) return 'image/avif';
  if (brands.some((brand) => heifBrands.has(brand))) return 'image/heif';
  return null;
}

/** ICO: reserved 0, type 1, 1..255 entries whose directory fits, each entry's reserved byte 0. */
function isIcon(bytes: Buffer): boolean {
  if (bytes.length < 22 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return false;
  const count = bytes.readUInt16LE(4);
  if (count === 0 || bytes.length < 6 + 16 * count) return false;
  for (let entry = 0; entry < count; entry += 1) if (bytes[6 + 16 * entry + 3] !== 0) return false;
  return true;
}

/**
 * Text whose first element is `<svg`, after a byte-order mark, whitespace, an XML declaration,
 * processing instructions, comments and a doctype (with any internal subset).
 */
function isSvg(bytes: Buffer): boolean {
  let text = bytes.toString('utf8', 0, Math.min(bytes.length, svgSniffWindow));
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let index = 0;
  for (;;) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index + 2);
      if (end < 0) return false;
      index = end + 2;
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end < 0) return false;
      index = end + 3;
    } else if (/^<!doctype/i.test(text.slice(index, index + 9))) {
      const end = doctypeEnd(text, index + 9);
      if (end < 0) return false;
      index = end;
    } else {
      return /^<svg[\s>/]/i.test(text.slice(index, index + 5));
    }
  }
}

function doctypeEnd(text: string, from: number): number {
  let depth = 0;
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '[') depth += 1;
    else if (text[index] === ']') depth -= 1;
    else if (text[index] === '>' && depth <= 0) return index + 1;
  }
  return -1;
}

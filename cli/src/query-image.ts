import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { UsageError } from '@indicia/core';

/** What an image search compares: the file's bytes hash and its perceptual hash. */
export interface QueryImage {
  sha256: string;
  perceptualHash: string;
  width: number;
  height: number;
}

/** Larger files are refused before reading: an ad picture is a few hundred kilobytes. */
export const maxQueryImageBytes = 50 * 1024 * 1024;

/**
 * Reads the picture an analyst searches with. A file that is not a raster image (text, HTML, SVG
 * markup, a PDF), too large, or corrupt is a usage error naming the file: nothing is indexed from it.
 */
export async function readQueryImage(path: string, options: { maxPixels: number }): Promise<QueryImage> {
  const bytes = await readCapped(path);
  // SVG and other markup start with "<" (after a BOM or blanks); every raster format starts with a binary signature.
  if (/^\uFEFF?\s*</.test(bytes.subarray(0, 512).toString('utf8'))) throw new UsageError(`${path} is markup (SVG, HTML or XML), not a picture: search with a PNG, JPEG, GIF, WebP, AVIF or TIFF file`);
  const { decodeGray, perceptualHash } = await import('@indicia/extractor');
  let gray;
  try {
    gray = await decodeGray(bytes, { maxPixels: options.maxPixels });
  } catch (error) {
    // sharp says why (unsupported format, corrupt data, over the pixel cap): that is the message.
    if (!(error instanceof Error)) throw error;
    throw new UsageError(`${path} is not a picture Indicia can read (PNG, JPEG, GIF, WebP, AVIF or TIFF): ${error.message}`);
  }
  return { sha256: createHash('sha256').update(bytes).digest('hex'), perceptualHash: await perceptualHash(gray), width: gray.width, height: gray.height };
}

async function readCapped(path: string): Promise<Buffer> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read ${path}: no such file`);
    if (code === 'EACCES') throw new UsageError(`cannot read ${path}: permission denied`);
    throw error;
  }
  try {
    const stat = await file.stat();
    const size = stat.size;
    if (!stat.isFile()) throw new UsageError(`${path} is not a regular file`);
    if (size > maxQueryImageBytes) throw new UsageError(`${path} is ${size} bytes, over the ${maxQueryImageBytes}-byte limit for a search picture`);
    if (size === 0) throw new UsageError(`${path} is empty, not a picture`);
    return await file.readFile();
  } finally {
    await file.close();
  }
}

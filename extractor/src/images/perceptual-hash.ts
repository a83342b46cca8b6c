import { UsageError } from '@indicia/core';
import { grayPixels, graySharp, type GrayImage } from './gray-image.js';

/**
 * Hamming distance at or under which two perceptual hashes are taken for the same picture
 * (resized, recompressed, slightly cropped). perceptual-hash.test.ts measures copies and
 * different images against it.
 */
export const nearDuplicateMaxDistance = 10;

/**
 * 64-bit difference hash (dHash): the image shrunk to 9×8 gray, each bit telling whether a pixel
 * is brighter than its right-hand neighbour, rows top to bottom, most significant bit first.
 * Robust to scaling and recompression, which keep the coarse brightness gradients.
 */
export async function perceptualHash(image: GrayImage): Promise<string> {
  const small = await grayPixels(graySharp(image).resize(9, 8, { fit: 'fill', kernel: 'cubic' }));
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let byte = 0;
    for (let col = 0; col < 8; col++) {
      const left = small[row * 9 + col]!;
      const right = small[row * 9 + col + 1]!;
      byte = (byte << 1) | (left > right ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

const hashPattern = /^[0-9a-f]{16}$/i;

/** Bits that differ between two 16-hex-digit hashes (0 = identical, 64 = opposite). */
export function hammingDistance(a: string, b: string): number {
  for (const hash of [a, b]) if (!hashPattern.test(hash)) throw new UsageError(`a perceptual hash is 16 hex digits (got "${hash}")`);
  let diff = BigInt.asUintN(64, BigInt(`0x${a}`) ^ BigInt(`0x${b}`));
  let bits = 0;
  while (diff > 0n) {
    diff &= diff - 1n;
    bits++;
  }
  return bits;
}

export function isNearDuplicate(a: string, b: string, maxDistance = nearDuplicateMaxDistance): boolean {
  return hammingDistance(a, b) <= maxDistance;
}

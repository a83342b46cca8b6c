/**
 * A 64-bit perceptual hash as two unsigned 32-bit halves: JavaScript numbers hold 32-bit integers
 * exactly and typed arrays of them scan fast, where BigInt arithmetic is some fifty times slower.
 */
export interface HashHalves {
  hi: number;
  lo: number;
}

const hashPattern = /^[0-9a-f]{16}$/;

export function isPerceptualHash(value: string): boolean {
  return hashPattern.test(value);
}

/** `hex` must be 16 lowercase hex digits (the AdImage schema guarantees it for stored images). */
export function hashHalves(hex: string): HashHalves {
  return { hi: Number.parseInt(hex.slice(0, 8), 16), lo: Number.parseInt(hex.slice(8), 16) };
}

/** Set bits in a 32-bit integer (SWAR popcount). */
export function bitCount32(value: number): number {
  let x = value >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function halvesDistance(a: HashHalves, b: HashHalves): number {
  return bitCount32(a.hi ^ b.hi) + bitCount32(a.lo ^ b.lo);
}

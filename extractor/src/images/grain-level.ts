/** Median neighbour difference above which a picture counts as grainy (sensor noise, JPEG speckle, added grain). */
export const grainyLevel = 6;

/** Median absolute difference between horizontal neighbours: ~0 for flat or smooth pictures and clean type, high for grain. */
export function grainLevel(pixels: Uint8Array, width: number): number {
  const counts = new Uint32Array(256);
  let total = 0;
  for (let i = 0; i + 1 < pixels.length; i++) {
    if ((i + 1) % width === 0) continue;
    counts[Math.abs(pixels[i]! - pixels[i + 1]!)]!++;
    total++;
  }
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level]!;
    if (seen * 2 >= total) return level;
  }
  return 0;
}

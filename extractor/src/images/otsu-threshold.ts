/**
 * Otsu's threshold of 8-bit gray pixels: the level that best splits them into two classes (text
 * and background), and how well it splits them (between-class variance over total variance, 0-1:
 * near 0 for a flat or smoothly shaded picture, high for ink on paper).
 */
export interface OtsuSplit {
  /** Pixels at or below this level are the dark class. */
  threshold: number;
  separation: number;
  /** Mean levels of the two classes. */
  darkMean: number;
  lightMean: number;
}

export function otsuThreshold(pixels: Uint8Array): OtsuSplit {
  const histogram = new Float64Array(256);
  for (const value of pixels) histogram[value]!++;
  const total = pixels.length;
  let sumAll = 0;
  let sumSquares = 0;
  for (let level = 0; level < 256; level++) {
    sumAll += level * histogram[level]!;
    sumSquares += level * level * histogram[level]!;
  }
  const mean = sumAll / total;
  const totalVariance = sumSquares / total - mean * mean;
  let best = { threshold: 127, between: 0, darkMean: mean, lightMean: mean };
  let darkCount = 0;
  let darkSum = 0;
  for (let level = 0; level < 255; level++) {
    darkCount += histogram[level]!;
    darkSum += level * histogram[level]!;
    const lightCount = total - darkCount;
    if (darkCount === 0 || lightCount === 0) continue;
    const darkMean = darkSum / darkCount;
    const lightMean = (sumAll - darkSum) / lightCount;
    const between = (darkCount / total) * (lightCount / total) * (darkMean - lightMean) ** 2;
    if (between > best.between) best = { threshold: level, between, darkMean, lightMean };
  }
  return { threshold: best.threshold, separation: totalVariance > 0 ? best.between / totalVariance : 0, darkMean: best.darkMean, lightMean: best.lightMean };
}

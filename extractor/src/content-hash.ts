import { sha256Hex } from '@indicia/core';

/**
 * Tells versions of one ad apart: sha256 of the title and text, lowercased and with whitespace
 * collapsed, so a re-rendered page with identical wording hashes the same. (Unicode normalisation
 * was left out: it cost a tenth of the extraction time and pages rarely change form without wording.)
 */
export function contentHash(title: string, text: string): string {
  // Rewrites only what is not already a single space: replacing every space costs five times more.
  const normalise = (value: string): string => value.toLowerCase().replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return sha256Hex(`${normalise(title)}\n${normalise(text)}`);
}

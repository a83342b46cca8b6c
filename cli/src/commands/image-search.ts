import type { ImageMatch, IndexStore } from '@indicia/indexer';
import { readQueryImage } from '../query-image.js';
import { oneLine } from '../terminal-line.js';

export interface ImageSearchOptions {
  file: string;
  maxDistance?: number;
  limit: number;
  offset: number;
  json: boolean;
}

/** `indicia search --image FILE`: ads whose pictures are the same photo, resized or recompressed. */
export async function runImageSearch(store: IndexStore, options: ImageSearchOptions): Promise<void> {
  const { defaultMaxImagePixels, nearDuplicateMaxDistance } = await import('@indicia/extractor');
  const image = await readQueryImage(options.file, { maxPixels: defaultMaxImagePixels });
  const maxDistance = options.maxDistance ?? nearDuplicateMaxDistance;
  const page = await store.findSimilarImages({ perceptualHash: image.perceptualHash, sha256: image.sha256, maxDistance, limit: options.limit, offset: options.offset });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ image: { file: options.file, ...image }, maxDistance, total: page.total, matches: page.matches }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${page.total} ad${page.total === 1 ? '' : 's'} with a picture within ${maxDistance} bits of ${options.file} (perceptual hash ${image.perceptualHash})\n`);
  page.matches.forEach((match, i) => process.stdout.write(formatMatch(match, options.offset + i + 1)));
  const shown = options.offset + page.matches.length;
  if (page.total > shown) process.stdout.write(`\n… ${page.total - shown} more: add --offset ${shown}\n`);
}

function formatMatch(match: ImageMatch, n: number): string {
  const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const images = match.images.map((image) => `   ${image.exact ? 'same file' : `${image.distance} bit${image.distance === 1 ? '' : 's'} apart`}: ${oneLine(image.url)}`);
  return [
    ``,
    `${n}. ${oneLine(match.title) || '(untitled)'} — ${match.site}`,
    `   id ${match.adId}`,
    `   ${oneLine(match.url)}`,
    `   first seen ${day(match.firstSeen)} · last seen ${day(match.lastSeen)}`,
    ...images,
  ].join('\n') + '\n';
}

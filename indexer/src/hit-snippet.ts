import type { Provenance } from '@indicia/core';
import type { SearchHit } from './index-store.js';
import { indicatorSnippet, leadingSnippet } from './snippet.js';

export interface HitSnippet {
  snippet: string;
  source: SearchHit['snippetSource'];
}

/** What a search hit's snippet can be cut from; the lookups run only when they are needed. */
export interface HitSnippetSources {
  /** The ad's current text. */
  text: string;
  /** The provenance of each indicator the query asked for and the ad holds, in query order. */
  matchedProvenance: ReadonlyArray<readonly Provenance[]>;
  /** The latest OCR text of the ad's image with these bytes; undefined when the ad has no such image. */
  ocrTextOf(imageSha256: string): string | undefined;
  /** The snippet around the text query's match; null without a text query or when the store has none. */
  textMatch(): HitSnippet | null;
}

/**
 * The snippet of a search hit, the same on every store: around the first matched indicator read
 * from the text; else one read from an image (its OCR text); else the text match (in the text, the
 * title or the OCR text); else the start of the text.
 */
export function hitSnippet(sources: HitSnippetSources): HitSnippet {
  for (const provenance of sources.matchedProvenance) {
    const around = indicatorSnippet(sources.text, provenance);
    if (around !== null) return { snippet: around, source: 'text' };
  }
  for (const place of sources.matchedProvenance.flat()) {
    if (place.source !== 'ocr' || place.imageSha256 === undefined) continue;
    const ocrText = sources.ocrTextOf(place.imageSha256);
    const around = ocrText === undefined ? null : indicatorSnippet(ocrText, [place], { source: 'ocr', imageSha256: place.imageSha256 });
    if (around !== null) return { snippet: around, source: 'ocr' };
  }
  return sources.textMatch() ?? { snippet: leadingSnippet(sources.text), source: 'text' };
}

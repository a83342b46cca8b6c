import type { Provenance } from '@indicia/core';

export const matchOpen = '«';
export const matchClose = '»';
const contextChars = 70;
const leadingChars = 160;
const ellipsis = '…';

/** Which text a snippet is cut from: the ad text, or the OCR text of the image with this sha256. */
export type SnippetText = { source: 'text' } | { source: 'ocr'; imageSha256: string };

/**
 * The text around the first place an indicator was read in `text` (the ad text, or an image's OCR
 * text as `from` says), the raw span wrapped in «». Offsets are trusted only when they still point
 * at the raw span (the stored text may be from a later capture than the provenance); otherwise the
 * raw span is looked up. Null when the indicator was not read from that text.
 */
export function indicatorSnippet(text: string, provenance: readonly Provenance[], from: SnippetText = { source: 'text' }): string | null {
  for (const place of provenance) {
    if (place.source !== from.source || place.raw.length === 0) continue;
    if (from.source === 'ocr' && place.imageSha256 !== from.imageSha256) continue;
    const start = text.slice(place.start, place.end) === place.raw ? place.start : text.indexOf(place.raw);
    if (start < 0) continue;
    return windowAround(text, start, start + place.raw.length);
  }
  return null;
}

/** The start of the text, for a hit that matched on something other than its text. */
export function leadingSnippet(text: string): string {
  const collapsed = collapseWhitespace(text);
  if (collapsed.length <= leadingChars) return collapsed;
  return collapseWhitespace(text.slice(0, safeCut(text, cutAtSpace(text, leadingChars, 'back')))) + ellipsis;
}

function windowAround(text: string, start: number, end: number): string {
  const from = start <= contextChars ? 0 : safeCut(text, cutAtSpace(text, start - contextChars, 'forward'));
  const to = end + contextChars >= text.length ? text.length : safeCut(text, cutAtSpace(text, end + contextChars, 'back'));
  const before = collapseWhitespace(text.slice(from, start)).trimStart();
  const after = collapseWhitespace(text.slice(end, to)).trimEnd();
  return `${from > 0 ? ellipsis : ''}${before}${matchOpen}${collapseWhitespace(text.slice(start, end))}${matchClose}${after}${to < text.length ? ellipsis : ''}`;
}

/** Moves a cut to a nearby space so words are not split, looking at most 15 characters away. */
function cutAtSpace(text: string, index: number, direction: 'forward' | 'back'): number {
  for (let step = 0; step <= 15; step++) {
    const at = direction === 'forward' ? index + step : index - step;
    if (at <= 0 || at >= text.length) break;
    if (/\s/.test(text[at]!)) return direction === 'forward' ? at + 1 : at;
  }
  return index;
}

/** Never cut between the two halves of a surrogate pair (an emoji would become a broken char). */
function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

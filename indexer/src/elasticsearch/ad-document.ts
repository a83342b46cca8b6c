import type { AdAge, AdImage, AdLocation, AdPrice, IndicatorType, Provenance } from '@indicia/core';
import type { AdVersion } from '../index-store.js';
import { hashChunks } from './hash-chunks.js';
import { searchWords } from './search-words.js';

/** An indicator the ad has held, as the ad document keeps it (nested, provenance nested in it). */
export interface IndicatorLinkDocument {
  /** indicatorIdOf(type, value, platform or chain): the id the indicators index and searches use. */
  id: string;
  type: IndicatorType;
  value: string;
  platform?: string;
  chain?: string;
  firstSeen: string;
  lastSeen: string;
  /** From the latest capture (by fetchedAt) that held the indicator. */
  provenance: Provenance[];
}

/** An image the ad has shown, keyed by its bytes; its fields are the latest capture's showing it. */
export interface ImageLinkDocument {
  sha256: string;
  url: string;
  mediaType: string;
  width: number;
  height: number;
  perceptualHash: string | null;
  ocr: AdImage['ocr'];
  captureId: string;
  firstSeen: string;
  lastSeen: string;
}

/**
 * One ad in the ads index, `_id` = ad id: everything the port answers about an ad, in one document
 * so that an upsert is one atomic, versioned write. Arrays are kept in the order reads return them
 * (versions and images oldest first, indicators by type, qualifier, value), so the same content
 * always serialises to the same bytes and an unchanged ad is seen to be unchanged.
 */
export interface AdDocument {
  id: string;
  url: string;
  canonicalUrl: string;
  site: string;
  title: string;
  text: string;
  /** The OCR text of the latest capture's images, one image a line. */
  imageText: string;
  contentHash: string;
  postedAt: string | null;
  location: AdLocation | null;
  language: string | null;
  prices: AdPrice[];
  age: AdAge | null;
  needsBrowser: boolean;
  truncated: boolean;
  firstSeen: string;
  lastSeen: string;
  latestCaptureId: string;
  versions: AdVersion[];
  indicators: IndicatorLinkDocument[];
  images: ImageLinkDocument[];
}

/** An indicator in the indicators index: one document per distinct indicator, for exact counts. */
export interface IndicatorDocument {
  id: string;
  type: IndicatorType;
  value: string;
  platform?: string;
  chain?: string;
}

/**
 * Fields derived from the document for searching only. The mapping keeps them out of `_source`
 * (they are rebuilt on every write), so reads and merges never see them.
 */
export const derivedFields = ['words', 'imageHashChunks'];

/**
 * The body sent to Elasticsearch: the document with its derived search fields, the folded words
 * of its texts and the hash chunks of all its images (hash-chunks.ts; an ad is a candidate when any
 * of its images is, and the exact distances are computed per image from _source). The derived
 * fields are spliced into the document's JSON rather than spread into a copy of it: this runs for
 * every ad written and the copy cost more than the serialisation.
 */
export function indexedBody(doc: AdDocument): string {
  const json = JSON.stringify(doc);
  const words = { title: searchWords(doc.title), text: searchWords(doc.text), imageText: searchWords(doc.imageText) };
  const chunks = doc.images.flatMap((image) => (image.perceptualHash === null ? [] : hashChunks(image.perceptualHash)));
  return `${json.slice(0, -1)},"words":${JSON.stringify(words)},"imageHashChunks":${JSON.stringify(chunks)}}`;
}

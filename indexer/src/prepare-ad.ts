import { AdExtractedSchema, DeadLetterError, type AdAge, type AdExtracted, type AdImage, type AdLocation, type AdPrice, type Provenance } from '@indicia/core';
import { indicatorIdOf } from './indicator-identity.js';
import type { IndicatorRef } from './index-store.js';

export interface PreparedIndicator extends IndicatorRef {
  id: string;
  provenance: Provenance[];
}

/** An ad.extracted payload checked and put in the form every adapter stores. */
export interface PreparedAd {
  adId: string;
  captureId: string;
  url: string;
  canonicalUrl: string;
  site: string;
  /** ISO 8601 UTC with milliseconds, so stored times compare correctly as strings. */
  fetchedAt: string;
  title: string;
  text: string;
  contentHash: string;
  postedAt: string | null;
  location: AdLocation | null;
  language: string | null;
  prices: AdPrice[];
  age: AdAge | null;
  /** One entry per indicator id: duplicates within the ad are merged, their provenance concatenated. */
  indicators: PreparedIndicator[];
  /** One entry per sha256 (the first place the page showed those bytes). */
  images: AdImage[];
  /** The OCR text of the images that were read, one image a line: searched with the ad text. */
  imageText: string;
  needsBrowser: boolean;
  truncated: boolean;
}

/**
 * Validates an ad before it is written. An ad that fails can never be stored, whichever the
 * adapter, so the failure is a DeadLetterError naming the ad (never an indicator value).
 */
export function prepareAd(ad: AdExtracted): PreparedAd {
  const parsed = AdExtractedSchema.safeParse(ad);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeadLetterError(`ad ${String((ad as { adId?: unknown }).adId)} cannot be indexed: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const valid = parsed.data;
  const fetchedAt = new Date(valid.fetchedAt);
  if (Number.isNaN(fetchedAt.getTime())) throw new DeadLetterError(`ad ${valid.adId} cannot be indexed: fetchedAt is not a date`);
  const images = distinctImages(valid.images);
  const location = valid.location ? { ...valid.location, ...(valid.location.country ? { country: valid.location.country.toUpperCase() } : {}) } : null;
  return {
    adId: valid.adId,
    captureId: valid.captureId,
    url: valid.url,
    canonicalUrl: valid.canonicalUrl,
    site: valid.site.toLowerCase(),
    fetchedAt: fetchedAt.toISOString(),
    title: valid.title,
    text: valid.text,
    contentHash: valid.contentHash,
    postedAt: valid.postedAt,
    location,
    language: valid.language,
    prices: valid.prices,
    age: valid.age,
    indicators: mergeIndicators(valid.indicators),
    images,
    imageText: images.filter((image) => image.ocr.status === 'read' && image.ocr.text.trim() !== '').map((image) => image.ocr.text).join('\n'),
    needsBrowser: valid.needsBrowser,
    truncated: valid.truncated,
  };
}

function distinctImages(images: readonly AdImage[]): AdImage[] {
  const bySha256 = new Map<string, AdImage>();
  for (const image of images) if (!bySha256.has(image.sha256)) bySha256.set(image.sha256, image);
  return [...bySha256.values()];
}

function mergeIndicators(indicators: AdExtracted['indicators']): PreparedIndicator[] {
  const byId = new Map<string, PreparedIndicator>();
  for (const indicator of indicators) {
    const id = indicatorIdOf(indicator);
    const known = byId.get(id);
    if (known) known.provenance.push(...indicator.provenance);
    else {
      const prepared: PreparedIndicator = { id, type: indicator.type, value: indicator.value, provenance: [...indicator.provenance] };
      if (indicator.platform) prepared.platform = indicator.platform;
      if (indicator.chain) prepared.chain = indicator.chain;
      byId.set(id, prepared);
    }
  }
  return [...byId.values()];
}

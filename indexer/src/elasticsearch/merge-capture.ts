import type { AdImage } from '@indicia/core';
import { compareIndicatorRefs } from '../indicator-identity.js';
import type { AdVersion } from '../index-store.js';
import type { PreparedAd, PreparedIndicator } from '../prepare-ad.js';
import type { AdDocument, ImageLinkDocument, IndicatorDocument, IndicatorLinkDocument } from './ad-document.js';

/**
 * Folds one capture of an ad into its stored document, with the SQLite store's rules
 * (sqlite-ad-writer.ts, sqlite-image-writer.ts). Seen times come from the capture's fetchedAt and
 * only widen; the ad's fields, each indicator's provenance and each image's fields follow the
 * latest capture; a version is a content hash whose capture is the earliest that showed it. The
 * rules do not depend on the order captures arrive in, which is what lets two workers merge the
 * same ad concurrently and retry on a version conflict. `existing` is never modified.
 */
export function mergeCapture(existing: AdDocument | null, ad: PreparedAd): AdDocument {
  if (existing === null) return newAdDocument(ad);
  const later = ad.fetchedAt > existing.lastSeen;
  const latest = latestFieldsOf(later ? ad : existing);
  return {
    id: existing.id,
    ...latest,
    firstSeen: ad.fetchedAt < existing.firstSeen ? ad.fetchedAt : existing.firstSeen,
    lastSeen: later ? ad.fetchedAt : existing.lastSeen,
    latestCaptureId: later ? ad.captureId : existing.latestCaptureId,
    versions: mergeVersions(existing.versions, ad),
    indicators: mergeIndicators(existing.indicators, ad),
    images: mergeImages(existing.images, ad),
  };
}

/** The indicator documents of an ad's capture, for the indicators index. */
export function indicatorDocuments(ad: PreparedAd): IndicatorDocument[] {
  return ad.indicators.map((indicator) => {
    const doc: IndicatorDocument = { id: indicator.id, type: indicator.type, value: indicator.value };
    if (indicator.platform) doc.platform = indicator.platform;
    if (indicator.chain) doc.chain = indicator.chain;
    return doc;
  });
}

type LatestFields = Omit<AdDocument, 'id' | 'firstSeen' | 'lastSeen' | 'latestCaptureId' | 'versions' | 'indicators' | 'images'>;

function newAdDocument(ad: PreparedAd): AdDocument {
  return {
    id: ad.adId,
    ...latestFieldsOf(ad),
    firstSeen: ad.fetchedAt,
    lastSeen: ad.fetchedAt,
    latestCaptureId: ad.captureId,
    versions: [{ contentHash: ad.contentHash, captureId: ad.captureId, firstSeen: ad.fetchedAt, lastSeen: ad.fetchedAt }],
    indicators: ad.indicators.map((indicator) => newIndicatorLink(indicator, ad.fetchedAt)).sort(compareIndicatorRefs),
    images: ad.images.map((image) => imageLink(image, { captureId: ad.captureId, firstSeen: ad.fetchedAt, lastSeen: ad.fetchedAt })).sort(oldestImageFirst),
  };
}

/**
 * The fields that follow the latest capture, picked from a prepared ad or a stored document (both
 * carry them) in one key order, so documents built either way serialise alike.
 */
function latestFieldsOf(source: LatestFields): LatestFields {
  return {
    url: source.url,
    canonicalUrl: source.canonicalUrl,
    site: source.site,
    title: source.title,
    text: source.text,
    imageText: source.imageText,
    contentHash: source.contentHash,
    postedAt: source.postedAt,
    location: source.location,
    language: source.language,
    prices: source.prices,
    age: source.age,
    needsBrowser: source.needsBrowser,
    truncated: source.truncated,
  };
}

function mergeVersions(versions: readonly AdVersion[], ad: PreparedAd): AdVersion[] {
  const known = versions.find((version) => version.contentHash === ad.contentHash);
  if (!known) return [...versions, { contentHash: ad.contentHash, captureId: ad.captureId, firstSeen: ad.fetchedAt, lastSeen: ad.fetchedAt }].sort(oldestVersionFirst);
  if (ad.fetchedAt >= known.firstSeen && ad.fetchedAt <= known.lastSeen) return [...versions];
  const earlier = ad.fetchedAt < known.firstSeen;
  const widened: AdVersion = {
    contentHash: known.contentHash,
    captureId: earlier ? ad.captureId : known.captureId,
    firstSeen: earlier ? ad.fetchedAt : known.firstSeen,
    lastSeen: ad.fetchedAt > known.lastSeen ? ad.fetchedAt : known.lastSeen,
  };
  return versions.map((version) => (version === known ? widened : version)).sort(oldestVersionFirst);
}

function mergeIndicators(links: readonly IndicatorLinkDocument[], ad: PreparedAd): IndicatorLinkDocument[] {
  const byId = new Map(links.map((link) => [link.id, link]));
  let added = false;
  for (const indicator of ad.indicators) {
    const link = byId.get(indicator.id);
    if (!link) {
      byId.set(indicator.id, newIndicatorLink(indicator, ad.fetchedAt));
      added = true;
      continue;
    }
    if (ad.fetchedAt >= link.firstSeen && ad.fetchedAt <= link.lastSeen) continue;
    const later = ad.fetchedAt > link.lastSeen;
    // The stored provenance is the latest capture's: it points into the text the ad shows now.
    byId.set(indicator.id, {
      ...link,
      firstSeen: ad.fetchedAt < link.firstSeen ? ad.fetchedAt : link.firstSeen,
      lastSeen: later ? ad.fetchedAt : link.lastSeen,
      provenance: later ? indicator.provenance : link.provenance,
    });
  }
  const merged = [...byId.values()];
  return added ? merged.sort(compareIndicatorRefs) : merged;
}

function newIndicatorLink(indicator: PreparedIndicator, fetchedAt: string): IndicatorLinkDocument {
  const { id, type, value, platform, chain, provenance } = indicator;
  // Literal objects, the qualifiers right after the value: every link serialises in the same key
  // order, and this runs for every indicator of every new ad, where spreading cost several µs.
  if (platform && chain) return { id, type, value, platform, chain, firstSeen: fetchedAt, lastSeen: fetchedAt, provenance };
  if (platform) return { id, type, value, platform, firstSeen: fetchedAt, lastSeen: fetchedAt, provenance };
  if (chain) return { id, type, value, chain, firstSeen: fetchedAt, lastSeen: fetchedAt, provenance };
  return { id, type, value, firstSeen: fetchedAt, lastSeen: fetchedAt, provenance };
}

function mergeImages(images: readonly ImageLinkDocument[], ad: PreparedAd): ImageLinkDocument[] {
  const bySha256 = new Map(images.map((image) => [image.sha256, image]));
  for (const image of ad.images) {
    const known = bySha256.get(image.sha256);
    const seen = { firstSeen: ad.fetchedAt, lastSeen: ad.fetchedAt };
    if (!known) {
      bySha256.set(image.sha256, imageLink(image, { captureId: ad.captureId, ...seen }));
      continue;
    }
    const later = ad.fetchedAt > known.lastSeen;
    const widens = ad.fetchedAt < known.firstSeen || later;
    // The hash of given bytes never changes: it is written once, when a capture could decode them.
    const hashArrives = known.perceptualHash === null && image.perceptualHash !== null;
    if (!widens && !hashArrives) continue;
    const fields = later ? imageLink(image, { captureId: ad.captureId, ...seen }) : known;
    bySha256.set(image.sha256, {
      ...fields,
      perceptualHash: known.perceptualHash ?? image.perceptualHash,
      firstSeen: ad.fetchedAt < known.firstSeen ? ad.fetchedAt : known.firstSeen,
      lastSeen: later ? ad.fetchedAt : known.lastSeen,
    });
  }
  return [...bySha256.values()].sort(oldestImageFirst);
}

function imageLink(image: AdImage, seen: { captureId: string; firstSeen: string; lastSeen: string }): ImageLinkDocument {
  const ocr: AdImage['ocr'] = { status: image.ocr.status, text: image.ocr.text };
  if (image.ocr.reason !== undefined) ocr.reason = image.ocr.reason;
  return {
    sha256: image.sha256,
    url: image.url,
    mediaType: image.mediaType,
    width: image.width,
    height: image.height,
    perceptualHash: image.perceptualHash,
    ocr,
    captureId: seen.captureId,
    firstSeen: seen.firstSeen,
    lastSeen: seen.lastSeen,
  };
}

/** SQLite reads versions ORDER BY first_seen, content_hash. */
function oldestVersionFirst(a: AdVersion, b: AdVersion): number {
  return compareText(a.firstSeen, b.firstSeen) || compareText(a.contentHash, b.contentHash);
}

/** SQLite reads images ORDER BY first_seen, sha256. */
function oldestImageFirst(a: ImageLinkDocument, b: ImageLinkDocument): number {
  return compareText(a.firstSeen, b.firstSeen) || compareText(a.sha256, b.sha256);
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

import type { AdImage } from '@indicia/core';
import { indicatorRef } from '../indicator-identity.js';
import type { ExportedAd, ExportedIndicator, IndicatorRef, StoredAd, StoredAdImage, StoredAdIndicator } from '../index-store.js';
import type { AdDocument, ImageLinkDocument, IndicatorLinkDocument } from './ad-document.js';

/** An ad document as getAd answers it. The document keeps its arrays in read order already. */
export function storedAdOf(doc: AdDocument): StoredAd {
  return {
    ...exportedAdOf(doc),
    canonicalUrl: doc.canonicalUrl,
    contentHash: doc.contentHash,
    latestCaptureId: doc.latestCaptureId,
    postedAt: doc.postedAt,
    versions: doc.versions.map((version) => ({ contentHash: version.contentHash, captureId: version.captureId, firstSeen: version.firstSeen, lastSeen: version.lastSeen })),
    indicators: doc.indicators.map(storedIndicatorOf),
    images: doc.images.map(storedImageOf),
  };
}

export function exportedAdOf(doc: AdDocument): ExportedAd {
  return {
    id: doc.id,
    url: doc.url,
    site: doc.site,
    title: doc.title,
    text: doc.text,
    firstSeen: doc.firstSeen,
    lastSeen: doc.lastSeen,
    indicators: doc.indicators.map(exportedIndicatorOf),
    location: doc.location,
    language: doc.language,
    age: doc.age,
    prices: doc.prices,
    images: doc.images.map(adImageOf),
    needsBrowser: doc.needsBrowser,
    truncated: doc.truncated,
  };
}

export function refOf(link: IndicatorLinkDocument): IndicatorRef {
  return indicatorRef(link.type, link.value, link);
}

/** The export names an indicator by the first place it was read (an indicator has at least one). */
function exportedIndicatorOf(link: IndicatorLinkDocument): ExportedIndicator {
  const first = link.provenance[0]!;
  return { ...refOf(link), raw: first.raw, source: first.source };
}

function storedIndicatorOf(link: IndicatorLinkDocument): StoredAdIndicator {
  return { ...exportedIndicatorOf(link), firstSeen: link.firstSeen, lastSeen: link.lastSeen, provenance: link.provenance };
}

function adImageOf(image: ImageLinkDocument): AdImage {
  const ocr: AdImage['ocr'] = { status: image.ocr.status, text: image.ocr.text };
  if (image.ocr.reason !== undefined && image.ocr.reason !== null) ocr.reason = image.ocr.reason;
  return { url: image.url, sha256: image.sha256, mediaType: image.mediaType, width: image.width, height: image.height, perceptualHash: image.perceptualHash, ocr };
}

function storedImageOf(image: ImageLinkDocument): StoredAdImage {
  return { ...adImageOf(image), firstSeen: image.firstSeen, lastSeen: image.lastSeen, captureId: image.captureId };
}

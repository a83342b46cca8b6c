import type { CaptureCustodyEntry } from '@indicia/crawler';
import type { StoredAd } from '@indicia/indexer';

/** Names the format, so a reader years later knows what the fields mean. */
export const provenanceFormat = 'indicia-evidence-provenance/1';

export interface ProvenanceInput {
  ad: StoredAd;
  /** The custody entries of the exported captures, in log order. */
  custody: CaptureCustodyEntry[];
  /** Captures of the ad the index knows but the custody log does not (crawled before evidence was recorded). */
  capturesWithoutCustody: string[];
  exportedAt: Date;
  software: string;
}

/**
 * provenance.json of a bundle: the ad as indexed, each exported capture with the custody entry that
 * vouches for it, every indicator with where it was read (`start`/`end` point into `ad.text`, or
 * into an image's OCR text for `source: "ocr"`), and the ad's images with their OCR text.
 */
export function evidenceProvenance(input: ProvenanceInput): unknown {
  const { ad } = input;
  return {
    format: provenanceFormat,
    exportedAt: input.exportedAt.toISOString(),
    software: input.software,
    ad: {
      id: ad.id,
      url: ad.url,
      canonicalUrl: ad.canonicalUrl,
      site: ad.site,
      firstSeen: ad.firstSeen,
      lastSeen: ad.lastSeen,
      postedAt: ad.postedAt,
      contentHash: ad.contentHash,
      latestCaptureId: ad.latestCaptureId,
      title: ad.title,
      text: ad.text,
      language: ad.language,
      location: ad.location,
    },
    versions: ad.versions,
    captures: input.custody.map((entry) => ({
      captureId: entry.captureId,
      url: entry.url,
      custodySeq: entry.seq,
      recordedAt: entry.at,
      bodySha256: entry.bodySha256 ?? null,
      screenshotSha256: entry.screenshotSha256 ?? null,
      imageSha256s: entry.imageSha256s ?? [],
      warcRecords: entry.warc.map((location) => ({ recordId: location.recordId, sha256: location.sha256, originalFile: location.file, originalOffset: location.offset, length: location.length })),
    })),
    capturesWithoutCustody: input.capturesWithoutCustody,
    indicators: ad.indicators.map((indicator) => ({
      type: indicator.type,
      value: indicator.value,
      ...(indicator.platform ? { platform: indicator.platform } : {}),
      ...(indicator.chain ? { chain: indicator.chain } : {}),
      raw: indicator.raw,
      firstSeen: indicator.firstSeen,
      lastSeen: indicator.lastSeen,
      provenance: indicator.provenance,
    })),
    images: adImages(ad, input.custody),
  };
}

/**
 * The ad's images as indexed (url, perceptual hash, OCR status and text, the capture that last showed
 * them), then any other image the exported custody entries name, which the index does not describe.
 */
function adImages(ad: StoredAd, custody: CaptureCustodyEntry[]): unknown[] {
  const indexed = new Set(ad.images.map((image) => image.sha256));
  const unindexed = [...new Set(custody.flatMap((entry) => entry.imageSha256s ?? []))].filter((sha256) => !indexed.has(sha256));
  return [...ad.images, ...unindexed.map((sha256) => ({ sha256, ocr: null }))];
}

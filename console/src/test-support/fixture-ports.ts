import type { ExportedAd, StoredAd } from '@indicia/indexer';
import { UsageError } from '@indicia/core';
import type { AdTableFormat, CaptureSummary, EvidenceReader, InterpretQuery } from '../ports.js';
import { pngBytes, pngSha256 } from './fixture-ads.js';

/**
 * The console's ports for its own tests. The CLI's real ones (the extractor's normalisers, the
 * data directory's evidence) are tested through `indicia serve` in the CLI's tests; these give
 * the same shapes from fixed data.
 */

/** E.164 phones, emails and platform:handles are recognised; anything else is text. */
export const fixtureInterpretQuery: InterpretQuery = (input) => {
  const text = input.text?.trim();
  if (!text) throw new UsageError('nothing to search for');
  const page = { limit: input.limit ?? 20, offset: input.offset ?? 0 };
  if (/^\+\d{8,15}$/.test(text)) return { query: { phone: text, ...page }, readAs: [{ as: 'phone', value: text }], phoneReadings: [text] };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { query: { email: text.toLowerCase(), ...page }, readAs: [{ as: 'email', value: text.toLowerCase() }], phoneReadings: [] };
  const handle = /^(telegram|whatsapp):@?([\w.]+)$/i.exec(text);
  if (handle) return { query: { handle: { platform: handle[1]!.toLowerCase(), value: handle[2]!.toLowerCase() }, ...page }, readAs: [{ as: 'handle', value: `${handle[1]}:${handle[2]}` }], phoneReadings: [] };
  return { query: { text, ...page }, readAs: [{ as: 'text', value: text }], phoneReadings: [] };
};

export const hostileHtml = Buffer.from('<html><body><h1>Captured</h1><script>fetch("http://evil.example/x")</script><img src="http://evil.example/p.gif"></body></html>');
/** Bytes that are HTML, stored under a sha256 like any blob: /images must refuse them. */
export const htmlBlob = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** Each ad's latest capture, with the hostile HTML as its body and the PNG as screenshot and image. */
export function fixtureEvidence(extraBlobs: Map<string, Buffer> = new Map()): EvidenceReader {
  return {
    async capturesOf(ad: StoredAd): Promise<CaptureSummary[]> {
      return [{ captureId: ad.latestCaptureId, url: ad.url, fetchedAt: ad.lastSeen, status: 200, proxy: null, mode: 'http', sha256: 'f'.repeat(64), hasScreenshot: true, hasHtml: true }];
    },
    async screenshot() {
      return pngBytes;
    },
    async capturedHtml() {
      return { bytes: hostileHtml, charset: 'utf-8' };
    },
    async blob(sha256: string) {
      if (sha256 === pngSha256) return pngBytes;
      return extraBlobs.get(sha256) ?? null;
    },
  };
}

/** A two-column CSV layout (the CLI passes the columns of `indicia export`). */
export const fixtureAdTable: AdTableFormat = {
  header: ['id', 'title', 'phones'],
  cells: (ad: ExportedAd) => [ad.id, ad.title, ad.indicators.filter((i) => i.type === 'phone').map((i) => i.value).join('; ')],
};

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { OcrOutcome } from './ocr-pool.js';
import { OcrPool } from './ocr-pool.js';
import { ImageReader } from './image-reader.js';
import { capturedImage } from './test-support/captured-image.js';
import { renderBanner } from './test-support/synthetic-images.js';

/** A real pool that counts what it is asked to read. */
class CountingOcrPool extends OcrPool {
  recognitions = 0;
  override recognize(png: Buffer): Promise<OcrOutcome> {
    this.recognitions++;
    return super.recognize(png);
  }
}

describe('ImageReader', () => {
  const ocr = new CountingOcrPool({ workers: 1 });
  after(() => ocr.close());

  test('reads an image once however many pages show it, each page keeping its own URL for it', async () => {
    const bytes = await renderBanner({ lines: ['Call 702 555 0147'], font: 'DejaVu Sans', fontSize: 40, color: '#111111', background: '#ffffff', format: 'png' });
    const onListing = await capturedImage(bytes, { mediaType: 'image/png', url: 'http://ads.test/thumbs/1.png' });
    const onAd = { ...onListing, url: 'http://ads.test/ads/1/photo.png' };
    const reader = new ImageReader({ ocr });
    const [first, second] = await Promise.all([reader.read([onListing]), reader.read([onAd])]);
    const third = await reader.read([onAd]);
    assert.equal(ocr.recognitions, 1, 'one OCR for three sightings, two of them at once');
    assert.equal(first[0]!.url, onListing.url);
    assert.equal(second[0]!.url, onAd.url);
    assert.equal(first[0]!.ocr.status, 'read');
    assert.match(first[0]!.ocr.text, /555/);
    assert.deepEqual({ ...third[0], url: '' }, { ...first[0], url: '' });
  });
});

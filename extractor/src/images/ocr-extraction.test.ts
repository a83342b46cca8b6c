import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { attachStage, createEnvelope, InMemoryTransport, silentLogger, type CapturedImage, type Envelope, type PageCaptured } from '@indicia/core';
import sharp from 'sharp';
import { extractPage } from '../extract-page.js';
import { createExtractStage } from '../extract-stage.js';
import { capturedPage } from '../fixtures/captured-page.js';
import { languageDataFile } from './ocr-language-data.js';
import { OcrPool } from './ocr-pool.js';
import { readImages } from './read-images.js';
import { capturedImage } from './test-support/captured-image.js';
import { renderBanner, renderPhoto } from './test-support/synthetic-images.js';

const adText =
  'Sofia, 24, new in town. Elegant and discreet companion for dinner dates and evenings out. Outcalls to hotels only, no rush. ' +
  'Available Monday to Saturday, afternoons and evenings. Reviews on request. Call or text me on the number in the picture.';

function adPage(id: number, extraText = ''): PageCaptured {
  const body = `<!doctype html><html lang="en"><head><title>Sofia - new in town</title></head><body><header><a href="/">Home</a></header>
<main><article><h1>Sofia - new in town</h1><p>${adText} ${extraText}</p><img src="/pics/${id}.png"></article></main><footer>© pics.test</footer></body></html>`;
  return capturedPage(`http://pics.test/ads/${id}`, body);
}

/** The contact-only-in-an-image banners: fictional numbers, two fonts and colour schemes, tilt, noise, PNG and JPEG. */
async function contactBanners(): Promise<{ png: CapturedImage; jpeg: CapturedImage }> {
  const png = await renderBanner({ lines: ['Call me +1 702 555 0147'], font: 'DejaVu Sans', fontSize: 18, color: '#111111', background: '#ffffff', rotate: -2, format: 'png' });
  const jpeg = await renderBanner({ lines: ['Sofia, nueva en la ciudad', 'WhatsApp 07700 900123'], font: 'Liberation Serif', fontSize: 26, bold: true, color: '#ffee00', background: '#222244', rotate: 2, noise: 30, format: 'jpeg', seed: 3 });
  return { png: await capturedImage(png, { mediaType: 'image/png' }), jpeg: await capturedImage(jpeg, { mediaType: 'image/jpeg' }) };
}

describe('OCR of ad images', () => {
  let ocr: OcrPool;
  let banners: { png: CapturedImage; jpeg: CapturedImage };
  before(async () => {
    ocr = new OcrPool({ workers: 1 });
    banners = await contactBanners();
  });
  after(() => ocr.close());

  it('turns phones in PNG and JPEG images into indicators with provenance ocr and the image sha256; the page is an ad only thanks to them', async () => {
    const readings = await readImages([banners.png, banners.jpeg], { ocr });
    assert.deepEqual(readings.map((r) => r.ocr.status), ['read', 'read']);
    const page = adPage(1);
    const withoutImages = extractPage(page, { defaultCountry: 'GB' });
    assert.equal(withoutImages.kind, 'other', 'no contact in the text: not an ad by itself');
    const { kind, ad } = extractPage(page, { defaultCountry: 'GB', imageReadings: readings });
    assert.equal(kind, 'ad');
    assert.ok(ad!.detection.reasons.some((reason) => /read from images/.test(reason)));
    assert.deepEqual(ad!.images, readings);
    for (const [value, image] of [['+17025550147', banners.png], ['+447700900123', banners.jpeg]] as const) {
      const phone = ad!.indicators.find((i) => i.type === 'phone' && i.value === value);
      assert.ok(phone, `${value} among ${ad!.indicators.map((i) => i.value).join(', ')}`);
      const [provenance] = phone.provenance;
      assert.equal(provenance!.source, 'ocr');
      assert.equal(provenance!.imageSha256, image.sha256);
      const text = readings.find((r) => r.sha256 === image.sha256)!.ocr.text;
      assert.equal(text.slice(provenance!.start, provenance!.end), provenance!.raw);
    }
  });

  it('merges a phone seen in the text and in an image into one indicator with both provenances', async () => {
    const readings = await readImages([banners.png], { ocr });
    const { ad } = extractPage(adPage(2, 'Phone +1 (702) 555-0147.'), { imageReadings: readings });
    const phones = ad!.indicators.filter((i) => i.type === 'phone');
    assert.equal(phones.length, 1);
    assert.deepEqual(phones[0]!.provenance.map((p) => p.source), ['text', 'ocr']);
  });

  it('skips text-free photos, records corrupt images and SVG with a reason, reads the first frame of an animated GIF, and still extracts the page', async () => {
    const photo = await capturedImage(await renderPhoto('skin', { seed: 7 }), { mediaType: 'image/jpeg' });
    const pngBytes = Buffer.from(banners.png.data, 'base64');
    const corrupt = await capturedImage(pngBytes.subarray(0, 200), { mediaType: 'image/png' });
    const svg = await capturedImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text y="20">+1 702 555 0199</text></svg>'), { mediaType: 'image/svg+xml' });
    const { width, height } = await sharp(pngBytes).metadata();
    const blank = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const gif = await capturedImage(await sharp([pngBytes, blank], { join: { animated: true } }).gif().toBuffer(), { mediaType: 'image/gif' });
    const readings = await readImages([photo, corrupt, svg, gif], { ocr });
    assert.deepEqual(readings.map((r) => r.ocr.status), ['no-text', 'failed', 'unsupported', 'read']);
    assert.match(readings[0]!.perceptualHash!, /^[0-9a-f]{16}$/);
    assert.match(readings[1]!.ocr.reason!, /could not decode/);
    assert.equal(readings[1]!.perceptualHash, null);
    assert.match(readings[2]!.ocr.reason!, /not a raster image/);
    assert.match(readings[3]!.ocr.text.replace(/\D/g, ''), /17025550147/);
    const { ad } = extractPage(adPage(3, 'Text me on +1 702 555 0123.'), { imageReadings: readings });
    assert.deepEqual(ad!.images.map((i) => i.ocr.status), ['no-text', 'failed', 'unsupported', 'read']);
    assert.ok(ad!.indicators.some((i) => i.value === '+17025550123' && i.provenance[0]!.source === 'text'));
    assert.ok(!ad!.indicators.some((i) => i.value === '+17025550199'), 'nothing is read out of an SVG');
  });

  it('loads its language data from the npm packages, copied byte for byte into a local folder', async () => {
    const folder = ocr.languageDataFolder!;
    assert.ok(folder.startsWith('/') && !/^[a-z]+:/i.test(folder), folder);
    for (const language of ['eng', 'spa'] as const) {
      const source = languageDataFile(language);
      assert.match(source, new RegExp(`node_modules/@tesseract\\.js-data/${language}/`));
      assert.deepEqual(await readFile(join(folder, `${language}.traineddata.gz`)), await readFile(source));
    }
  });
});

describe('OcrPool failures', () => {
  it('gives up an image that takes too long, with a reason, and replaces the worker', async () => {
    const pool = new OcrPool({ workers: 1, languages: ['eng'], imageTimeoutMs: 1 });
    try {
      const banner = await renderBanner({ lines: ['Call 0491 570 156'], font: 'DejaVu Sans', fontSize: 30, color: '#000000', background: '#ffffff', format: 'png' });
      const first = await pool.recognize(banner);
      assert.deepEqual(first, { ok: false, reason: 'OCR took longer than 1 ms' });
      // The replacement worker takes the next image (and times out too, at 1 ms): the pool did not stall.
      assert.deepEqual(await pool.recognize(banner), first);
    } finally {
      await pool.close();
    }
    await assert.rejects(pool.recognize(Buffer.alloc(0)), /closed/);
  });
});

describe('the extract stage with images', () => {
  it('reads images before extraction, on worker threads too', async () => {
    const { png } = await contactBanners();
    const page = { ...adPage(4), images: [png] };
    const transport = new InMemoryTransport({ retryBaseMs: 1 });
    const ads: Envelope<'ad.extracted'>[] = [];
    transport.subscribe('ad.extracted', async (m) => void ads.push(m), { group: 'test-ads' });
    const stage = createExtractStage({ workers: 1, ocr: { workers: 1, languages: ['eng'] } });
    attachStage(stage, transport, { runId: 'run-test', log: silentLogger(), concurrency: 2 });
    await transport.publish(createEnvelope('page.captured', page, { runId: 'run-test', producer: 'test' }));
    await transport.drain();
    await transport.close();
    await stage.close?.();
    assert.equal(ads.length, 1);
    const phone = ads[0]!.payload.indicators.find((i) => i.value === '+17025550147');
    assert.equal(phone?.provenance[0]?.imageSha256, png.sha256);
    assert.equal(ads[0]!.payload.images[0]!.ocr.status, 'read');
  });
});

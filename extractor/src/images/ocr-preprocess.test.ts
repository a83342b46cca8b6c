import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { decodeGray } from './gray-image.js';
import { preprocessForOcr, type OcrPreprocessSteps } from './ocr-preprocess.js';
import { detectText } from './text-presence.js';

/** A banner like the testbed's: a diagonal gradient, one tilted line of type, optional grain. */
async function gradientBanner(options: { from: string; to: string; ink: string; grain?: number }): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="364">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${options.from}"/><stop offset="1" stop-color="${options.to}"/></linearGradient></defs>
<rect width="800" height="364" fill="url(#g)"/>
<text x="170" y="200" font-family="Liberation Mono" font-size="48" fill="${options.ink}" transform="rotate(3 400 182)">+1-212-555-0175</text></svg>`;
  let image = sharp(Buffer.from(svg));
  if (options.grain) {
    const width = 800;
    const height = 364;
    const noise = Buffer.alloc(width * height * 4);
    let state = 7;
    for (let i = 0; i < width * height; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      noise.fill(state >>> 24, i * 4, i * 4 + 3);
      noise[i * 4 + 3] = Math.round(options.grain * 255);
    }
    image = sharp(await image.png().toBuffer()).composite([{ input: noise, raw: { width, height, channels: 4 } }]);
  }
  return image.jpeg({ quality: 60 }).toBuffer();
}

/** Share of black pixels in the binarised PNG: the type is a few percent; a blacked-out half of the paper is far more. */
async function inkShare(bytes: Buffer, steps?: Partial<OcrPreprocessSteps>): Promise<number> {
  const gray = await decodeGray(bytes, { maxPixels: 40e6 });
  const presence = await detectText(gray);
  assert.ok(presence.hasText, presence.reason);
  const out = await decodeGray(await preprocessForOcr(gray, { glyphHeight: presence.glyphHeight, ...(steps ? { steps } : {}) }), { maxPixels: 40e6 });
  let black = 0;
  for (const value of out.pixels) if (value < 128) black++;
  return black / out.pixels.length;
}

describe('OCR preprocessing', () => {
  it('keeps a faint gradient background white instead of splitting it at Otsu\'s level', async () => {
    const banner = await gradientBanner({ from: '#ffffff', to: '#e5e7eb', ink: '#111111' });
    const share = await inkShare(banner);
    assert.ok(share > 0.01 && share < 0.1, `ink share ${share.toFixed(3)}`);
    assert.ok((await inkShare(banner, { flatten: false })) > 0.2, 'without flattening, the global threshold blacks out part of the paper');
  });

  it('keeps grain on a dark background out of the ink of light type', async () => {
    const banner = await gradientBanner({ from: '#3b0764', to: '#581c87', ink: '#fef08a', grain: 0.25 });
    const share = await inkShare(banner);
    assert.ok(share > 0.01 && share < 0.1, `ink share ${share.toFixed(3)}`);
    assert.ok((await inkShare(banner, { flatten: false })) > 0.2, 'without flattening, Otsu splits the grain');
  });
});

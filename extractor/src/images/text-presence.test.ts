import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeGray } from './gray-image.js';
import { detectText } from './text-presence.js';
import { bannerFonts, photoKinds, renderBanner, renderPhoto, type BannerSpec } from './test-support/synthetic-images.js';

const colours = [
  ['#111111', '#ffffff'],
  ['#ffffff', '#c0392b'],
  ['#ffee00', '#222244'],
  ['#999999', '#ffffff'],
  ['#0044aa', '#f5e6c8'],
  ['#ff66cc', '#000000'],
] as const;

const detect = async (bytes: Buffer) => detectText(await decodeGray(bytes, { maxPixels: 1e8 }));

describe('detectText', () => {
  it('finds text in banners of many fonts, colours, sizes, tilts and noise levels', async () => {
    let n = 0;
    for (const font of bannerFonts) {
      for (const [color, background] of colours) {
        n++;
        const spec: BannerSpec = {
          lines: n % 2 ? ['Call me +1 702 555 0147'] : ['Sofia, new in town', 'WhatsApp 07700 900123'],
          font,
          fontSize: 10 + ((n * 7) % 44),
          bold: n % 3 === 0,
          color,
          background,
          rotate: (n % 7) - 3,
          noise: n % 4 === 0 ? 35 : 0,
          format: n % 2 ? 'png' : 'jpeg',
          seed: n,
        };
        const presence = await detect(await renderBanner(spec));
        assert.ok(presence.hasText, `${JSON.stringify(spec)}: ${presence.reason}`);
        assert.ok(presence.glyphHeight! > 4 && presence.glyphHeight! < spec.fontSize * 1.5, `glyph height ${presence.glyphHeight} for font size ${spec.fontSize}`);
      }
    }
  });

  it('lets text-free pictures skip OCR: gradients, soft blobs, grain, skin-toned shapes', async () => {
    for (const kind of photoKinds) {
      for (const seed of [1, 2, 3]) {
        const presence = await detect(await renderPhoto(kind, { seed: seed * 13, width: 320, height: 240, format: seed % 2 ? 'jpeg' : 'png' }));
        assert.equal(presence.hasText, false, `${kind} ${seed}: ${presence.reason}`);
        assert.equal(presence.glyphHeight, null);
      }
    }
  });
});

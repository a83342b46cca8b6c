import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { readImageHeader } from './image-dimensions.js';
import { animatedGif, pixelBombPng, solidJpeg, solidPng, svgWithScript } from './image-test-images.js';
import { sniffImageType } from './image-type.js';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#246' } });

describe('sniffImageType', () => {
  test('names every raster format from its bytes', async () => {
    const cases: [string, Buffer][] = [
      ['image/png', await solidPng(4, 4)],
      ['image/jpeg', await solidJpeg(4, 4)],
      ['image/gif', await solid(4, 4).gif().toBuffer()],
      ['image/webp', await solid(4, 4).webp().toBuffer()],
      ['image/tiff', await solid(4, 4).tiff().toBuffer()],
      ['image/avif', await solid(4, 4).avif().toBuffer()],
      ['image/bmp', bmp(3, 2)],
      ['image/x-icon', icon(48, 0)],
    ];
    for (const [mediaType, bytes] of cases) {
      assert.deepEqual(sniffImageType(bytes), { mediaType, rasterisable: true, frames: 1 }, mediaType);
    }
  });

  test('counts GIF frames, agreeing with the decoder', async () => {
    const gif = animatedGif(3);
    assert.equal(sniffImageType(gif)?.frames, 3);
    assert.equal((await sharp(gif).metadata()).pages, 3);
    assert.equal(sniffImageType(gif.subarray(0, gif.length - 20))?.frames, 2, 'a cut file counts the frames that arrived');
  });

  test('finds SVG after a BOM, XML declaration, comments and a doctype with an internal subset; never rasterisable', () => {
    assert.deepEqual(sniffImageType(Buffer.from(svgWithScript)), { mediaType: 'image/svg+xml', rasterisable: false, frames: 1 });
    assert.equal(sniffImageType(Buffer.from('  \n<svg>'))?.mediaType, 'image/svg+xml');
  });

  test('refuses what is not an image, whatever it is called', () => {
    const notImages = [
      '<!doctype html><html><body><svg width="10"></svg></body></html>',
      '<html><img src="photo.jpg"></html>',
      '<svgfoo/>',
      '<!-- unterminated comment <svg>',
      'BM but only text here, not a bitmap header',
      '{"image": "photo.png"}',
      '',
    ];
    for (const text of notImages) assert.equal(sniffImageType(Buffer.from(text)), null, JSON.stringify(text));
    assert.equal(sniffImageType(Buffer.from([0x89, 0x50, 0x4e])), null, 'a PNG signature cut short');
  });
});

describe('readImageHeader', () => {
  test('reads sizes from headers without decoding a pixel bomb', async () => {
    const reading = await readImageHeader(pixelBombPng(100_000, 100_000), sniffImageType(pixelBombPng(1, 1))!);
    assert.deepEqual(reading.dimensions, { width: 100_000, height: 100_000 });
  });

  test('falls back to our own header reading when sharp cannot open the file', async () => {
    const png = await solidPng(120, 45);
    const cut = png.subarray(0, 40);
    const reading = await readImageHeader(cut, sniffImageType(cut)!);
    assert.deepEqual(reading.dimensions, { width: 120, height: 45 });
    assert.match(reading.decoderError ?? '', /end of stream|corrupt|truncated/i);
    const jpeg = await solidJpeg(64, 33);
    const cutJpeg = jpeg.subarray(0, jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 12); // the frame header, no scan
    assert.deepEqual((await readImageHeader(cutJpeg, sniffImageType(cutJpeg)!)).dimensions, { width: 64, height: 33 });
    assert.deepEqual((await readImageHeader(bmp(7, -5), sniffImageType(bmp(7, -5))!)).dimensions, { width: 7, height: 5 });
    assert.deepEqual((await readImageHeader(icon(0, 32), sniffImageType(icon(0, 32))!)).dimensions, { width: 256, height: 32 });
  });

  test('takes an SVG size from its attributes, without a decoder', async () => {
    const reading = await readImageHeader(Buffer.from(svgWithScript), sniffImageType(Buffer.from(svgWithScript))!);
    assert.deepEqual(reading, { dimensions: { width: 320, height: 80 }, decoderError: null });
    const relative = Buffer.from('<svg width="100%" height="50%"></svg>');
    assert.equal((await readImageHeader(relative, sniffImageType(relative)!)).dimensions, null);
  });
});

/** A BITMAPINFOHEADER bitmap (pixels not needed: only the header is read). */
function bmp(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(54);
  bytes.write('BM', 0, 'latin1');
  bytes.writeUInt32LE(54, 2);
  bytes.writeUInt32LE(54, 10);
  bytes.writeUInt32LE(40, 14);
  bytes.writeInt32LE(width, 18);
  bytes.writeInt32LE(height, 22);
  bytes.writeUInt16LE(1, 26);
  bytes.writeUInt16LE(24, 28);
  return bytes;
}

/** A one-entry ICO directory (0 stands for 256). */
function icon(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(22 + 40);
  bytes.writeUInt16LE(1, 2);
  bytes.writeUInt16LE(1, 4);
  bytes[6] = width;
  bytes[7] = height;
  bytes.writeUInt32LE(40, 14);
  bytes.writeUInt32LE(22, 18);
  return bytes;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '@indicia/core';
import sharp from 'sharp';
import { decodeGray } from './gray-image.js';
import { hammingDistance, nearDuplicateMaxDistance, perceptualHash } from './perceptual-hash.js';
import { renderBanner, renderPhoto } from './test-support/synthetic-images.js';

const hashOf = async (bytes: Buffer): Promise<string> => perceptualHash(await decodeGray(bytes, { maxPixels: 1e8 }));

/** What reposting does to a picture: rescaled, recompressed, a few percent cropped off. */
async function copiesOf(bytes: Buffer): Promise<Record<string, Buffer>> {
  const { width, height } = await sharp(bytes).metadata();
  return {
    half: await sharp(bytes).resize(Math.round(width / 2)).png().toBuffer(),
    double: await sharp(bytes).resize(width * 2).jpeg({ quality: 85 }).toBuffer(),
    'jpeg q40': await sharp(bytes).jpeg({ quality: 40 }).toBuffer(),
    'cropped 3% each side': await sharp(bytes).extract({ left: Math.round(width * 0.03), top: Math.round(height * 0.03), width: Math.round(width * 0.94), height: Math.round(height * 0.94) }).png().toBuffer(),
  };
}

describe('perceptualHash', () => {
  it('gives 16 hex digits, the same for the same picture', async () => {
    const photo = await renderPhoto('blobs', { seed: 4 });
    const hash = await hashOf(photo);
    assert.match(hash, /^[0-9a-f]{16}$/);
    assert.equal(await hashOf(photo), hash);
  });

  it(`keeps resized, recompressed and slightly cropped copies of a photo within ${nearDuplicateMaxDistance} bits, and different photos beyond`, async () => {
    const photos = [];
    const size = { width: 320, height: 240 };
    for (const seed of [3, 11, 19, 27]) photos.push(await renderPhoto('blobs', { seed, ...size }));
    photos.push(await renderPhoto('noise', { seed: 51, ...size }), await renderPhoto('skin', { seed: 59, format: 'jpeg', ...size }));
    const hashes = await Promise.all(photos.map(hashOf));
    for (const [i, photo] of photos.entries()) {
      for (const [change, copy] of Object.entries(await copiesOf(photo))) {
        const distance = hammingDistance(hashes[i]!, await hashOf(copy));
        assert.ok(distance <= nearDuplicateMaxDistance, `photo ${i}, ${change}: ${distance} bits`);
      }
    }
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        const distance = hammingDistance(hashes[i]!, hashes[j]!);
        assert.ok(distance > nearDuplicateMaxDistance, `photos ${i} and ${j}: ${distance} bits`);
      }
    }
  });

  it('keeps a rescaled or recompressed text banner within the threshold', async () => {
    // Banners are flat colour: crops shift their few edges across the 9×8 grid (up to ~14 bits), and
    // different banners on one background can be as close. Their OCR text links them instead.
    const banner = await renderBanner({ lines: ['Call me', '+1 702 555 0147'], font: 'DejaVu Sans', fontSize: 30, color: '#111111', background: '#ffeedd', format: 'png' });
    const copies = await copiesOf(banner);
    for (const change of ['half', 'double', 'jpeg q40']) {
      const distance = hammingDistance(await hashOf(banner), await hashOf(copies[change]!));
      assert.ok(distance <= nearDuplicateMaxDistance, `${change}: ${distance} bits`);
    }
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    assert.equal(hammingDistance('0000000000000000', '0000000000000000'), 0);
    assert.equal(hammingDistance('0000000000000000', 'ffffffffffffffff'), 64);
    assert.equal(hammingDistance('8000000000000001', '0000000000000000'), 2);
    assert.equal(hammingDistance('00000000000000F0', '00000000000000f1'), 1);
  });

  it('refuses something that is not a 64-bit hash', () => {
    assert.throws(() => hammingDistance('abc', '0000000000000000'), UsageError);
    assert.throws(() => hammingDistance('000000000000000g', '0000000000000000'), UsageError);
  });
});

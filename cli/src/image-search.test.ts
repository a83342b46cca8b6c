import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { adIdFor, type AdExtracted, type AdImage } from '@indicia/core';
import { decodeGray, nearDuplicateMaxDistance, perceptualHash } from '@indicia/extractor';
import { SqliteIndexStore, defaultImageMaxDistance } from '@indicia/indexer';
import { dataDirLayout } from './data-dir.js';
import { runIndicia, tempDir } from './test-support/run-cli.js';

/** A photo-like picture: a gradient with soft blobs, different for each seed. */
function photo(seed: number): Promise<Buffer> {
  const at = (n: number) => ((seed * 7919 + n * 104729) % 997) / 997;
  const colour = (n: number) => `rgb(${Math.round(at(n) * 255)},${Math.round(at(n + 1) * 255)},${Math.round(at(n + 2) * 255)})`;
  const blobs = [0, 1, 2, 3, 4].map((i) => `<ellipse cx="${at(10 + i) * 320}" cy="${at(20 + i) * 240}" rx="${30 + at(30 + i) * 90}" ry="${30 + at(40 + i) * 90}" fill="${colour(50 + i * 3)}" filter="url(#s)"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><defs><linearGradient id="g" x2="${at(5).toFixed(2)}" y2="1"><stop offset="0" stop-color="${colour(1)}"/><stop offset="1" stop-color="${colour(4)}"/></linearGradient><filter id="s"><feGaussianBlur stdDeviation="8"/></filter></defs><rect width="100%" height="100%" fill="url(#g)"/>${blobs}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function adImage(bytes: Buffer, url: string): Promise<AdImage> {
  const gray = await decodeGray(bytes, { maxPixels: 1e7 });
  return {
    url, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'image/png', width: gray.width, height: gray.height,
    perceptualHash: await perceptualHash(gray), ocr: { status: 'no-text', text: '', reason: 'synthetic photo' },
  };
}

function adWith(slug: string, site: string, images: AdImage[], fetchedAt: string): AdExtracted {
  const url = `http://${site}/ads/${slug}`;
  return {
    adId: adIdFor(url), captureId: `capture-${slug}`, url, canonicalUrl: url, site, fetchedAt, title: `Ad ${slug}`, text: `Friendly companion ${slug}.`,
    contentHash: createHash('sha256').update(slug).digest('hex'), postedAt: null, location: null, language: 'en', languageBasis: 'declared', prices: [], age: null,
    defaultCountry: null, indicators: [], detection: { method: 'generic', score: 1, reasons: ['synthetic'] }, truncated: false, images, needsBrowser: false,
  };
}

describe('indicia search --image', () => {
  const dir = tempDir('image-search');
  const files = { original: join(dir.path, 'original.png'), copy: join(dir.path, 'copy.jpg'), text: join(dir.path, 'notes.txt'), svg: join(dir.path, 'logo.svg') };
  const ads: AdExtracted[] = [];
  after(() => dir.remove());

  before(async () => {
    const original = await photo(3);
    writeFileSync(files.original, original);
    // What reposting does: resized and recompressed as JPEG.
    writeFileSync(files.copy, await sharp(original).resize(200).jpeg({ quality: 60 }).toBuffer());
    writeFileSync(files.text, 'Call me on (702) 555-0123, this is not a picture.\n');
    writeFileSync(files.svg, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    ads.push(
      adWith('first', 'velvet-nights.test', [await adImage(original, 'http://velvet-nights.test/img/a.png')], '2024-05-01T10:00:00.000Z'),
      adWith('repost', 'jobs-abroad.test', [await adImage(original, 'http://jobs-abroad.test/p/a.png')], '2024-05-03T10:00:00.000Z'),
      adWith('other', 'velvet-nights.test', [await adImage(await photo(41), 'http://velvet-nights.test/img/b.png')], '2024-05-04T10:00:00.000Z'),
    );
    const store = SqliteIndexStore.open(dataDirLayout(dir.path).index);
    await store.upsertAds(ads);
    await store.close();
  });

  it('finds the ads showing a resized, recompressed copy of the picture, with the matching image and distance', async () => {
    const result = await runIndicia(['search', '--image', files.copy, '--json', '--data', dir.path]);
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { maxDistance: number; total: number; matches: Array<{ adId: string; site: string; distance: number; exact: boolean; images: Array<{ url: string; distance: number }> }> };
    assert.equal(output.maxDistance, nearDuplicateMaxDistance);
    assert.deepEqual(output.matches.map((m) => m.adId), [ads[1]!.adId, ads[0]!.adId], 'the unrelated photo is not listed; newest first');
    const [repost] = output.matches;
    assert.ok(repost!.distance > 0 && repost!.distance <= nearDuplicateMaxDistance && !repost!.exact, `distance ${repost!.distance}`);
    assert.deepEqual(repost!.images.map((image) => image.url), ['http://jobs-abroad.test/p/a.png']);
  });

  it('lists the same file first and prints ids, urls, sites, seen dates and the matching picture', async () => {
    const result = await runIndicia(['search', '--image', files.original, '--data', dir.path]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^2 ads with a picture within 10 bits of .*original\.png \(perceptual hash [0-9a-f]{16}\)/);
    assert.ok(result.stdout.includes(`id ${ads[1]!.adId}`) && result.stdout.includes(`id ${ads[0]!.adId}`));
    assert.match(result.stdout, /1\. Ad repost — jobs-abroad\.test\n.*\n {3}http:\/\/jobs-abroad\.test\/ads\/repost\n {3}first seen 2024-05-03 10:00 · last seen 2024-05-03 10:00\n {3}same file: http:\/\/jobs-abroad\.test\/p\/a\.png/);
    const strict = await runIndicia(['search', '--image', files.copy, '--max-distance', '0', '--json', '--data', dir.path]);
    assert.equal(strict.code, 0, strict.stderr);
    assert.equal((JSON.parse(strict.stdout) as { total: number }).total, 0, 'a copy a few bits away is beyond --max-distance 0');
  });

  it('refuses a file that is not a picture, and markup, with a usage error (exit 2)', async () => {
    for (const [file, reason] of [[files.text, /is not a picture Indicia can read/], [files.svg, /is markup \(SVG, HTML or XML\), not a picture/], [join(dir.path, 'missing.png'), /no such file/]] as const) {
      const result = await runIndicia(['search', '--image', file, '--data', dir.path]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, reason);
      assert.equal(result.stdout, '');
    }
    const mixed = await runIndicia(['search', 'anna', '--image', files.copy, '--data', dir.path]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--image searches by picture alone/);
    const tooFar = await runIndicia(['search', '--image', files.copy, '--max-distance', '65', '--data', dir.path]);
    assert.equal(tooFar.code, 2);
    assert.match(tooFar.stderr, /from 0 to 64/);
  });

  it('teaches what a perceptual hash finds and misses in --help', async () => {
    const result = await runIndicia(['search', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--image <file>/);
    assert.match(result.stdout, /perceptual hash/);
    assert.match(result.stdout, /does not find a crop/);
  });

  it('uses the extractor\'s near-duplicate threshold as the index default', () => {
    assert.equal(defaultImageMaxDistance, nearDuplicateMaxDistance);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '@indicia/core';
import { defaultImageMaxDistance, type ExportedAd, type IndexStore } from '../index-store.js';
import { withStore } from './index-store-contract.js';
import { fictionalPhone, hashWithBitsFlipped, syntheticAd, syntheticImage } from './synthetic-ads.js';

async function collect(iterable: AsyncIterable<ExportedAd>): Promise<ExportedAd[]> {
  const out: ExportedAd[] = [];
  for await (const ad of iterable) out.push(ad);
  return out;
}

/** A photo's dHash; its copies below differ from it in a few low bits, an unrelated photo in 32. */
const photoHash = 'c3a5e1f00f1e5a3c';
const photo = syntheticImage({ name: 'photo', perceptualHash: photoHash });
/** The same photo resized and recompressed elsewhere: other bytes, a hash 3 bits away. */
const recompressed = syntheticImage({ name: 'photo-recompressed', site: 'jobs-abroad.test', perceptualHash: hashWithBitsFlipped(photoHash, 3) });
const unrelated = syntheticImage({ name: 'unrelated', perceptualHash: hashWithBitsFlipped(photoHash, 32) });
const banner = syntheticImage({ name: 'banner', perceptualHash: '0f0f0f0f00000000', ocrText: 'Anna, new in town\nText (702) 555-0190' });
const undecodable = syntheticImage({ name: 'broken', perceptualHash: null, ocr: { status: 'failed', text: '', reason: 'could not decode: corrupt header' } });

export function describeImageContract(makeStore: () => Promise<IndexStore>): void {
  describe('images', () => {
    it('stores an ad\'s images with hashes and OCR, and whether the read was partial, in the detail and the export', () =>
      withStore(makeStore, async (store) => {
        const ad = syntheticAd({ slug: 'img1', images: [banner, undecodable, banner], needsBrowser: true, truncated: true });
        await store.upsertAds([ad, ad]);
        const stored = (await store.getAd(ad.adId))!;
        assert.equal(stored.needsBrowser, true);
        assert.equal(stored.truncated, true);
        const expected = [banner, undecodable].map((image) => ({ ...image, firstSeen: ad.fetchedAt, lastSeen: ad.fetchedAt, captureId: ad.captureId }));
        assert.deepEqual([...stored.images].sort((a, b) => a.sha256.localeCompare(b.sha256)), expected.sort((a, b) => a.sha256.localeCompare(b.sha256)), 'the same bytes twice on a page are one image');
        const [exported] = await collect(store.exportAds());
        assert.deepEqual([exported!.needsBrowser, exported!.truncated], [true, true]);
        assert.deepEqual(new Set(exported!.images.map((image) => image.sha256)), new Set([banner.sha256, undecodable.sha256]));
        assert.deepEqual(exported!.images.find((image) => image.sha256 === undecodable.sha256), undecodable);
        const plain = syntheticAd({ slug: 'img0' });
        await store.upsertAds([plain]);
        const plainStored = (await store.getAd(plain.adId))!;
        assert.deepEqual([plainStored.images, plainStored.needsBrowser, plainStored.truncated], [[], false, false]);
      }));

    it('keeps every image the ad has shown, with seen times that only widen and the latest capture\'s url and OCR', () =>
      withStore(makeStore, async (store) => {
        const t1 = '2024-05-01T08:00:00.000Z';
        const t2 = '2024-05-02T08:00:00.000Z';
        const t3 = '2024-05-03T08:00:00.000Z';
        const moved = { ...banner, url: 'http://velvet-nights.test/img/moved.jpg', ocr: { status: 'read' as const, text: 'Anna, new in town\nText (702) 555-0190 now' } };
        const middle = syntheticAd({ slug: 'seen', images: [banner], fetchedAt: t2, needsBrowser: true });
        const newest = syntheticAd({ slug: 'seen', images: [moved, photo], fetchedAt: t3 });
        const oldest = syntheticAd({ slug: 'seen', images: [{ ...banner, url: 'http://velvet-nights.test/img/old.jpg' }], fetchedAt: t1, truncated: true });
        await store.upsertAds([middle]);
        await store.upsertAds([newest, oldest]);
        const stored = (await store.getAd(middle.adId))!;
        const byName = new Map(stored.images.map((image) => [image.sha256, image]));
        assert.deepEqual(byName.get(banner.sha256), { ...moved, firstSeen: t1, lastSeen: t3, captureId: newest.captureId });
        assert.deepEqual(byName.get(photo.sha256), { ...photo, firstSeen: t3, lastSeen: t3, captureId: newest.captureId });
        assert.deepEqual(stored.images.map((image) => image.sha256), [banner.sha256, photo.sha256], 'oldest first');
        assert.deepEqual([stored.needsBrowser, stored.truncated], [false, false], 'the flags are the latest capture\'s');
        await store.upsertAds([oldest, middle, newest]);
        assert.deepEqual(await store.getAd(middle.adId), stored, 'redelivering changes nothing');
      }));

    it('finds ads showing a near-duplicate picture: the same bytes first, then by distance, then newest', () =>
      withStore(makeStore, async (store) => {
        const original = syntheticAd({ slug: 'orig', images: [photo], fetchedAt: '2024-05-01T00:00:00.000Z' });
        const copyOld = syntheticAd({ slug: 'copy-old', site: 'jobs-abroad.test', images: [recompressed], fetchedAt: '2024-05-02T00:00:00.000Z' });
        const sameBytesNew = syntheticAd({ slug: 'same-new', images: [banner, photo], fetchedAt: '2024-05-03T00:00:00.000Z' });
        const copyNew = syntheticAd({ slug: 'copy-new', site: 'jobs-abroad.test', images: [recompressed], fetchedAt: '2024-05-04T00:00:00.000Z' });
        const other = syntheticAd({ slug: 'other', images: [unrelated], fetchedAt: '2024-05-05T00:00:00.000Z' });
        await store.upsertAds([original, copyOld, sameBytesNew, copyNew, other]);

        const page = await store.findSimilarImages({ perceptualHash: photoHash, sha256: photo.sha256 });
        assert.equal(page.total, 4, 'the unrelated picture is beyond the distance');
        assert.deepEqual(page.matches.map((m) => [m.adId, m.exact, m.distance]), [
          [sameBytesNew.adId, true, 0],
          [original.adId, true, 0],
          [copyNew.adId, false, 3],
          [copyOld.adId, false, 3],
        ]);
        const first = page.matches[0]!;
        assert.deepEqual([first.url, first.site, first.title, first.firstSeen, first.lastSeen], [sameBytesNew.url, 'velvet-nights.test', sameBytesNew.title, sameBytesNew.fetchedAt, sameBytesNew.fetchedAt]);
        assert.deepEqual(first.images, [{ sha256: photo.sha256, url: photo.url, perceptualHash: photoHash, distance: 0, exact: true }], 'only the matching image is named');
        assert.deepEqual(page.matches[2]!.images, [{ sha256: recompressed.sha256, url: recompressed.url, perceptualHash: recompressed.perceptualHash, distance: 3, exact: false }]);

        const byHashOnly = await store.findSimilarImages({ perceptualHash: photoHash });
        assert.deepEqual(byHashOnly.matches.map((m) => [m.adId, m.exact, m.distance]), [
          [sameBytesNew.adId, false, 0],
          [original.adId, false, 0],
          [copyNew.adId, false, 3],
          [copyOld.adId, false, 3],
        ]);
        assert.deepEqual((await store.findSimilarImages({ perceptualHash: photoHash, maxDistance: 2 })).matches.map((m) => m.adId), [sameBytesNew.adId, original.adId]);
        assert.equal((await store.findSimilarImages({ perceptualHash: photoHash, maxDistance: 32 })).total, 5);
        assert.equal((await store.findSimilarImages({ perceptualHash: hashWithBitsFlipped(photoHash, 64) })).total, 0);
        assert.equal(defaultImageMaxDistance, 10);

        const paged = [];
        for (const offset of [0, 1, 2, 3]) paged.push(...(await store.findSimilarImages({ perceptualHash: photoHash, sha256: photo.sha256, limit: 1, offset })).matches.map((m) => m.adId));
        assert.deepEqual(paged, page.matches.map((m) => m.adId), 'pages follow the same order without gaps');
        assert.deepEqual((await store.findSimilarImages({ perceptualHash: photoHash, offset: 4 })).matches, []);
      }));

    it('finds pictures indexed after an earlier search, and bytes with no hash by their sha256', () =>
      withStore(makeStore, async (store) => {
        const first = syntheticAd({ slug: 'early', images: [photo] });
        await store.upsertAds([first]);
        assert.equal((await store.findSimilarImages({ perceptualHash: photoHash })).total, 1);
        const later = syntheticAd({ slug: 'late', images: [recompressed, undecodable], fetchedAt: '2024-06-01T00:00:00.000Z' });
        await store.upsertAds([later]);
        assert.deepEqual((await store.findSimilarImages({ perceptualHash: photoHash })).matches.map((m) => m.adId), [first.adId, later.adId]);
        const bySha = await store.findSimilarImages({ perceptualHash: null, sha256: undecodable.sha256 });
        assert.deepEqual(bySha.matches.map((m) => [m.adId, m.exact]), [[later.adId, true]]);
        // The same bytes decoded in a later capture: their hash is now known and matches.
        const decodedLater = syntheticAd({ slug: 'late', images: [{ ...undecodable, perceptualHash: hashWithBitsFlipped(photoHash, 5), ocr: { status: 'no-text', text: '' } }], fetchedAt: '2024-06-02T00:00:00.000Z' });
        await store.upsertAds([decodedLater]);
        const near = await store.findSimilarImages({ perceptualHash: photoHash });
        assert.deepEqual(near.matches.find((m) => m.adId === later.adId)!.images.map((i) => [i.sha256, i.distance]), [[recompressed.sha256, 3], [undecodable.sha256, 5]]);
        assert.equal((await store.getAd(later.adId))!.images.find((i) => i.sha256 === undecodable.sha256)!.firstSeen, later.fetchedAt, 'the image keeps its seen range');
      }));

    it('refuses a malformed image query', () =>
      withStore(makeStore, async (store) => {
        await assert.rejects(store.findSimilarImages({ perceptualHash: 'xyz' }), UsageError);
        await assert.rejects(store.findSimilarImages({ perceptualHash: null }), UsageError);
        await assert.rejects(store.findSimilarImages({ perceptualHash: photoHash, maxDistance: 65 }), UsageError);
        await assert.rejects(store.findSimilarImages({ perceptualHash: null, sha256: 'abc' }), UsageError);
        await assert.rejects(store.findSimilarImages({ perceptualHash: photoHash, limit: 0 }), UsageError);
        assert.equal((await store.findSimilarImages({ perceptualHash: photoHash.toUpperCase() })).total, 0, 'hex in any case');
      }));

    it('searches the OCR text of an ad\'s images like its text, and shows where a phone read from an image was', () =>
      withStore(makeStore, async (store) => {
        const imageOnly = syntheticAd({ slug: 'ocr', title: 'See my picture', body: 'Details in the photo.', images: [banner, photo], ocrPhones: [fictionalPhone(90)] });
        const textAd = syntheticAd({ slug: 'txt', title: 'Anna here', body: 'Anna, new in town.', phones: [fictionalPhone(91)] });
        await store.upsertAds([imageOnly, textAd]);
        const byWords = await store.search({ text: 'anna town' });
        assert.deepEqual(new Set(byWords.hits.map((h) => h.adId)), new Set([imageOnly.adId, textAd.adId]));
        const fromImage = byWords.hits.find((h) => h.adId === imageOnly.adId)!;
        assert.equal(fromImage.snippetSource, 'ocr');
        assert.match(fromImage.snippet, /«Anna».*«town»/);
        assert.equal(byWords.hits.find((h) => h.adId === textAd.adId)!.snippetSource, 'text');
        const byPhone = await store.search({ phone: fictionalPhone(90) });
        assert.deepEqual(byPhone.hits.map((h) => [h.adId, h.snippetSource]), [[imageOnly.adId, 'ocr']]);
        assert.ok(byPhone.hits[0]!.snippet.includes('«(702) 555-0190»'), byPhone.hits[0]!.snippet);
        assert.equal((await store.search({ text: 'details photo' })).hits[0]!.snippetSource, 'text');
        // Like the ad text, OCR words follow the latest capture; the phone read earlier still finds the ad.
        await store.upsertAds([syntheticAd({ slug: 'ocr', title: 'See my picture', body: 'Details in the photo.', images: [photo], fetchedAt: '2024-06-01T00:00:00.000Z' })]);
        assert.deepEqual((await store.search({ text: 'anna' })).hits.map((h) => h.adId), [textAd.adId]);
        assert.equal((await store.search({ phone: fictionalPhone(90) })).total, 1);
      }));
  });
}

import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import sharp from 'sharp';
import { groundTruth, imageAdTruth, renderTestbedImage, startTestbed, type ImageAdTruth, type RunningTestbed } from './index.js';
import { PictureCache } from './picture-cache.js';
import { photoPicture } from './picture-recipes.js';
import { contactsInPage, hrefsOf, visibleText } from './test-support/page-contacts.js';
import { ProxyClient } from './test-support/proxy-client.js';

const seed = 6;
const ads = 200;
const host = 'picture-board.test';

describe('the image-ad site (picture-board.test)', () => {
  const truth = groundTruth({ seed, ads });
  const imageAds = truth.ads.filter((ad) => ad.site === host);
  let rendered: ImageAdTruth;
  let testbed: RunningTestbed;
  let client: ProxyClient;
  before(async () => {
    testbed = await startTestbed({ seed, ads });
    client = new ProxyClient(testbed.proxyUrl);
    rendered = await imageAdTruth({ seed, ads });
  });
  after(async () => {
    client.close();
    await testbed.close();
  });

  it('writes no contact in any page text or link, and shows the truth\'s pictures in order', async () => {
    assert.equal(imageAds.length, 20);
    const listing = await client.text(`http://${host}/ads?page=1`);
    assert.deepEqual(hrefsOf(listing.body).filter((href) => href.startsWith('/ads/')).map((href) => `http://${host}${href}`), imageAds.map((ad) => ad.url));
    for (const ad of imageAds) {
      const page = await client.text(ad.url);
      assert.equal(page.status, 200);
      const text = visibleText(page.body);
      assert.deepEqual(findPhoneNumbersInText(text, ad.country as CountryCode), [], `${ad.url} has a number in its text`);
      const found = contactsInPage(page.body, ad.country);
      assert.deepEqual([found.phones, found.emails, found.handles], [[], [], []], ad.url);
      assert.ok(!/tel:|sms:|wa\.me|mailto:/.test(page.body));
      const sources = [...page.body.matchAll(/<img src="([^"]+)"/g)].map((match) => `http://${host}${match[1]}`);
      assert.deepEqual(sources, ad.images.map((image) => image.url));
    }
  });

  it('serves pictures that decode to the type and size the truth gives, PNG and JPEG, with and without writing', async () => {
    const seen = new Set<string>();
    for (const image of imageAds.flatMap((ad) => ad.images)) {
      if (seen.has(image.url)) continue;
      seen.add(image.url);
      const response = await client.get(image.url);
      assert.equal(response.status, 200, image.url);
      assert.equal(response.headers['content-type'], image.contentType);
      const metadata = await sharp(response.body).metadata();
      assert.equal(metadata.format, image.contentType === 'image/png' ? 'png' : 'jpeg', image.url);
      assert.deepEqual([metadata.width, metadata.height], [image.width, image.height], image.url);
    }
    const all = imageAds.flatMap((ad) => ad.images);
    assert.ok(all.some((image) => !image.hasText), 'photos with no writing');
    assert.ok(all.some((image) => image.hasText && image.contentType === 'image/png'));
    assert.ok(all.some((image) => image.hasText && image.contentType === 'image/jpeg'));
    assert.equal((await client.get(`http://${host}/img/ads/1-9.png`)).status, 404);
    assert.equal((await client.get(`http://${host}/photos/999999-0.jpg`)).status, 404);
  });

  it('renders the same bytes for the same seed without a server, and other bytes for another seed', async () => {
    const sample = rendered.images.filter((image) => image.hasText).slice(0, 4);
    const photo = rendered.images.find((image) => !image.hasText)!;
    for (const image of [...sample, photo]) {
      const served = await client.get(image.url);
      const again = await renderTestbedImage({ seed, ads }, image.url);
      assert.ok(served.body.equals(again.body), image.url);
      assert.equal(served.headers['content-type'], again.contentType);
      assert.equal(createHash('sha256').update(served.body).digest('hex'), image.sha256);
    }
    const otherSeed = await renderTestbedImage({ seed: seed + 1, ads }, photo.url);
    assert.ok(!otherSeed.body.equals((await client.get(photo.url)).body));
  });

  it('reuses the same picture bytes across ads and across the app and the image site', async () => {
    const reused = Object.entries(rendered.reusedBySha256);
    assert.ok(reused.length >= 5, `${reused.length} reused pictures`);
    const acrossSites = reused.filter(([, adUrls]) => new Set(adUrls.map((url) => new URL(url).host)).size > 1);
    assert.ok(acrossSites.length >= 1, 'a photo on both sites');
    for (const [sha256] of acrossSites.slice(0, 3)) {
      const urls = rendered.images.filter((image) => image.sha256 === sha256).map((image) => image.url);
      assert.ok(new Set(urls.map((url) => new URL(url).host)).size > 1, urls.join(' '));
      const bodies = await Promise.all(urls.map(async (url) => (await client.get(url)).body));
      for (const body of bodies) assert.ok(body.equals(bodies[0]!), urls.join(' '));
    }
    const cards = rendered.images.filter((image) => image.key.startsWith('card-') && image.ads.length > 1);
    assert.ok(cards.length >= 1, 'a contact card posted on several ads');
    for (const image of rendered.images) assert.deepEqual(rendered.adsBySha256[image.sha256]!.filter((ad) => image.ads.includes(ad)).sort(), [...image.ads].sort());
  });

  it('lists each phone written only in pictures, for the OCR recall figure', () => {
    const expected = imageAds.flatMap((ad) => ad.imageOnlyPhones.map((phone) => `${ad.url} ${phone}`)).sort();
    assert.deepEqual(rendered.ocrPhones.map((entry) => `${entry.ad} ${entry.phone}`).sort(), expected);
    const textOf = new Map(rendered.images.map((image) => [image.url, image]));
    for (const entry of rendered.ocrPhones) {
      assert.ok(entry.imageUrls.length >= 1);
      for (const url of entry.imageUrls) assert.ok(textOf.get(url)!.phones.includes(entry.phone));
    }
  });

  it('renders a picture once however often and however concurrently it is asked for', async () => {
    const cache = new PictureCache(2);
    const photo = photoPicture(seed, 0, 0, { host, prefix: '/photos' });
    const [a, b] = [cache.get(photo.key, photo.recipe), cache.get(photo.key, photo.recipe)];
    assert.equal(a, b);
    assert.ok((await a).equals(await b));
    const others = [1, 2].map((index) => photoPicture(seed, 0, index, { host, prefix: '/photos' }));
    for (const other of others) await cache.get(other.key, other.recipe);
    assert.equal(cache.size, 2);
    assert.notEqual(cache.get(photo.key, photo.recipe), a, 'the least recently used picture was dropped');
  });
});

// test-runner: alone (it asserts on time; scripts/test.mjs runs it after the other files, by itself)
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { groundTruth } from './index.js';

describe('ground truth', () => {
  const truth = groundTruth({ seed: 5, ads: 1000 });

  it('is the same for the same seed and different for another', () => {
    assert.deepEqual(groundTruth({ seed: 5, ads: 1000 }), truth);
    const other = groundTruth({ seed: 6, ads: 1000 });
    assert.notDeepEqual(other.ads.map((ad) => ad.phones), truth.ads.map((ad) => ad.phones));
    assert.notDeepEqual(other.ads.map((ad) => ad.title), truth.ads.map((ad) => ad.title));
  });

  it('has one ad per requested ad, split 5/3/1/1 over the four sites, with canonical unique URLs', () => {
    assert.equal(truth.ads.length, 1000);
    assert.equal(truth.adCount, 1000);
    const perSite = new Map<string, number>();
    for (const ad of truth.ads) perSite.set(ad.site, (perSite.get(ad.site) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perSite), { 'velvet-nights.test': 500, 'abroad-jobs.test': 300, 'night-scroll.test': 100, 'picture-board.test': 100 });
    assert.equal(new Set(truth.ads.map((ad) => ad.url)).size, truth.ads.length);
    for (const ad of truth.ads) {
      assert.match(ad.url, /^http:\/\/(velvet-nights\.test\/ads\/\d+|abroad-jobs\.test\/jobs\/\d+-[a-z-]+|night-scroll\.test\/ad\/\d+|picture-board\.test\/ads\/\d+)$/);
      assert.ok(ad.title.length > 10);
    }
    assert.deepEqual(truth.sites.map((site) => [site.host, site.kind, site.requires]), [
      ['velvet-nights.test', 'classifieds', null],
      ['abroad-jobs.test', 'recruitment', null],
      ['night-scroll.test', 'single-page-app', 'browser'],
      ['picture-board.test', 'image-ads', 'ocr'],
    ]);
  });

  it('says what finding each ad takes: a browser for the app, OCR for the image site, nothing more elsewhere', () => {
    for (const ad of truth.ads) {
      const expected = ad.site === 'night-scroll.test' ? 'browser' : ad.site === 'picture-board.test' ? 'ocr' : null;
      assert.equal(ad.requires, expected, ad.url);
      if (ad.requires === 'ocr') {
        assert.ok(ad.phones.length > 0);
        assert.deepEqual(ad.imageOnlyPhones, ad.phones, `${ad.url}: every phone of an image ad is only in its pictures`);
        assert.deepEqual(ad.disguised, []);
      } else {
        assert.deepEqual(ad.imageOnlyPhones, []);
      }
      if (ad.requires === null) assert.deepEqual(ad.images, []);
      else assert.ok(ad.images.some((image) => !image.hasText), `${ad.url} shows a photo`);
    }
  });

  it('lists the contacts written in each picture, which add up to the image ad\'s contacts', () => {
    for (const ad of truth.ads.filter((candidate) => candidate.requires === 'ocr')) {
      const written = ad.images.filter((image) => image.hasText);
      assert.ok(written.length >= 1);
      assert.deepEqual(new Set(written.flatMap((image) => image.phones)), new Set(ad.phones), ad.url);
      assert.deepEqual(new Set(written.flatMap((image) => image.emails)), new Set(ad.emails), ad.url);
      assert.deepEqual(new Set(written.flatMap((image) => image.handles.map((h) => `${h.platform}:${h.value}`))), new Set(ad.handles.map((h) => `${h.platform}:${h.value}`)), ad.url);
      for (const image of ad.images) {
        assert.match(image.contentType, /^image\/(png|jpeg)$/);
        assert.ok(image.width >= 400 && image.width <= 800 && image.height >= 200 && image.height <= 600, `${image.url} ${image.width}x${image.height}`);
        if (!image.hasText) assert.deepEqual([image.text, image.phones, image.emails], [[], [], []]);
        else assert.ok(image.text.length >= 1);
      }
    }
    const imageContacts = truth.ads.flatMap((ad) => ad.images);
    assert.ok(imageContacts.some((image) => image.emails.length > 0) && imageContacts.some((image) => image.handles.length > 0));
    assert.ok(imageContacts.some((image) => image.contentType === 'image/png' && image.hasText) && imageContacts.some((image) => image.contentType === 'image/jpeg' && image.hasText));
  });

  it('maps pictures shown on several ads, across sites too', () => {
    assert.ok(truth.reusedImages.length > 20, `${truth.reusedImages.length} reused pictures`);
    const adSite = (url: string) => new URL(url).host;
    const acrossSites = truth.reusedImages.filter((image) => new Set(image.ads.map(adSite)).size > 1);
    assert.ok(acrossSites.length > 5, `${acrossSites.length} pictures on both the app and the image site`);
    assert.ok(truth.reusedImages.some((image) => image.key.startsWith('card-')), 'a contact card posted on several ads');
    const byUrl = new Map(truth.ads.flatMap((ad) => ad.images.map((image) => [image.url, image.key] as const)));
    for (const image of truth.reusedImages) {
      assert.ok(image.ads.length > 1);
      for (const url of image.imageUrls) assert.equal(byUrl.get(url), image.key);
    }
  });

  it('writes job ads in at least five languages', () => {
    const languages = new Set(truth.ads.filter((ad) => ad.site === 'abroad-jobs.test').map((ad) => ad.language));
    assert.deepEqual([...languages].sort(), ['en', 'es', 'pl', 'ro', 'ru']);
  });

  it('uses only valid numbers from fictional ranges', () => {
    const fictional = /^(\+1(702|213|312|305|212|713|404|415)55501\d\d|\+44(2079460|1614960|1214960|1134960|1414960|1314960|1514960)\d{3}|\+61491570\d{3})$/;
    let phones = 0;
    for (const ad of truth.ads) {
      for (const phone of ad.phones) {
        phones++;
        assert.match(phone, fictional);
        const parsed = parsePhoneNumberFromString(phone);
        assert.ok(parsed?.isValid(), `${phone} is not valid per libphonenumber max`);
        assert.equal(parsed!.number, phone, 'E.164');
      }
    }
    assert.ok(phones > truth.ads.length * 0.9);
  });

  it('uses only reserved email domains, lowercased, and lowercased handles without @', () => {
    for (const ad of truth.ads) {
      for (const email of ad.emails) {
        assert.match(email, /^[a-z0-9._-]+@(example\.(com|net|org)|[a-z0-9-]+\.example)$/);
      }
      for (const handle of ad.handles) {
        assert.ok(['telegram', 'instagram', 'snapchat'].includes(handle.platform));
        assert.equal(handle.value, handle.value.toLowerCase());
        assert.ok(!handle.value.startsWith('@'));
      }
    }
    assert.ok(truth.ads.some((ad) => ad.emails.length > 0));
    assert.ok(truth.ads.some((ad) => ad.handles.length > 0));
  });

  it('reuses contacts across ads and across both sites, never across clusters', () => {
    const clusterOf = new Map<string, string>();
    const sitesOf = new Map<string, Set<string>>();
    for (const ad of truth.ads) {
      for (const value of [...ad.phones, ...ad.emails, ...ad.handles.map((h) => `${h.platform}:${h.value}`), ...ad.crypto.map((c) => c.value), ...ad.domains]) {
        const owner = clusterOf.get(value);
        assert.ok(owner === undefined || owner === ad.cluster, `${value} is in ${owner} and ${ad.cluster}`);
        clusterOf.set(value, ad.cluster);
        sitesOf.set(value, (sitesOf.get(value) ?? new Set()).add(ad.site));
      }
    }
    const crossSite = [...sitesOf.values()].filter((sites) => sites.size >= 2).length;
    assert.ok(crossSite > 20, `${crossSite} contacts appear on both sites`);
    const phoneUse = new Map<string, number>();
    for (const ad of truth.ads) for (const phone of ad.phones) phoneUse.set(phone, (phoneUse.get(phone) ?? 0) + 1);
    assert.ok(Math.max(...phoneUse.values()) >= 10, 'some numbers are in many ads');
    assert.ok(truth.clusters > 100);
  });

  it('leaves robots-blocked ads out and counts them', () => {
    assert.equal(truth.robotsBlocked, 10);
    assert.equal(truth.robotsBlockedUrls.length, 10);
    const urls = new Set(truth.ads.map((ad) => ad.url));
    for (const url of truth.robotsBlockedUrls) {
      assert.match(url, /^http:\/\/[a-z-]+\.test\/private\//);
      assert.ok(!urls.has(url));
    }
  });

  it('counts the crawlable pages per site, and the app\'s ad pages only a browser reaches', () => {
    const velvet = truth.pagesBySite['velvet-nights.test']!;
    const jobs = truth.pagesBySite['abroad-jobs.test']!;
    const app = truth.pagesBySite['night-scroll.test']!;
    const pictures = truth.pagesBySite['picture-board.test']!;
    assert.equal(velvet.ads, 500);
    assert.equal(jobs.ads, 300);
    assert.equal(jobs.listings, 5 * 3);
    assert.ok(velvet.listings >= 25 + 19);
    assert.deepEqual(app, { ads: 0, listings: 0, other: 1, traps: 0, total: 1, scriptLinked: 100 + 2 });
    assert.deepEqual({ ads: pictures.ads, listings: pictures.listings }, { ads: 100, listings: 5 });
    assert.equal(truth.pages, velvet.total + jobs.total + app.total + pictures.total);
    assert.equal(truth.browserPages, truth.pages + 100 + 2, "the app's ads and its two trap pages");
  });

  it('rejects a seed or ad count that cannot work', () => {
    assert.throws(() => groundTruth({ seed: 1.5 }), { name: 'UsageError' });
    assert.throws(() => groundTruth({ ads: -1 }), { name: 'UsageError' });
  });

  it('builds the truth of 100,000 ads in a few seconds', () => {
    const started = performance.now();
    const big = groundTruth({ seed: 2, ads: 100_000 });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(big.ads.length, 100_000);
    assert.ok(seconds < 15, `took ${seconds.toFixed(1)} s`);
    assert.ok(big.browserPages > 100_000 && big.browserPages < 120_000, `${big.browserPages} pages`);
    assert.equal(big.clusters, 2500);
  });
});

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

  it('has one ad per requested ad, split about 60/40 between the two sites, with canonical unique URLs', () => {
    assert.equal(truth.ads.length, 1000);
    assert.equal(truth.adCount, 1000);
    const perSite = new Map<string, number>();
    for (const ad of truth.ads) perSite.set(ad.site, (perSite.get(ad.site) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perSite), { 'velvet-nights.test': 600, 'abroad-jobs.test': 400 });
    assert.equal(new Set(truth.ads.map((ad) => ad.url)).size, truth.ads.length);
    for (const ad of truth.ads) {
      assert.match(ad.url, /^http:\/\/(velvet-nights\.test\/ads\/\d+|abroad-jobs\.test\/jobs\/\d+-[a-z-]+)$/);
      assert.ok(ad.title.length > 10);
    }
    assert.deepEqual(truth.sites.map((site) => site.host), ['velvet-nights.test', 'abroad-jobs.test']);
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
    const crossSite = [...sitesOf.values()].filter((sites) => sites.size === 2).length;
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

  it('counts the crawlable pages per site', () => {
    const velvet = truth.pagesBySite['velvet-nights.test']!;
    const jobs = truth.pagesBySite['abroad-jobs.test']!;
    assert.equal(velvet.ads, 600);
    assert.equal(jobs.ads, 400);
    assert.equal(jobs.listings, 5 * 4);
    assert.ok(velvet.listings >= 30 + 19);
    assert.equal(truth.pages, velvet.total + jobs.total);
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
    assert.ok(big.pages > 100_000 && big.pages < 120_000, `${big.pages} pages`);
    assert.equal(big.clusters, 2500);
  });
});

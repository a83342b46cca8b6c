import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdExtracted, AdImage, HandlePlatform } from '@indicia/core';
import { fictionalPhone, hashWithBitsFlipped, syntheticAd, syntheticImage } from '../contract/synthetic-ads.js';
import type { ExportedAd, ImageSimilarityQuery, IndexStore, IndicatorRef, SearchPage, SearchQuery } from '../index-store.js';
import { SqliteIndexStore } from '../sqlite/sqlite-index-store.js';
import { TempEsIndices } from './temp-es-indices.js';

/**
 * Beyond the contract's pinned answers: one mixed corpus written to both stores, then every read
 * compared whole (snippets included). Text-only searches rank by each engine's own relevance, so
 * their hits are compared per ad and as a set; every other answer must be identical.
 */

const sites = ['velvet-nights.test', 'jobs-abroad.test', 'orchid-lounge.test'];
const phrases = [
  'Discreet outcall near the Strip, available tonight.',
  'Relaxing massage, new girls weekly. Orchid oils.',
  'Trabajo en España y Alemania: camarera, alojamiento incluido.',
  'Работа официанткой в Германии, жильё бесплатно.',
  'Velvet evenings: private parties, tonight only.',
  'Anna, new in town, call me.',
];
const baseHash = 'c3a5e1f00f1e5a3c';
const pictures: AdImage[] = [0, 1, 3, 6, 9, 12, 14, 20].map((bits, n) =>
  syntheticImage({ name: `pic-${n}`, perceptualHash: hashWithBitsFlipped(baseHash, bits), ...(n === 2 ? { ocrText: 'Anna, new in town\nText (702) 555-0190' } : {}) }),
);
const undecodable = syntheticImage({ name: 'broken', perceptualHash: null, ocr: { status: 'failed', text: '', reason: 'could not decode' } });

function corpus(): AdExtracted[] {
  const ads: AdExtracted[] = [];
  for (let n = 0; n < 36; n++) {
    const captures = n % 5 === 0 ? 3 : n % 3 === 0 ? 2 : 1;
    for (let c = 0; c < captures; c++) {
      const images = n % 4 === 0 ? [pictures[(n / 4) % pictures.length]!, ...(n % 8 === 0 ? [undecodable] : [])] : [];
      const handles: Array<{ platform: HandlePlatform; value: string }> = n % 6 === 1 ? [{ platform: n % 12 === 1 ? 'telegram' : 'instagram', value: `shared_${n % 3}` }] : [];
      ads.push(
        syntheticAd({
          site: sites[n % sites.length],
          slug: `p${n}`,
          title: c === 2 ? `Back again ${n}` : ['Velvet evenings', 'Orchid massage', 'Waitress wanted', 'Работа в Германии'][n % 4],
          body: `${phrases[(n + c) % phrases.length]} Reference ${n}.`,
          phones: [fictionalPhone(n % 7), ...(c > 0 ? [fictionalPhone(20 + c)] : [])],
          emails: n % 3 === 0 ? [`contact${n % 4}@example.com`] : [],
          handles,
          ...(images[0]?.sha256 === pictures[2]!.sha256 ? { ocrPhones: [fictionalPhone(90)] } : {}),
          images,
          location: n % 5 === 4 ? null : { text: ['Las Vegas', 'Berlin', 'London'][n % 3]!, country: ['US', 'DE', 'GB'][n % 3]! },
          language: [null, 'en', 'en-GB', 'es', 'ru'][n % 5]!,
          prices: n % 2 === 0 ? [{ written: '$200/hr', amount: 200, currency: n % 4 === 0 ? 'USD' : 'EUR', per: 'hour' }] : [],
          ...(n % 3 === 1 ? { age: { written: `age ${16 + (n % 12)}`, min: 16 + (n % 12), max: 16 + (n % 12) } } : {}),
          // Ties in time across ads (ordered by id), never within one ad's captures.
          fetchedAt: new Date(Date.UTC(2024, 4, 1 + (n % 9), c * 5)).toISOString(),
        }),
      );
    }
  }
  return ads;
}

async function collect(iterable: AsyncIterable<ExportedAd>): Promise<ExportedAd[]> {
  const out: ExportedAd[] = [];
  for await (const ad of iterable) out.push(ad);
  return out;
}

describe('Elasticsearch and SQLite stores answer alike', () => {
  const temp = new TempEsIndices();
  const ads = corpus();
  let es: IndexStore;
  let sqlite: IndexStore;

  before(async () => {
    es = await temp.openSelfCleaning({ refreshInterval: '50ms' });
    sqlite = SqliteIndexStore.open(':memory:');
    // Different batches and orders on each side: the merge rules do not depend on them.
    for (let i = 0; i < ads.length; i += 9) await es.upsertAds(ads.slice(i, i + 9));
    await sqlite.upsertAds([...ads].reverse());
  });
  after(async () => {
    await es.close();
    await sqlite.close();
    await temp.removeAll();
  });

  it('in the summary, the export and every ad', async () => {
    assert.deepEqual(await es.summary(), await sqlite.summary());
    assert.deepEqual(await collect(es.exportAds()), await collect(sqlite.exportAds()));
    assert.deepEqual(await collect(es.exportAds({ site: sites[1] })), await collect(sqlite.exportAds({ site: sites[1] })));
    for (const adId of new Set(ads.map((ad) => ad.adId))) assert.deepEqual(await es.getAd(adId), await sqlite.getAd(adId), adId);
  });

  it('in indicator, site and country searches, page by page', async () => {
    const queries: SearchQuery[] = [
      ...Array.from({ length: 7 }, (_, n) => ({ phone: fictionalPhone(n), limit: 50 })),
      { phone: fictionalPhone(21) },
      { phone: fictionalPhone(90) },
      { email: 'CONTACT1@example.com' },
      { handle: { platform: 'telegram', value: 'shared_1' } },
      { phone: fictionalPhone(3), site: sites[0] },
      { phone: fictionalPhone(2), country: 'de' },
      { country: 'GB' },
      { site: sites[2], limit: 5, offset: 5 },
      {},
      { limit: 7, offset: 14 },
      { phone: fictionalPhone(1), text: 'orchid' },
      { phone: fictionalPhone(4), text: 'tonight velv*' },
    ];
    for (const query of queries) assert.deepEqual(await es.search(query), await sqlite.search(query), JSON.stringify(query));
  });

  it('in text searches: the same ads, totals and snippets', async () => {
    const byAd = (page: SearchPage) => new Map(page.hits.map((hit) => [hit.adId, hit]));
    const sources = new Set<string>();
    for (const text of ['velvet', 'orchid tonight', 'espana', 'camar*', 'германии', 'anna town', 'new', 'reference 12', 'velvet:evenings', 'back again', 'жильё', 'nothing-here']) {
      const [fromEs, fromSqlite] = [await es.search({ text, limit: 100 }), await sqlite.search({ text, limit: 100 })];
      assert.equal(fromEs.total, fromSqlite.total, text);
      assert.deepEqual(byAd(fromEs), byAd(fromSqlite), text);
      for (const hit of fromEs.hits) sources.add(hit.snippetSource);
    }
    assert.deepEqual(sources, new Set(['text', 'ocr']), 'the corpus has matches in texts and in images');
  });

  it('in the console queries: filters, facets, indicator profiles, sites and domains', async () => {
    const queries: SearchQuery[] = [
      { facets: true },
      { facets: true, seenFrom: '2024-05-04', seenTo: '2024-05-07T02:00:00+02:00', limit: 50 },
      { facets: true, matchedAfter: '2024-05-06T05:00:00Z', limit: 50 },
      { facets: true, phone: fictionalPhone(3), matchedAfter: '2024-05-05T12:00:00Z', limit: 50 },
      { facets: true, indicatorType: 'handle' },
      { facets: true, indicatorType: 'email', country: 'US' },
      { facets: true, phone: fictionalPhone(3), seenTo: '2024-05-05', limit: 50 },
      { facets: true, indicator: { type: 'handle', platform: 'instagram', value: 'shared_1' } },
      { facets: true, phone: fictionalPhone(2), text: 'relaxing', indicatorType: 'email' },
    ];
    for (const query of queries) assert.deepEqual(await es.search(query), await sqlite.search(query), JSON.stringify(query));
    // Text-only searches rank by each engine's relevance: their facets and totals must agree.
    for (const text of ['velvet', 'tonight', 'reference']) {
      const query: SearchQuery = { text, facets: true, seenFrom: '2024-05-03', indicatorType: 'phone' };
      const [fromEs, fromSqlite] = [await es.search(query), await sqlite.search(query)];
      assert.equal(fromEs.total, fromSqlite.total, text);
      assert.deepEqual(fromEs.facets, fromSqlite.facets, text);
    }
    const indicators = new Map<string, IndicatorRef>();
    for (const ad of ads) for (const { type, value, platform, chain } of ad.indicators) indicators.set(`${type}:${platform ?? chain ?? ''}:${value}`, { type, value, ...(platform ? { platform } : {}), ...(chain ? { chain } : {}) });
    assert.ok(indicators.size > 15);
    for (const [n, indicator] of [...indicators.values()].entries()) {
      for (const bucket of n % 4 === 0 ? (['day', 'month'] as const) : (['day'] as const)) {
        const profile = await es.indicatorProfile(indicator, { bucket });
        assert.ok(profile, JSON.stringify(indicator));
        assert.deepEqual(profile, await sqlite.indicatorProfile(indicator, { bucket }), JSON.stringify(indicator));
        assert.equal(profile.timeline.reduce((sum, point) => sum + point.ads, 0), profile.ads);
      }
    }
    assert.deepEqual(await es.listSites(), await sqlite.listSites());
    for (const domain of [...sites, 'test', 'example.com']) assert.deepEqual(await es.domainAds(domain), await sqlite.domainAds(domain), domain);
  });

  it('in image searches, near and far', async () => {
    const queries: ImageSimilarityQuery[] = [
      { perceptualHash: baseHash, sha256: pictures[0]!.sha256 },
      { perceptualHash: baseHash },
      { perceptualHash: baseHash, maxDistance: 2 },
      { perceptualHash: baseHash, maxDistance: 13 },
      { perceptualHash: baseHash, maxDistance: 20, limit: 3, offset: 1 },
      { perceptualHash: hashWithBitsFlipped(baseHash, 9), maxDistance: 5 },
      { perceptualHash: null, sha256: undecodable.sha256 },
      { perceptualHash: hashWithBitsFlipped(baseHash, 40) },
    ];
    const distances = new Set<number>();
    for (const query of queries) {
      const page = await es.findSimilarImages(query);
      assert.deepEqual(page, await sqlite.findSimilarImages(query), JSON.stringify(query));
      for (const match of page.matches) distances.add(match.distance);
    }
    assert.ok(distances.size >= 4, `the corpus has pictures at several distances (${[...distances].join(', ')})`);
  });
});

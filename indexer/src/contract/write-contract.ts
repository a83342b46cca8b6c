import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeadLetterError } from '@indicia/core';
import type { ExportedAd, IndexStore } from '../index-store.js';
import { withStore } from './index-store-contract.js';
import { fictionalPhone, syntheticAd } from './synthetic-ads.js';

async function collect(iterable: AsyncIterable<ExportedAd>): Promise<ExportedAd[]> {
  const out: ExportedAd[] = [];
  for await (const ad of iterable) out.push(ad);
  return out;
}

const hourly = { written: '$200/hr', amount: 200, currency: 'USD', per: 'hour' as const };
const monthlyRange = { written: '1.500-2.000 EUR pe lună', amount: 1500, maxAmount: 2000, currency: 'EUR', per: 'month' as const };

export function describeWriteContract(makeStore: () => Promise<IndexStore>): void {
  describe('writes', () => {
    it('stores an ad with its fields, one version and its indicators with provenance', () =>
      withStore(makeStore, async (store) => {
        const ad = syntheticAd({ slug: 'a1', phones: [fictionalPhone(1)], emails: ['Rose@Example.com'], handles: [{ platform: 'telegram', value: 'rose_lv' }], language: 'en' });
        await store.upsertAds([ad]);
        const stored = await store.getAd(ad.adId);
        assert.ok(stored);
        assert.equal(stored.url, ad.url);
        assert.equal(stored.canonicalUrl, ad.canonicalUrl);
        assert.equal(stored.title, ad.title);
        assert.equal(stored.text, ad.text);
        assert.equal(stored.contentHash, ad.contentHash);
        assert.equal(stored.latestCaptureId, ad.captureId);
        assert.equal(stored.postedAt, '2024-04-30');
        assert.deepEqual(stored.location, { text: 'Las Vegas, NV', city: 'Las Vegas', country: 'US' });
        assert.equal(stored.language, 'en');
        assert.equal(stored.firstSeen, ad.fetchedAt);
        assert.equal(stored.lastSeen, ad.fetchedAt);
        assert.deepEqual(stored.versions, [{ contentHash: ad.contentHash, captureId: ad.captureId, firstSeen: ad.fetchedAt, lastSeen: ad.fetchedAt }]);
        assert.deepEqual(
          stored.indicators.map((i) => [i.type, i.value, i.platform ?? null, i.raw, i.source]),
          [
            ['email', 'rose@example.com', null, 'Rose@Example.com', 'text'],
            ['handle', 'rose_lv', 'telegram', '@rose_lv', 'text'],
            ['phone', fictionalPhone(1), null, '(702) 555-0101', 'text'],
          ],
        );
        const phone = stored.indicators.find((i) => i.type === 'phone')!;
        assert.deepEqual(phone.provenance, ad.indicators.find((i) => i.type === 'phone')!.provenance);
        assert.equal(ad.text.slice(phone.provenance[0]!.start, phone.provenance[0]!.end), '(702) 555-0101');
        assert.equal(await store.getAd('no-such-ad'), null);
      }));

    it('is idempotent: the same ads again, or twice in one batch, change nothing', () =>
      withStore(makeStore, async (store) => {
        const ads = [1, 2, 3].map((n) => syntheticAd({ slug: `i${n}`, phones: [fictionalPhone(n), fictionalPhone(9)], emails: [`op${n}@example.com`] }));
        await store.upsertAds(ads);
        const summary = await store.summary();
        const stored = await store.getAd(ads[0]!.adId);
        const exported = await collect(store.exportAds());
        await store.upsertAds(ads);
        await store.upsertAds([ads[1]!, ads[1]!]);
        assert.deepEqual(await store.summary(), summary);
        assert.deepEqual(await store.getAd(ads[0]!.adId), stored);
        assert.deepEqual(await collect(store.exportAds()), exported);
        const shared = await store.search({ phone: fictionalPhone(9) });
        assert.equal(shared.total, 3);
        assert.equal(new Set(shared.hits.map((h) => h.adId)).size, 3);
      }));

    it('adds a version when the content changes and keeps the union of indicators', () =>
      withStore(makeStore, async (store) => {
        const first = syntheticAd({ slug: 'v', title: 'Sweet Lily', body: 'Lily visits downtown hotels.', phones: [fictionalPhone(20)], fetchedAt: '2024-05-01T10:00:00.000Z' });
        const second = syntheticAd({ slug: 'v', title: 'Sweet Lily is back', body: 'Lily now tours the Strip.', phones: [fictionalPhone(21)], emails: ['lily@example.org'], fetchedAt: '2024-05-03T10:00:00.000Z' });
        await store.upsertAds([first]);
        await store.upsertAds([second]);
        const stored = await store.getAd(first.adId);
        assert.ok(stored);
        assert.equal(stored.title, 'Sweet Lily is back');
        assert.equal(stored.text, second.text);
        assert.equal(stored.contentHash, second.contentHash);
        assert.deepEqual(stored.versions, [
          { contentHash: first.contentHash, captureId: first.captureId, firstSeen: first.fetchedAt, lastSeen: first.fetchedAt },
          { contentHash: second.contentHash, captureId: second.captureId, firstSeen: second.fetchedAt, lastSeen: second.fetchedAt },
        ]);
        const seen = Object.fromEntries(stored.indicators.map((i) => [i.value, [i.firstSeen, i.lastSeen]]));
        assert.deepEqual(seen, {
          [fictionalPhone(20)]: [first.fetchedAt, first.fetchedAt],
          [fictionalPhone(21)]: [second.fetchedAt, second.fetchedAt],
          'lily@example.org': [second.fetchedAt, second.fetchedAt],
        });
        assert.equal((await store.search({ phone: fictionalPhone(20) })).total, 1, 'an indicator of an older version still finds the ad');
        assert.equal((await store.search({ text: 'strip' })).total, 1, 'text search follows the current text');
        assert.equal((await store.search({ text: 'downtown' })).total, 0, 'words only in the old text no longer match');
      }));

    it('takes seen times from fetchedAt and only widens them when captures arrive out of order', () =>
      withStore(makeStore, async (store) => {
        const t1 = '2024-05-01T08:00:00.000Z';
        const t2 = '2024-05-02T08:00:00.000Z';
        const t3 = '2024-05-03T08:00:00.000Z';
        const middle = syntheticAd({ slug: 'o', title: 'Middle title', phones: [fictionalPhone(30)], fetchedAt: t2 });
        const oldest = syntheticAd({ slug: 'o', title: 'Oldest title', phones: [fictionalPhone(30)], fetchedAt: t1 });
        const newest = syntheticAd({ slug: 'o', title: 'Middle title', phones: [fictionalPhone(30)], fetchedAt: t3 });
        await store.upsertAds([middle]);
        await store.upsertAds([oldest]);
        let stored = (await store.getAd(middle.adId))!;
        assert.equal(stored.firstSeen, t1);
        assert.equal(stored.lastSeen, t2);
        assert.equal(stored.title, 'Middle title', 'a late, older capture does not replace the current content');
        assert.deepEqual(stored.indicators.map((i) => [i.firstSeen, i.lastSeen]), [[t1, t2]]);
        await store.upsertAds([newest]);
        stored = (await store.getAd(middle.adId))!;
        assert.equal(stored.lastSeen, t3);
        assert.equal(stored.latestCaptureId, newest.captureId);
        assert.deepEqual(
          stored.versions.map((v) => [v.captureId, v.firstSeen, v.lastSeen]),
          [
            [oldest.captureId, t1, t1],
            [middle.captureId, t2, t3],
          ],
          'the same content seen again widens its version instead of adding one',
        );
        const hit = (await store.search({ phone: fictionalPhone(30) })).hits[0]!;
        assert.equal(hit.firstSeen, t1);
        assert.equal(hit.lastSeen, t3);
        await store.upsertAds([oldest, middle]);
        assert.deepEqual(await store.getAd(middle.adId), stored, 'redelivering old captures changes nothing');
      }));

    it('exports exactly the contract keys, in id order, optionally for one site', () =>
      withStore(makeStore, async (store) => {
        const ads = [
          syntheticAd({ slug: 'e1', phones: [fictionalPhone(40)], handles: [{ platform: 'whatsapp', value: 'sun_e1' }] }),
          syntheticAd({ slug: 'e2', site: 'jobs-abroad.test', emails: ['hr@example.net'], linkOnlyPhone: fictionalPhone(41) }),
          syntheticAd({ slug: 'e3' }),
        ];
        await store.upsertAds(ads);
        const exported = await collect(store.exportAds());
        assert.deepEqual(exported.map((ad) => ad.id), ads.map((ad) => ad.adId).sort());
        for (const ad of exported) {
          assert.deepEqual(Object.keys(ad).sort(), ['age', 'firstSeen', 'id', 'images', 'indicators', 'language', 'lastSeen', 'location', 'needsBrowser', 'prices', 'site', 'text', 'title', 'truncated', 'url']);
          for (const indicator of ad.indicators) {
            const keys = Object.keys(indicator).sort();
            const allowed = ['chain', 'platform', 'raw', 'source', 'type', 'value'];
            assert.ok(keys.every((k) => allowed.includes(k)), `unexpected keys ${keys.join(',')}`);
            assert.ok(['raw', 'source', 'type', 'value'].every((k) => keys.includes(k)));
          }
        }
        const e2 = ads[1]!;
        assert.deepEqual(exported.find((ad) => ad.id === e2.adId), {
          id: e2.adId,
          url: e2.url,
          site: 'jobs-abroad.test',
          title: e2.title,
          text: e2.text,
          firstSeen: e2.fetchedAt,
          lastSeen: e2.fetchedAt,
          indicators: [
            { type: 'email', value: 'hr@example.net', raw: 'hr@example.net', source: 'text' },
            { type: 'phone', value: fictionalPhone(41), raw: `tel:${fictionalPhone(41)}`, source: 'html-attr' },
          ],
          location: { text: 'Las Vegas, NV', city: 'Las Vegas', country: 'US' },
          language: 'en',
          age: null,
          prices: [],
          images: [],
          needsBrowser: false,
          truncated: false,
        });
        const e1 = exported.find((ad) => ad.id === ads[0]!.adId)!;
        assert.deepEqual(e1.indicators.find((i) => i.type === 'handle'), { type: 'handle', value: 'sun_e1', platform: 'whatsapp', raw: '@sun_e1', source: 'text' });
        const oneSite = await collect(store.exportAds({ site: 'jobs-abroad.test' }));
        assert.deepEqual(oneSite.map((ad) => ad.id), [e2.adId]);
      }));

    it('summarises counts by type and site and the seen range', () =>
      withStore(makeStore, async (store) => {
        assert.deepEqual(await store.summary(), {
          ads: 0, indicators: 0, indicatorsByType: {}, sites: [], firstSeen: null, lastSeen: null,
          languages: [], countries: [], currencies: [], ages: { stated: 0, under18: 0 },
        });
        await store.upsertAds([
          syntheticAd({ slug: 's1', phones: [fictionalPhone(50), fictionalPhone(51)], emails: ['a@example.com'], fetchedAt: '2024-05-02T00:00:00.000Z', prices: [hourly] }),
          syntheticAd({
            slug: 's2', phones: [fictionalPhone(50)], handles: [{ platform: 'telegram', value: 'shared' }, { platform: 'instagram', value: 'shared' }], fetchedAt: '2024-05-05T00:00:00.000Z',
            language: 'ro', location: { text: 'București', city: 'Bucharest', country: 'RO' }, prices: [monthlyRange, { written: '300 lei', amount: 300, currency: 'RON' }],
            age: { written: '16 ani', min: 16, max: 16 },
          }),
          syntheticAd({
            slug: 's3', site: 'jobs-abroad.test', emails: ['a@example.com'], fetchedAt: '2024-04-20T00:00:00.000Z', language: 'en-GB', location: null,
            prices: [hourly, { written: '$250 per hour', amount: 250, currency: 'USD', per: 'hour' }], age: { written: "I'm 25", min: 25, max: 25 },
          }),
        ]);
        assert.deepEqual(await store.summary(), {
          ads: 3,
          indicators: 5,
          indicatorsByType: { email: 1, handle: 2, phone: 2 },
          sites: [
            { site: 'velvet-nights.test', ads: 2 },
            { site: 'jobs-abroad.test', ads: 1 },
          ],
          firstSeen: '2024-04-20T00:00:00.000Z',
          lastSeen: '2024-05-05T00:00:00.000Z',
          languages: [
            { language: 'en', ads: 2 },
            { language: 'ro', ads: 1 },
          ],
          countries: [
            { country: 'RO', ads: 1 },
            { country: 'US', ads: 1 },
          ],
          currencies: [
            { currency: 'USD', ads: 2 },
            { currency: 'EUR', ads: 1 },
            { currency: 'RON', ads: 1 },
          ],
          ages: { stated: 2, under18: 1 },
        });
      }));

    it('stores the ad attributes (location, language, prices, age) of the latest capture, and exports them', () =>
      withStore(makeStore, async (store) => {
        const older = syntheticAd({
          slug: 'attr', fetchedAt: '2024-05-01T10:00:00.000Z', language: 'es', location: { text: 'Madrid, España', city: 'Madrid', country: 'ES' },
          prices: [monthlyRange], age: { written: 'de 18 a 30 años', min: 18, max: 30 },
        });
        const newer = syntheticAd({ slug: 'attr', fetchedAt: '2024-05-03T10:00:00.000Z', title: 'Updated', language: 'ru', prices: [hourly], age: { written: 'мне 17', min: 17, max: 17 } });
        await store.upsertAds([older]);
        let stored = (await store.getAd(older.adId))!;
        assert.deepEqual([stored.location, stored.language, stored.age, stored.prices], [older.location, 'es', older.age, older.prices]);
        const price = stored.prices[0]!;
        assert.equal(stored.text.slice(price.start, price.end), price.raw, 'price offsets point into the stored text');
        assert.equal(stored.text.slice(stored.age!.start, stored.age!.end), stored.age!.raw);
        await store.upsertAds([newer, older]);
        stored = (await store.getAd(older.adId))!;
        assert.deepEqual([stored.location, stored.language, stored.age, stored.prices], [newer.location, 'ru', newer.age, newer.prices], 'the latest capture wins, whatever the order');
        const [exported] = await collect(store.exportAds());
        assert.deepEqual([exported!.location, exported!.language, exported!.age, exported!.prices], [newer.location, 'ru', newer.age, newer.prices]);
      }));

    it('rejects an invalid ad as a dead letter and writes nothing of its batch', () =>
      withStore(makeStore, async (store) => {
        const good = syntheticAd({ slug: 'g', phones: [fictionalPhone(60)] });
        const bad = { ...syntheticAd({ slug: 'b' }), fetchedAt: 'not a date' };
        await assert.rejects(store.upsertAds([good, bad]), DeadLetterError);
        assert.equal((await store.summary()).ads, 0);
      }));
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '@indicia/core';
import type { IndexStore } from '../index-store.js';
import { withStore } from './index-store-contract.js';
import { fictionalPhone, syntheticAd } from './synthetic-ads.js';

const shared = fictionalPhone(77);

/** Five ads on two sites and two countries, sharing some contacts the way real operators do. */
function corpus() {
  return [
    syntheticAd({ slug: 'c1', title: 'Velvet evenings', body: 'Discreet outcall service near the Strip, available tonight.', phones: [shared], emails: ['velvet@example.com'], handles: [{ platform: 'telegram', value: 'velvet_lv' }], fetchedAt: '2024-05-01T10:00:00.000Z' }),
    syntheticAd({ slug: 'c2', title: 'Orchid massage', body: 'Relaxing massage, new girls weekly.', phones: [shared, fictionalPhone(78)], handles: [{ platform: 'instagram', value: 'velvet_lv' }], fetchedAt: '2024-05-02T10:00:00.000Z' }),
    syntheticAd({ slug: 'c3', title: 'Orchid and velvet', body: 'Private parties, tonight only.', emails: ['velvet@example.com'], fetchedAt: '2024-05-03T10:00:00.000Z', location: { text: 'London', city: 'London', country: 'GB' } }),
    syntheticAd({ slug: 'c4', site: 'jobs-abroad.test', title: 'Waitress wanted in Germany', body: 'Trabajo en España y Alemania: camarera, alojamiento incluido.', phones: ['+447700900123'], fetchedAt: '2024-05-04T10:00:00.000Z', location: { text: 'Berlin', city: 'Berlin', country: 'DE' }, language: 'es' }),
    syntheticAd({ slug: 'c5', site: 'jobs-abroad.test', title: 'Работа в Германии', body: 'Работа официанткой в Германии, жильё бесплатно ✨ звоните.', phones: [shared], linkOnlyPhone: fictionalPhone(79), fetchedAt: '2024-05-05T10:00:00.000Z', location: { text: 'Berlin', country: 'DE' }, language: 'ru' }),
  ];
}

export function describeSearchContract(makeStore: () => Promise<IndexStore>): void {
  describe('search', () => {
    it('finds ads by phone, newest first, with the match, a snippet and all indicators', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        const page = await store.search({ phone: shared });
        assert.equal(page.total, 3);
        assert.deepEqual(page.hits.map((h) => h.adId), [ads[4]!.adId, ads[1]!.adId, ads[0]!.adId]);
        const hit = page.hits[1]!;
        assert.deepEqual(hit.matched, [{ type: 'phone', value: shared }]);
        assert.ok(hit.snippet.includes('«(702) 555-0177»'), hit.snippet);
        assert.deepEqual(hit.indicators, [
          { type: 'handle', value: 'velvet_lv', platform: 'instagram' },
          { type: 'phone', value: shared },
          { type: 'phone', value: fictionalPhone(78) },
        ]);
        assert.equal(hit.url, ads[1]!.url);
        assert.equal(hit.site, 'velvet-nights.test');
        assert.equal(hit.title, 'Orchid massage');
        assert.equal(hit.firstSeen, ads[1]!.fetchedAt);
        assert.equal(hit.lastSeen, ads[1]!.fetchedAt);
        assert.equal(hit.postedAt, '2024-04-30');
        assert.deepEqual(hit.location, { text: 'Las Vegas, NV', city: 'Las Vegas', country: 'US' });
        const linkOnly = await store.search({ phone: fictionalPhone(79) });
        assert.equal(linkOnly.total, 1);
        assert.ok(linkOnly.hits[0]!.snippet.startsWith('Работа официанткой'), 'a match read from a link shows the start of the text');
        const none = await store.search({ phone: fictionalPhone(99) });
        assert.equal(none.total, 0);
        assert.deepEqual(none.hits, []);
      }));

    it('finds ads by email (any case) and by handle on its platform only', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        const byEmail = await store.search({ email: 'Velvet@Example.COM' });
        assert.deepEqual(byEmail.hits.map((h) => h.adId), [ads[2]!.adId, ads[0]!.adId]);
        assert.deepEqual(byEmail.hits[0]!.matched, [{ type: 'email', value: 'velvet@example.com' }]);
        assert.ok(byEmail.hits[0]!.snippet.includes('«velvet@example.com»'));
        const telegram = await store.search({ handle: { platform: 'telegram', value: '@Velvet_LV' } });
        assert.deepEqual(telegram.hits.map((h) => h.adId), [ads[0]!.adId]);
        assert.deepEqual(telegram.hits[0]!.matched, [{ type: 'handle', value: 'velvet_lv', platform: 'telegram' }]);
        const instagram = await store.search({ handle: { platform: 'instagram', value: 'velvet_lv' } });
        assert.deepEqual(instagram.hits.map((h) => h.adId), [ads[1]!.adId]);
      }));

    it('searches text: all words, any case or accent, prefixes, with a marked snippet', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        const orchid = await store.search({ text: 'ORCHID' });
        assert.deepEqual(new Set(orchid.hits.map((h) => h.adId)), new Set([ads[1]!.adId, ads[2]!.adId]));
        assert.equal(orchid.total, 2);
        assert.ok(orchid.hits.every((h) => /«orchid»/i.test(h.snippet)), orchid.hits.map((h) => h.snippet).join(' | '));
        assert.deepEqual(orchid.hits.map((h) => h.matched), [[], []]);
        const both = await store.search({ text: 'orchid tonight' });
        assert.deepEqual(both.hits.map((h) => h.adId), [ads[2]!.adId]);
        assert.deepEqual((await store.search({ text: 'espana' })).hits.map((h) => h.adId), [ads[3]!.adId], 'accents are ignored');
        assert.deepEqual((await store.search({ text: 'camar*' })).hits.map((h) => h.adId), [ads[3]!.adId], 'a trailing * is a prefix');
        assert.equal((await store.search({ text: 'camar' })).total, 0, 'without * a word is whole');
      }));

    it('searches unicode text (Cyrillic, emoji) and marks the match', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        const page = await store.search({ text: 'германии' });
        assert.deepEqual(page.hits.map((h) => h.adId), [ads[4]!.adId]);
        assert.match(page.hits[0]!.snippet, /«Германии»/);
        assert.equal((await store.search({ text: 'жильё' })).total, 1);
        assert.equal((await store.search({ text: '✨' })).total, 0, 'a symbol alone is not a word');
      }));

    it('combines indicator, text, country and site filters with AND', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        assert.deepEqual((await store.search({ phone: shared, site: 'jobs-abroad.test' })).hits.map((h) => h.adId), [ads[4]!.adId]);
        assert.deepEqual((await store.search({ phone: shared, country: 'us' })).hits.map((h) => h.adId), [ads[1]!.adId, ads[0]!.adId]);
        assert.deepEqual((await store.search({ country: 'DE' })).hits.map((h) => h.adId), [ads[4]!.adId, ads[3]!.adId]);
        assert.deepEqual((await store.search({ site: 'velvet-nights.test', country: 'GB' })).hits.map((h) => h.adId), [ads[2]!.adId]);
        const phoneAndText = await store.search({ phone: shared, text: 'massage' });
        assert.deepEqual(phoneAndText.hits.map((h) => h.adId), [ads[1]!.adId]);
        assert.equal(phoneAndText.total, 1);
        assert.ok(phoneAndText.hits[0]!.snippet.includes('«(702) 555-0177»'), 'an indicator match gives the snippet');
        const phoneAndEmail = await store.search({ phone: shared, email: 'velvet@example.com' });
        assert.deepEqual(phoneAndEmail.hits.map((h) => h.adId), [ads[0]!.adId]);
        assert.deepEqual(phoneAndEmail.hits[0]!.matched, [{ type: 'phone', value: shared }, { type: 'email', value: 'velvet@example.com' }]);
        assert.equal((await store.search({ text: 'velvet', country: 'DE' })).total, 0);
        const everything = await store.search({});
        assert.equal(everything.total, 5);
        assert.deepEqual(everything.hits.map((h) => h.adId), [...ads].reverse().map((a) => a.adId));
      }));

    it('pages through results without gaps or repeats, with an exact total', () =>
      withStore(makeStore, async (store) => {
        const phone = fictionalPhone(88);
        const ads = Array.from({ length: 25 }, (_, n) => syntheticAd({ slug: `p${n}`, phones: [phone], fetchedAt: new Date(Date.UTC(2024, 4, 1, 0, n % 7)).toISOString() }));
        await store.upsertAds(ads);
        const seen: string[] = [];
        for (const offset of [0, 10, 20]) {
          const page = await store.search({ phone, limit: 10, offset });
          assert.equal(page.total, 25);
          assert.equal(page.hits.length, offset === 20 ? 5 : 10);
          seen.push(...page.hits.map((h) => h.adId));
        }
        assert.equal(new Set(seen).size, 25);
        const lastSeen = (await Promise.all(seen.map((id) => store.getAd(id)))).map((ad) => ad!.lastSeen);
        assert.deepEqual(lastSeen, [...lastSeen].sort().reverse(), 'newest first across pages');
        assert.deepEqual((await store.search({ phone, offset: 30 })).hits, []);
        await assert.rejects(store.search({ phone, limit: 0 }), UsageError);
        await assert.rejects(store.search({ phone, offset: -1 }), UsageError);
      }));

    it('treats FTS syntax in the text as plain words and never throws on it', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        for (const text of ['"', 'AND(', '(', ')', '*', '-', 'NEAR(velvet orchid)', 'title:velvet', 'velvet"', '"velvet', '^velvet', 'velvet AND', 'NOT', '{title}: x', "'; DROP TABLE ads; --", 'velvet\u0000orchid']) {
          const page = await store.search({ text });
          assert.ok(page.total >= 0, text);
        }
        assert.equal((await store.search({ text: '"' })).total, 0);
        assert.equal((await store.search({ text: 'orchid OR germany' })).total, 0, 'OR is a word to find, not an operator');
        assert.equal((await store.search({ text: 'velvet NOT orchid' })).total, 0, 'NOT is a word to find, not an operator');
        assert.equal((await store.search({ text: 'title:velvet' })).total, 0, 'a column filter is searched as the phrase "title velvet"');
        assert.equal((await store.search({ text: 'velvet:evenings' })).total, 1, 'and such a phrase can match');
        assert.equal((await store.search({ text: '"velvet' })).total, 3);
        assert.equal((await store.summary()).ads, 5);
      }));
  });
}


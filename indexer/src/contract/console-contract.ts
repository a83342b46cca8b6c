import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '@indicia/core';
import { indicatorIdOf } from '../indicator-identity.js';
import { maxCooccurringIndicators, type IndexStore, type SearchQuery } from '../index-store.js';
import { withStore } from './index-store-contract.js';
import { fictionalPhone, syntheticAd } from './synthetic-ads.js';

const phone = fictionalPhone(40);
const otherPhone = fictionalPhone(41);
/** BIP-173's public test vector: a valid address that belongs to no one. */
const bitcoin = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';

/**
 * Six ads over four months and four sites (one a subdomain of another), some seen in several
 * captures, one showing `phone` only from its second capture on. Seen times (first .. last):
 * k1 03-10 .. 05-20, k2 04-02T12:00, k3 04-02T23:30 .. 04-15, k4 05-05, k5 05-06, k6 02-01.
 */
function corpus() {
  const k1 = { slug: 'k1', phones: [phone], emails: ['k1@example.com'] };
  const k3 = { slug: 'k3', site: 'm.velvet-nights.test' };
  return [
    syntheticAd({ ...k1, fetchedAt: '2024-03-10T08:00:00.000Z' }),
    syntheticAd({ ...k1, fetchedAt: '2024-05-20T09:00:00.000Z' }),
    syntheticAd({ slug: 'k2', phones: [phone, otherPhone], domains: ['orchid-booking.test'], fetchedAt: '2024-04-02T12:00:00.000Z', location: { text: 'Berlin', country: 'DE' } }),
    syntheticAd({ ...k3, phones: [otherPhone], fetchedAt: '2024-04-02T23:30:00.000Z' }),
    syntheticAd({ ...k3, phones: [otherPhone, phone], body: 'Back with a new number.', fetchedAt: '2024-04-15T07:00:00.000Z' }),
    syntheticAd({
      slug: 'k4',
      site: 'jobs-abroad.test',
      title: 'Waitress wanted in London',
      phones: [phone],
      cryptos: [{ chain: 'bitcoin', address: bitcoin }],
      handles: [{ platform: 'telegram', value: 'jobs_k4' }],
      fetchedAt: '2024-05-05T10:00:00.000Z',
      location: { text: 'London', country: 'GB' },
    }),
    syntheticAd({ slug: 'k5', site: 'jobs-abroad.test', title: 'Waitress wanted', fetchedAt: '2024-05-06T00:00:00.000Z', location: null }),
    syntheticAd({ slug: 'k6', site: 'notvelvet-nights.test', emails: ['k1@example.com'], domains: ['velvet-nights.test'], fetchedAt: '2024-02-01T10:00:00.000Z' }),
  ];
}

/** The ad ids of the corpus by slug. */
function idsOf(ads: ReturnType<typeof corpus>): Record<string, string> {
  return Object.fromEntries(ads.map((ad) => [ad.url.split('/').at(-1)!, ad.adId]));
}

async function idSet(store: IndexStore, query: SearchQuery): Promise<Set<string>> {
  const page = await store.search({ limit: 100, ...query });
  assert.equal(page.total, page.hits.length, JSON.stringify(query));
  return new Set(page.hits.map((hit) => hit.adId));
}

export function describeConsoleContract(makeStore: () => Promise<IndexStore>): void {
  describe('console queries', () => {
    it('filters by the time an ad was seen: overlapping ranges, whole days, zones, matched strictly after', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        const id = idsOf(ads);
        const set = (...slugs: string[]) => new Set(slugs.map((slug) => id[slug]));
        assert.deepEqual(await idSet(store, { seenFrom: '2024-05-01' }), set('k1', 'k4', 'k5'), 'seen on or after: last seen counts');
        assert.deepEqual(await idSet(store, { seenTo: '2024-04-02' }), set('k1', 'k2', 'k3', 'k6'), 'a bare date closes at the end of that day');
        assert.deepEqual(await idSet(store, { seenFrom: '2024-04-03', seenTo: '2024-04-30' }), set('k1', 'k3'), 'an ad seen across the range overlaps it');
        assert.deepEqual(await idSet(store, { seenTo: '2024-04-02T23:00:00Z' }), set('k1', 'k2', 'k6'));
        assert.deepEqual(await idSet(store, { seenTo: '2024-04-03T01:00:00+02:00' }), set('k1', 'k2', 'k6'), 'an offset is the same instant in UTC');
        assert.deepEqual(await idSet(store, { matchedAfter: '2024-05-05T10:00:00.000Z' }), set('k5'), 'strictly after');
        assert.deepEqual(await idSet(store, { matchedAfter: '2024-05-04' }), set('k4', 'k5'), 'after a bare date is after that whole day');
        assert.deepEqual(await idSet(store, { phone, seenFrom: '2024-05-01' }), set('k1', 'k4'));
        assert.deepEqual(await idSet(store, { text: 'waitress', matchedAfter: '2024-05-05T10:00:00Z' }), set('k5'));
        // k3 was first seen on 04-02 without the phone, and shows it from its capture of 04-15 on.
        assert.deepEqual(await idSet(store, { phone, matchedAfter: '2024-04-10' }), set('k3', 'k4'), 'an old ad that newly holds the indicator is a new match');
        assert.deepEqual(await idSet(store, { phone, email: 'k1@example.com', matchedAfter: '2024-04-10' }), set(), 'k1 held both before');
        assert.deepEqual(await idSet(store, { phone, matchedAfter: '2024-05-05' }), set());
        assert.deepEqual(await idSet(store, { site: 'velvet-nights.test', seenFrom: '', seenTo: ' ' }), set('k1', 'k2'), 'empty bounds are no bounds');
        for (const bad of ['2024-13-01', '2024-02-30', 'yesterday', '2024-05-01T10:00', '1714557600000']) {
          await assert.rejects(store.search({ seenFrom: bad }), UsageError, bad);
          await assert.rejects(store.search({ matchedAfter: bad }), UsageError, bad);
        }
      }));

    it('filters by indicator type and finds any indicator by its identity', () =>
      withStore(makeStore, async (store) => {
        const ads = corpus();
        await store.upsertAds(ads);
        const id = idsOf(ads);
        const set = (...slugs: string[]) => new Set(slugs.map((slug) => id[slug]));
        assert.deepEqual(await idSet(store, { indicatorType: 'domain' }), set('k2', 'k6'));
        assert.deepEqual(await idSet(store, { indicatorType: 'email' }), set('k1', 'k6'));
        assert.deepEqual(await idSet(store, { indicatorType: 'phone', site: 'jobs-abroad.test' }), set('k4'));
        assert.deepEqual(await idSet(store, { text: 'waitress', indicatorType: 'handle' }), set('k4'));
        assert.deepEqual(await idSet(store, { phone, indicatorType: 'crypto' }), set('k4'));
        await assert.rejects(store.search({ indicatorType: 'passport' as never }), UsageError);
        const crypto = await store.search({ indicator: { type: 'crypto', chain: 'bitcoin', value: bitcoin } });
        assert.deepEqual(crypto.hits.map((hit) => hit.adId), [id.k4]);
        assert.deepEqual(crypto.hits[0]!.matched, [{ type: 'crypto', value: bitcoin, chain: 'bitcoin' }]);
        assert.ok(crypto.hits[0]!.snippet.includes(`«${bitcoin}»`), crypto.hits[0]!.snippet);
        assert.deepEqual(await idSet(store, { indicator: { type: 'domain', value: 'Orchid-Booking.TEST' } }), set('k2'), 'domains are matched lowercased');
        assert.deepEqual(await idSet(store, { indicator: { type: 'handle', platform: 'Telegram', value: '@JOBS_K4' } }), set('k4'));
        const twice = await store.search({ phone, indicator: { type: 'phone', value: phone } });
        assert.deepEqual(twice, await store.search({ phone }), 'the same indicator asked for twice is one condition');
        assert.deepEqual(await idSet(store, { phone, indicator: { type: 'phone', value: otherPhone } }), set('k2', 'k3'));
        await assert.rejects(store.search({ indicator: { type: 'handle', value: 'jobs_k4' } }), UsageError, 'a handle needs its platform');
        await assert.rejects(store.search({ indicator: { type: 'crypto', value: bitcoin } }), UsageError, 'an address needs its chain');
      }));

    it('counts facets over the whole match set, whatever the page, for every kind of query', () =>
      withStore(makeStore, async (store) => {
        await store.upsertAds(corpus());
        const all = await store.search({ facets: true, limit: 1 });
        assert.equal(all.total, 6);
        assert.equal(all.hits.length, 1);
        assert.deepEqual(all.facets, {
          sites: [
            { value: 'jobs-abroad.test', count: 2 },
            { value: 'velvet-nights.test', count: 2 },
            { value: 'm.velvet-nights.test', count: 1 },
            { value: 'notvelvet-nights.test', count: 1 },
          ],
          countries: [
            { value: 'US', count: 3 },
            { value: 'DE', count: 1 },
            { value: 'GB', count: 1 },
          ],
          types: [
            { value: 'phone', count: 4 },
            { value: 'domain', count: 2 },
            { value: 'email', count: 2 },
            { value: 'crypto', count: 1 },
            { value: 'handle', count: 1 },
          ],
        });
        const byPhone = await store.search({ phone, facets: true, limit: 1, offset: 2 });
        assert.deepEqual(byPhone.facets, {
          sites: [
            { value: 'velvet-nights.test', count: 2 },
            { value: 'jobs-abroad.test', count: 1 },
            { value: 'm.velvet-nights.test', count: 1 },
          ],
          countries: [
            { value: 'US', count: 2 },
            { value: 'DE', count: 1 },
            { value: 'GB', count: 1 },
          ],
          types: [
            { value: 'phone', count: 4 },
            { value: 'crypto', count: 1 },
            { value: 'domain', count: 1 },
            { value: 'email', count: 1 },
            { value: 'handle', count: 1 },
          ],
        });
        const jobs = {
          sites: [{ value: 'jobs-abroad.test', count: 2 }],
          countries: [{ value: 'GB', count: 1 }],
          types: [
            { value: 'crypto', count: 1 },
            { value: 'handle', count: 1 },
            { value: 'phone', count: 1 },
          ],
        };
        const byText = await store.search({ text: 'waitress', facets: true });
        assert.equal(byText.totalIsLowerBound, false);
        assert.deepEqual(byText.facets, jobs);
        assert.deepEqual((await store.search({ site: 'jobs-abroad.test', facets: true })).facets, jobs);
        assert.deepEqual((await store.search({ site: 'jobs-abroad.test', seenTo: '2024-05-05', facets: true })).facets, {
          sites: [{ value: 'jobs-abroad.test', count: 1 }],
          countries: [{ value: 'GB', count: 1 }],
          types: jobs.types,
        });
        const none = { sites: [], countries: [], types: [] };
        assert.deepEqual((await store.search({ phone: fictionalPhone(99), facets: true })).facets, none);
        assert.deepEqual((await store.search({ text: 'nowhere', facets: true })).facets, none);
        assert.deepEqual((await store.search({ country: 'FR', facets: true })).facets, none);
        assert.equal('facets' in (await store.search({ phone })), false, 'facets only when asked for');
      }));

    it('profiles an indicator: link times, timeline by day or month, sites, co-occurring indicators', () =>
      withStore(makeStore, async (store) => {
        await store.upsertAds(corpus());
        const profile = await store.indicatorProfile({ type: 'phone', value: phone });
        assert.deepEqual(profile, {
          indicator: { type: 'phone', value: phone },
          ads: 4,
          firstSeen: '2024-03-10T08:00:00.000Z',
          lastSeen: '2024-05-20T09:00:00.000Z',
          // k3 was first seen on 04-02 but showed the phone only from 04-15.
          timeline: [
            { period: '2024-03-10', ads: 1 },
            { period: '2024-04-02', ads: 1 },
            { period: '2024-04-15', ads: 1 },
            { period: '2024-05-05', ads: 1 },
          ],
          sites: [
            { site: 'velvet-nights.test', ads: 2, firstSeen: '2024-03-10T08:00:00.000Z', lastSeen: '2024-05-20T09:00:00.000Z' },
            { site: 'jobs-abroad.test', ads: 1, firstSeen: '2024-05-05T10:00:00.000Z', lastSeen: '2024-05-05T10:00:00.000Z' },
            { site: 'm.velvet-nights.test', ads: 1, firstSeen: '2024-04-15T07:00:00.000Z', lastSeen: '2024-04-15T07:00:00.000Z' },
          ],
          cooccurring: [
            { type: 'phone', value: otherPhone, ads: 2 },
            { type: 'crypto', value: bitcoin, chain: 'bitcoin', ads: 1 },
            { type: 'domain', value: 'orchid-booking.test', ads: 1 },
            { type: 'email', value: 'k1@example.com', ads: 1 },
            { type: 'handle', value: 'jobs_k4', platform: 'telegram', ads: 1 },
          ],
        });
        const monthly = await store.indicatorProfile({ type: 'phone', value: phone }, { bucket: 'month' });
        assert.deepEqual(monthly?.timeline, [
          { period: '2024-03', ads: 1 },
          { period: '2024-04', ads: 2 },
          { period: '2024-05', ads: 1 },
        ]);
        const email = await store.indicatorProfile({ type: 'email', value: 'K1@Example.com' });
        assert.deepEqual(email?.indicator, { type: 'email', value: 'k1@example.com' });
        assert.deepEqual(email?.sites.map((site) => site.site), ['notvelvet-nights.test', 'velvet-nights.test']);
        assert.deepEqual(email?.cooccurring, [
          { type: 'domain', value: 'velvet-nights.test', ads: 1 },
          { type: 'phone', value: phone, ads: 1 },
        ]);
        const handle = await store.indicatorProfile({ type: 'handle', platform: 'telegram', value: '@Jobs_K4' });
        assert.equal(handle?.ads, 1);
        assert.equal(await store.indicatorProfile({ type: 'phone', value: fictionalPhone(99) }), null);
        assert.equal(await store.indicatorProfile({ type: 'handle', platform: 'kik', value: 'jobs_k4' }), null, 'a handle is one platform\'s');
        await assert.rejects(store.indicatorProfile({ type: 'phone', value: phone }, { bucket: 'week' as never }), UsageError);
      }));

    it(`lists the ${maxCooccurringIndicators} indicators sharing the most ads, ties cut by indicator id`, () =>
      withStore(makeStore, async (store) => {
        const hub = fictionalPhone(50);
        const emails = Array.from({ length: 60 }, (_, n) => `e${String(n).padStart(2, '0')}@example.com`);
        await store.upsertAds([
          syntheticAd({ slug: 'hub-1', phones: [hub], emails }),
          syntheticAd({ slug: 'hub-2', phones: [hub], emails: [emails[17]!, emails[5]!] }),
        ]);
        const profile = await store.indicatorProfile({ type: 'phone', value: hub });
        const kept = emails
          .filter((_, n) => n !== 5 && n !== 17)
          .map((value) => ({ value, id: indicatorIdOf({ type: 'email', value }) }))
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .slice(0, maxCooccurringIndicators - 2)
          .map(({ value }) => value)
          .sort();
        assert.deepEqual(profile?.cooccurring, [
          { type: 'email', value: emails[5], ads: 2 },
          { type: 'email', value: emails[17], ads: 2 },
          ...kept.map((value) => ({ type: 'email', value, ads: 1 })),
        ]);
      }));

    it('lists sites and counts the ads a domain hosts (subdomains too) and is named in', () =>
      withStore(makeStore, async (store) => {
        assert.deepEqual(await store.listSites(), []);
        await store.upsertAds(corpus());
        assert.deepEqual(await store.listSites(), [
          { site: 'jobs-abroad.test', ads: 2, firstSeen: '2024-05-05T10:00:00.000Z', lastSeen: '2024-05-06T00:00:00.000Z' },
          { site: 'velvet-nights.test', ads: 2, firstSeen: '2024-03-10T08:00:00.000Z', lastSeen: '2024-05-20T09:00:00.000Z' },
          { site: 'm.velvet-nights.test', ads: 1, firstSeen: '2024-04-02T23:30:00.000Z', lastSeen: '2024-04-15T07:00:00.000Z' },
          { site: 'notvelvet-nights.test', ads: 1, firstSeen: '2024-02-01T10:00:00.000Z', lastSeen: '2024-02-01T10:00:00.000Z' },
        ]);
        assert.deepEqual(await store.domainAds('Velvet-Nights.test.'), { domain: 'velvet-nights.test', hosted: 3, mentioning: 1 });
        assert.deepEqual(await store.domainAds('orchid-booking.test'), { domain: 'orchid-booking.test', hosted: 0, mentioning: 1 });
        assert.deepEqual(await store.domainAds('nights.test'), { domain: 'nights.test', hosted: 0, mentioning: 0 }, 'a suffix of a label is not a subdomain');
        for (const bad of ['', 'velvet nights.test', 'velvet-nights.test/ads', '*.test']) await assert.rejects(store.domainAds(bad), UsageError, bad);
      }));
  });
}

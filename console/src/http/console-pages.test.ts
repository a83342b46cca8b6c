import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adIdFor, sha256Hex } from '@indicia/core';
import { SqliteIndexStore } from '@indicia/indexer';
import { ConsoleHarness, type Session } from '../test-support/console-harness.js';
import { fixtureAd, fixtureAds, pngSha256, sharedEmail, sharedPhone } from '../test-support/fixture-ads.js';
import { fixtureEvidence, htmlBlob } from '../test-support/fixture-ports.js';
import { fixtureDns, fixtureRegistrations } from '../test-support/fixture-registrations.js';

/** A time strictly after every time taken before the call (stored times have millisecond resolution). */
async function msLater(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return new Date().toISOString();
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('console pages over a SQLite index: search, ad, indicator, domain, graph, watchlists, export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indicia-console-pages-'));
  let store: SqliteIndexStore;
  let harness: ConsoleHarness;
  let analyst: Session;
  const firstAd = adIdFor('http://velvet-nights.test/ads/1');

  before(async () => {
    store = SqliteIndexStore.open(join(dir, 'index.sqlite'));
    await store.upsertAds(fixtureAds);
    await store.registrations.recordRegistrations(fixtureRegistrations);
    await store.registrations.recordDns(fixtureDns);
    harness = await ConsoleHarness.start(store, { evidence: fixtureEvidence(new Map([[sha256Hex(htmlBlob), htmlBlob]])) });
    analyst = await harness.login('analyst');
  });
  after(async () => {
    await harness.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => harness.json<Json>('GET', path, { cookie: analyst.cookie });

  it('the UI shell: a fresh nonce per response, in the CSP and in the page, and the other security headers', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/search', '/ads/abc', '/login']) {
      const response = await harness.call('GET', path);
      const html = await response.text();
      assert.equal(response.status, 200, path);
      const csp = response.headers.get('content-security-policy')!;
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, csp);
      assert.ok(html.includes(`nonce="${nonce}"`), 'the page carries the nonce of its own CSP');
      assert.match(csp, /default-src 'none'; script-src 'nonce-[^']+' 'strict-dynamic'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'/);
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      nonces.push(nonce);
    }
    assert.equal(new Set(nonces).size, nonces.length, 'never the same nonce twice');
    assert.equal((await harness.call('GET', '/etc/passwd')).status, 404);
    assert.equal((await harness.call('GET', '/assets/../../index.sqlite')).status, 404);
  });

  it('search: the box read as a phone, facets over the whole match set, thumbnails, filters, pagination', async () => {
    const { status, body } = await get(`/api/v1/search?q=${encodeURIComponent(sharedPhone)}&limit=2`);
    assert.equal(status, 200);
    assert.deepEqual(body.readAs, [{ as: 'phone', value: sharedPhone }]);
    assert.equal(body.total, 3);
    assert.equal(body.hits.length, 2);
    assert.deepEqual(body.facets.sites, [{ value: 'velvet-nights.test', count: 2 }, { value: 'abroad-jobs.test', count: 1 }]);
    const all = await get(`/api/v1/search?q=${encodeURIComponent(sharedPhone)}&offset=2&limit=2`);
    const withImage = [...body.hits, ...all.body.hits].find((hit: Json) => hit.adId === firstAd);
    assert.deepEqual(withImage.thumbnails, [{ sha256: pngSha256 }]);
    const filtered = await get(`/api/v1/search?q=${encodeURIComponent(sharedPhone)}&site=abroad-jobs.test&from=2024-06-01&type=handle`);
    assert.deepEqual(filtered.body.hits.map((hit: Json) => hit.site), ['abroad-jobs.test']);
    const text = await get('/api/v1/search?q=hostess');
    assert.deepEqual(text.body.readAs, [{ as: 'text', value: 'hostess' }]);
    assert.equal(text.body.total, 1);
    assert.match(text.body.hits[0].snippet, /«Hostess»/i);
    assert.equal((await get('/api/v1/search?type=nonsense')).status, 400);
    assert.equal((await get('/api/v1/search?limit=100000')).status, 400);
  });

  it('ad: the stored ad with its captures; the captured HTML under a sandbox CSP; screenshots and images typed by magic bytes', async () => {
    const { status, body } = await get(`/api/v1/ads/${firstAd}`);
    assert.equal(status, 200);
    assert.equal(body.title, 'Anna, new in town');
    assert.equal(body.captures.length, 1);
    assert.equal(body.captures[0].captureId, body.latestCaptureId);
    const html = await harness.call('GET', `/api/v1/ads/${firstAd}/captures/${body.latestCaptureId}/html`, { cookie: analyst.cookie });
    assert.equal(html.status, 200);
    assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(html.headers.get('content-security-policy')!, /^sandbox; default-src 'none'; style-src 'unsafe-inline'/);
    assert.doesNotMatch(html.headers.get('content-security-policy')!, /script-src|connect-src/);
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await html.text(), /<script>/, 'served as captured: the CSP and the sandbox disarm it');
    assert.equal((await harness.call('GET', `/api/v1/ads/${firstAd}/captures/not-its-capture/html`, { cookie: analyst.cookie })).status, 404);
    const screenshot = await harness.call('GET', `/api/v1/ads/${firstAd}/captures/${body.latestCaptureId}/screenshot`, { cookie: analyst.cookie });
    assert.equal(screenshot.headers.get('content-type'), 'image/png');
    const image = await harness.call('GET', `/api/v1/images/${pngSha256}`, { cookie: analyst.cookie });
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await harness.call('GET', `/api/v1/images/${sha256Hex(htmlBlob)}`, { cookie: analyst.cookie })).status, 415);
    assert.equal((await harness.call('GET', `/api/v1/images/${'0'.repeat(64)}`, { cookie: analyst.cookie })).status, 404);
    assert.equal((await get('/api/v1/ads/no-such-ad')).status, 404);
  });

  it('indicator: counts, timeline, sites, co-occurring indicators, registrations holding it, first hits', async () => {
    const { status, body } = await get(`/api/v1/indicators/email/${encodeURIComponent(sharedEmail.toUpperCase())}`);
    assert.equal(status, 200);
    assert.equal(body.ads, 2);
    assert.deepEqual(body.timeline, [{ period: '2024-05-01', ads: 1 }, { period: '2024-06-10', ads: 1 }]);
    assert.deepEqual(body.sites.map((site: Json) => site.site).sort(), ['abroad-jobs.test', 'velvet-nights.test']);
    assert.ok(body.cooccurring.some((other: Json) => other.type === 'phone' && other.value === sharedPhone && other.ads === 2));
    assert.deepEqual(body.registrations.map((match: Json) => match.domain).sort(), ['abroad-jobs.test', 'velvet-nights.test']);
    assert.equal(body.hits.length, 2);
    const monthly = await get(`/api/v1/indicators/phone/${encodeURIComponent(sharedPhone)}?bucket=month`);
    assert.deepEqual(monthly.body.timeline, [{ period: '2024-05', ads: 2 }, { period: '2024-06', ads: 1 }]);
    const handle = await get('/api/v1/indicators/handle/anna_fx?platform=telegram');
    assert.equal(handle.body.ads, 1);
    assert.equal((await get('/api/v1/indicators/phone/%2B19995550100')).status, 404);
    assert.equal((await get('/api/v1/indicators/password/x')).status, 400);
  });

  it('domain: history newest first with the changed fields, DNS, pivots with their domain counts, ads', async () => {
    const { status, body } = await get('/api/v1/domains/Velvet-Nights.test');
    assert.equal(status, 200);
    assert.deepEqual(body.registrations.map((snapshot: Json) => snapshot.observedAt), ['2024-06-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z']);
    assert.deepEqual(body.registrations[0].changed, ['registrant.email', 'updatedAt']);
    assert.deepEqual(body.registrations[1].changed, []);
    assert.equal(body.dns.length, 1);
    const pivot = body.pivots.find((p: Json) => p.field === 'registrant.email' && p.value === sharedEmail);
    assert.equal(pivot.domains, 2);
    assert.equal(body.ads, 2);
    const reverse = await get(`/api/v1/reverse?email=${encodeURIComponent(sharedEmail)}`);
    assert.deepEqual(reverse.body.matches.map((match: Json) => match.domain).sort(), ['abroad-jobs.test', 'velvet-nights.test']);
    assert.equal((await get('/api/v1/reverse?email=a@example.com&phone=%2B17025550134')).status, 400);
  });

  it('graph: the neighbourhood of a seed with clusters; phone, email and ad seeds', async () => {
    const { status, body } = await get(`/api/v1/graph?seed=phone:${encodeURIComponent(sharedPhone)}&depth=1`);
    assert.equal(status, 200);
    const ads = body.nodes.filter((node: Json) => node.type === 'ad').map((node: Json) => node.id).sort();
    assert.deepEqual(ads, fixtureAds.slice(0, 3).map((ad) => `ad:${ad.adId}`).sort());
    const clusters = new Set(body.nodes.filter((node: Json) => node.type === 'ad').map((node: Json) => node.cluster));
    assert.equal(clusters.size, 1, 'ads sharing a phone are one cluster');
    assert.ok(body.edges.every((edge: Json) => edge.strength === 'strong' || edge.strength === 'weak'));
    assert.ok(body.edges.some((edge: Json) => edge.kind === 'contains' && edge.target === `phone:${sharedPhone}`));
    assert.equal((await get(`/api/v1/graph?seed=ad:${firstAd}&depth=2`)).status, 200);
    assert.equal((await get('/api/v1/graph?seed=phone:%2B19995550100')).status, 404);
    assert.equal((await get(`/api/v1/graph?seed=email:${sharedEmail}&depth=4`)).status, 400);
  });

  it('watchlists: an indicator saved, new matches since the last visit flagged (new ads, and old ads newly showing it); another user cannot see it', async () => {
    const created = await harness.json<Json>('POST', '/api/v1/watchlists', { cookie: analyst.cookie, csrf: analyst.csrf, body: { name: 'Anna', indicator: { type: 'phone', value: sharedPhone } } });
    assert.equal(created.status, 201);
    const list = await get('/api/v1/watchlists');
    assert.equal(list.body[0].newMatches, 0, 'every ad was seen before the list was made');
    const newAd = fixtureAd({ site: 'abroad-jobs.test', slug: '9', title: 'Posted after the list was made', body: 'Same phone again.', fetchedAt: await msLater(), phones: [sharedPhone] });
    await store.upsertAds([newAd]);
    const later = await get('/api/v1/watchlists');
    assert.equal(later.body[0].newMatches, 1);
    const detail = await get(`/api/v1/watchlists/${created.body.id}`);
    assert.deepEqual(detail.body.hits.filter((hit: Json) => hit.isNew).map((hit: Json) => hit.adId), [newAd.adId]);
    const query = await harness.json<Json>('POST', '/api/v1/watchlists', { cookie: analyst.cookie, csrf: analyst.csrf, body: { name: 'hostess jobs', query: { q: 'hostess', site: 'abroad-jobs.test' } } });
    assert.equal(query.status, 201);
    const admin = await harness.login('admin');
    assert.equal((await harness.call('GET', `/api/v1/watchlists/${created.body.id}`, { cookie: admin.cookie })).status, 404);
    assert.equal((await harness.call('DELETE', `/api/v1/watchlists/${created.body.id}`, { cookie: admin.cookie, csrf: admin.csrf })).status, 404);
    // An ad from long before the list, without the phone; after the visit it is captured again showing it.
    const oldAd = { site: 'abroad-jobs.test', slug: '10', title: 'Hostess wanted', body: 'Write to the agency.' };
    await store.upsertAds([fixtureAd({ ...oldAd, fetchedAt: '2024-01-01T00:00:00.000Z' })]);
    await msLater();
    await harness.json('POST', `/api/v1/watchlists/${created.body.id}/visit`, { cookie: analyst.cookie, csrf: analyst.csrf });
    assert.equal((await get('/api/v1/watchlists')).body[0].newMatches, 0);
    const edited = fixtureAd({ ...oldAd, body: 'Now call Anna.', fetchedAt: await msLater(), phones: [sharedPhone] });
    await store.upsertAds([edited]);
    assert.equal((await get('/api/v1/watchlists')).body[0].newMatches, 1, 'an old ad newly showing the watched phone is a new match');
    const afterEdit = await get(`/api/v1/watchlists/${created.body.id}`);
    assert.deepEqual(afterEdit.body.hits.filter((hit: Json) => hit.isNew).map((hit: Json) => hit.adId), [edited.adId]);
    assert.equal(afterEdit.body.newMatches, 1);
    assert.equal((await harness.call('DELETE', `/api/v1/watchlists/${created.body.id}`, { cookie: analyst.cookie, csrf: analyst.csrf })).status, 204);
  });

  it('export: CSV with formula cells neutralised, JSONL, STIX and Maltego of a result set, as attachments', async () => {
    const csv = await harness.call('GET', `/api/v1/export?format=csv&q=${encodeURIComponent(sharedPhone)}`, { cookie: analyst.cookie });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition')!, /^attachment; filename="indicia-\d+\.csv"$/);
    const text = await csv.text();
    assert.match(text, /^"id","title","phones"\r\n/);
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), text);
    assert.ok(!/(^|,)"=/m.test(text), 'no cell starts with =');
    assert.ok(text.includes(`"${sharedPhone}"`), 'an E.164 phone keeps its +');
    const jsonl = await (await harness.call('GET', `/api/v1/export?format=jsonl&q=${encodeURIComponent(sharedPhone)}`, { cookie: analyst.cookie })).text();
    const lines = jsonl.trim().split('\n').map((line) => JSON.parse(line) as Json);
    assert.equal(lines.length, 5, 'the three fixture ads and the two the watchlist test added or edited to show the phone');
    assert.ok(lines.every((ad) => !('versions' in ad) && Array.isArray(ad.indicators)));
    const stix = await harness.json<Json>('GET', `/api/v1/export?format=stix&q=${encodeURIComponent(sharedEmail)}`, { cookie: analyst.cookie });
    assert.equal(stix.body.type, 'bundle');
    assert.ok(stix.body.objects.some((object: Json) => object.type === 'email-addr' && object.value === sharedEmail));
    const mtgx = await harness.call('GET', `/api/v1/export?format=maltego&q=${encodeURIComponent(sharedEmail)}`, { cookie: analyst.cookie });
    assert.equal(mtgx.headers.get('content-type'), 'application/zip');
    assert.equal(Buffer.from(await mtgx.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK');
    assert.equal((await harness.call('GET', '/api/v1/export?format=xlsx', { cookie: analyst.cookie })).status, 400);
    assert.equal((await harness.call('GET', '/api/v1/export?format=csv&from=yesterday', { cookie: analyst.cookie })).status, 400, 'a bad query is refused before the download starts');
  });
});

import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { ElasticsearchIndexStore, type IndexStore } from '@indicia/indexer';
import { ConsoleHarness, type Session } from '../test-support/console-harness.js';
import { fixtureAds, sharedEmail, sharedPhone } from '../test-support/fixture-ads.js';

/** The node infra/elasticsearch.sh starts, unless the environment names another (as the indexer's tests find it). */
const esUrl = process.env.INDICIA_TEST_ES_URL ?? 'http://127.0.0.1:9200';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Deletes this test's indices and templates, each by name (Elasticsearch refuses wildcard deletes). */
async function removeIndices(prefix: string): Promise<void> {
  const indices = (await (await fetch(`${esUrl}/_cat/indices/${prefix}-*?format=json&h=index`)).json()) as Array<{ index: string }>;
  for (const { index } of indices) await fetch(`${esUrl}/${index}`, { method: 'DELETE' });
  const templates = await fetch(`${esUrl}/_index_template/${prefix}-*`);
  if (templates.ok) for (const { name } of ((await templates.json()) as { index_templates: Array<{ name: string }> }).index_templates) await fetch(`${esUrl}/_index_template/${name}`, { method: 'DELETE' });
}

describe('the console over the Elasticsearch store: search, ad and indicator through the API', () => {
  const prefix = `indicia-test-console-${process.pid}-${Date.now().toString(36)}`;
  let store: IndexStore;
  let harness: ConsoleHarness;
  let viewer: Session;

  before(async () => {
    store = await ElasticsearchIndexStore.open({ node: esUrl, indexPrefix: prefix, retryBudgetMs: 10_000 });
    await store.upsertAds(fixtureAds);
    harness = await ConsoleHarness.start(store);
    viewer = await harness.login('viewer');
  });
  after(async () => {
    await harness?.close();
    await store?.close();
    await removeIndices(prefix);
  });

  it('search by phone with facets, the ad page, and the indicator page answer as on SQLite', async () => {
    const search = await harness.json<Json>('GET', `/api/v1/search?q=${encodeURIComponent(sharedPhone)}`, { cookie: viewer.cookie });
    assert.equal(search.status, 200);
    assert.equal(search.body.total, 3);
    assert.deepEqual(search.body.facets.sites, [{ value: 'velvet-nights.test', count: 2 }, { value: 'abroad-jobs.test', count: 1 }]);
    const ad = await harness.json<Json>('GET', `/api/v1/ads/${fixtureAds[2]!.adId}`, { cookie: viewer.cookie });
    assert.equal(ad.status, 200);
    assert.equal(ad.body.title, 'Hostess wanted abroad');
    assert.deepEqual(ad.body.indicators.map((indicator: Json) => indicator.value).sort(), ['+13125550199', sharedPhone, 'anna_fx', sharedEmail].sort());
    const indicator = await harness.json<Json>('GET', `/api/v1/indicators/email/${encodeURIComponent(sharedEmail)}`, { cookie: viewer.cookie });
    assert.equal(indicator.status, 200);
    assert.equal(indicator.body.ads, 2);
    assert.deepEqual(indicator.body.timeline, [{ period: '2024-05-01', ads: 1 }, { period: '2024-06-10', ads: 1 }]);
    assert.equal(indicator.body.hits.length, 2);
    const text = await harness.json<Json>('GET', '/api/v1/search?q=hostess', { cookie: viewer.cookie });
    assert.deepEqual(text.body.hits.map((hit: Json) => hit.adId), [fixtureAds[2]!.adId]);
  });
});

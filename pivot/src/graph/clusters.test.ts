import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { syntheticAdsPerOperator, syntheticGraphAds } from '../test-support/synthetic-graph-ads.js';
import { buildLinkGraph } from './build-graph.js';
import { clusterMembership, clusters } from './clusters.js';

const graph = buildLinkGraph({ ads: fixtureAds, registrations: fixtureRegistrations, dns: fixtureDns });

test('clusters are components over strong identifiers, largest first, with their indicators, sites and dates', () => {
  const found = clusters(graph);
  const operatorA = found[0]!;
  assert.deepEqual(operatorA.ads, ['a1', 'a2', 'a3']);
  assert.deepEqual(operatorA.domains, ['lena10vip.example', 'second-op.example']);
  assert.deepEqual(operatorA.sites, ['jobs-board.test', 'velvet-nights.test']);
  assert.equal(operatorA.firstSeen, '2024-01-15T08:00:00.000Z');
  assert.equal(operatorA.lastSeen, '2024-03-02T00:00:00.000Z');
  assert.deepEqual(operatorA.indicators.filter((i) => i.type !== 'url').map((i) => [i.type, i.value]), [
    ['crypto', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
    ['email', 'boss@ops.example'], ['email', 'lena@mailbox.example'], ['email', 'new@ops.example'],
    ['handle', 'lena_10'],
    ['phone', '+17025550134'], ['phone', '+17025550188'],
  ]);
  const byAds = new Map(found.map((cluster) => [cluster.ads.join(','), cluster]));
  assert.deepEqual(byAds.get('b1')!.domains, ['b-site.example'], "operator B's ad joins its domain through the registrant phone");
  assert.deepEqual(byAds.get('c1')!.domains, [], 'a link to its own site does not pull an ad into the site domain');
  const membership = clusterMembership(graph);
  assert.notEqual(membership.get('domain:proxied-one.example'), membership.get('domain:proxied-two.example'), 'a shared privacy proxy does not merge domains');
  assert.ok(!found.some((cluster) => cluster.domains.includes('mailbox.example')), 'a lone mail-provider domain is not a cluster');
  assert.ok(found.every((cluster, index) => index === 0 || cluster.ads.length <= found[index - 1]!.ads.length));
});

test('weak links merge only when asked, by the kind of node they share', () => {
  const membership = clusterMembership(graph);
  assert.notEqual(membership.get('domain:lena10vip.example'), membership.get('domain:b-site.example'));
  const byIp = clusterMembership(graph, { mergeWeak: ['ip'] });
  assert.equal(byIp.get('domain:lena10vip.example'), byIp.get('domain:b-site.example'));
  assert.notEqual(byIp.get('ad:c1'), byIp.get('ad:a1'));
  const bySite = clusters(graph, { mergeWeak: ['site'] });
  assert.deepEqual(bySite[0]!.ads, ['a1', 'a2', 'a3', 'b1', 'c1']);
});

test('cluster ids are stable: the same data in another order gives the same ids', () => {
  const reversed = buildLinkGraph({ ads: [...fixtureAds].reverse(), registrations: [...fixtureRegistrations].reverse(), dns: fixtureDns });
  assert.deepEqual(clusters(reversed).map((c) => c.id), clusters(graph).map((c) => c.id));
  assert.match(clusters(graph)[0]!.id, /^cluster:[0-9a-f]{16}$/);
});

/** 100k synthetic ads: 25k operators with 4 ads each, sharing a phone in pairs and a handle across pairs. */
test('100k ads build and cluster fast, with the right components', () => {
  const started = performance.now();
  const big = buildLinkGraph({ ads: syntheticGraphAds(100_000) });
  const built = performance.now();
  const found = clusters(big);
  const elapsed = performance.now() - started;
  process.stderr.write(`# 100k ads: ${big.nodes.size} nodes, ${big.edges.size} edges; build ${(built - started).toFixed(0)} ms, build + cluster ${elapsed.toFixed(0)} ms\n`);
  assert.equal(found.length, 100_000 / syntheticAdsPerOperator);
  assert.ok(found.every((cluster) => cluster.ads.length === syntheticAdsPerOperator));
  // A generous ceiling that only a quadratic step would break, not a loaded machine.
  assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
});

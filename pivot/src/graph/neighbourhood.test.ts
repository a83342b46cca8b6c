import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { buildLinkGraph } from './build-graph.js';
import { neighbourhood } from './neighbourhood.js';

const graph = buildLinkGraph({ ads: fixtureAds, registrations: fixtureRegistrations, dns: fixtureDns });

test('a phone seed at depth 2 reaches its ads and their other indicators, not further', () => {
  const { graph: sub, seedFound, truncated } = neighbourhood(graph, 'phone:+17025550134', 2);
  assert.equal(seedFound, true);
  assert.equal(truncated, false);
  for (const id of ['ad:a1', 'ad:a2', 'email:lena@mailbox.example', 'handle:telegram:lena_10', 'site:velvet-nights.test', 'domain:lena10vip.example']) assert.ok(sub.nodes.has(id), id);
  assert.ok(!sub.nodes.has('ad:a3'), 'three links away');
  for (const edge of sub.edges.values()) assert.ok(sub.nodes.has(edge.source) && sub.nodes.has(edge.target));
  assert.ok(sub.edges.size > 0);
});

test('the node cap cuts the walk, keeps strong links first, and says so', () => {
  const { graph: sub, truncated } = neighbourhood(graph, 'ad:a1', 1, { nodeCap: 3 });
  assert.equal(truncated, true);
  assert.equal(sub.nodes.size, 3);
  assert.ok(!sub.nodes.has('site:velvet-nights.test'), 'the weak site link is dropped before strong contacts');
});

test('an unknown seed gives an empty subgraph, flagged', () => {
  const result = neighbourhood(graph, 'phone:+10000000000', 2);
  assert.equal(result.seedFound, false);
  assert.equal(result.graph.nodes.size, 0);
});

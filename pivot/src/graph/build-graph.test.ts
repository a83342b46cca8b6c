import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { buildLinkGraph } from './build-graph.js';
import { edgeKey } from './graph-model.js';

const graph = buildLinkGraph({ ads: fixtureAds, registrations: fixtureRegistrations, dns: fixtureDns });

test('nodes get kind:value ids, handles and crypto qualified by platform and chain', () => {
  for (const id of ['ad:a1', 'site:velvet-nights.test', 'phone:+17025550134', 'handle:telegram:lena_10', 'email:lena@mailbox.example', 'domain:lena10vip.example',
    'url:https://lena10vip.example/book', 'crypto:bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'registrar:example registrar, inc.', 'nameserver:ns1.hosting.example',
    'ip:192.0.2.10', 'ip:2001:db8::10', 'mail-server:mx.hosting.example', 'registrant-name:ivan example', 'registrant-org:sofia <holdings> "ltd"']) {
    assert.ok(graph.nodes.has(id), id);
  }
  assert.equal(graph.nodes.get('ad:a1')!.label, 'Lena, new in town');
});

test("a registrant's EPP-style phone is the same node as the ad's phone", () => {
  const edge = graph.edges.get(edgeKey('domain:b-site.example', 'registrant', 'phone:+13125550100'));
  assert.ok(edge);
  assert.equal(edge.strength, 'strong');
  assert.deepEqual(edge.provenance, [{ from: 'registration', source: 'whois', firstObservedAt: '2024-02-01T00:00:00.000Z', lastObservedAt: '2024-02-01T00:00:00.000Z' }]);
  assert.ok(graph.edges.has(edgeKey('ad:b1', 'contains', 'phone:+13125550100')));
});

test('a registrant that changes and changes back gives two runs, not one range over the change', () => {
  const boss = graph.edges.get(edgeKey('domain:lena10vip.example', 'registrant', 'email:boss@ops.example'))!;
  assert.deepEqual(boss.provenance.map((p) => (p.from === 'registration' ? [p.firstObservedAt, p.lastObservedAt] : null)), [
    ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
    ['2024-05-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z'],
  ]);
  const replacement = graph.edges.get(edgeKey('domain:lena10vip.example', 'registrant', 'email:new@ops.example'))!;
  assert.equal(replacement.provenance.length, 1);
  const nameserver = graph.edges.get(edgeKey('domain:lena10vip.example', 'nameserver', 'nameserver:ns1.hosting.example'))!;
  assert.deepEqual(nameserver.provenance.filter((p) => p.from === 'registration').map((p) => p.from === 'registration' && [p.firstObservedAt, p.lastObservedAt]), [['2024-01-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z']]);
  assert.ok(nameserver.provenance.some((p) => p.from === 'dns'), 'the NS answer adds its own provenance to the same edge');
});

test('redacted values and privacy-proxy stand-ins never become nodes', () => {
  for (const node of graph.nodes.values()) {
    assert.doesNotMatch(node.value, /redacted|domains by proxy/i, node.id);
  }
  const proxiedEdges = [...graph.edges.values()].filter((edge) => edge.source === 'domain:proxied-one.example');
  assert.deepEqual(proxiedEdges.map((edge) => edge.kind), ['registrar']);
});

test('edges carry kind, strength and provenance; links to the ad\'s own site are weak', () => {
  const strengthOf = (source: string, kind: Parameters<typeof edgeKey>[1], target: string): string | undefined => graph.edges.get(edgeKey(source, kind, target))?.strength;
  assert.equal(strengthOf('ad:a1', 'contains', 'phone:+17025550134'), 'strong');
  assert.equal(strengthOf('ad:a1', 'links-to', 'domain:lena10vip.example'), 'strong');
  assert.equal(strengthOf('ad:a1', 'posted-on', 'site:velvet-nights.test'), 'weak');
  assert.equal(strengthOf('ad:c1', 'links-to', 'domain:velvet-nights.test'), 'weak');
  assert.equal(strengthOf('ad:c1', 'contains', 'domain:velvet-nights.test'), 'weak');
  assert.equal(strengthOf('ad:c1', 'contains', 'url:https://velvet-nights.test/contact'), 'weak');
  assert.equal(strengthOf('email:lena@mailbox.example', 'email-domain', 'domain:mailbox.example'), 'weak');
  assert.equal(strengthOf('domain:lena10vip.example', 'resolves-to', 'ip:192.0.2.10'), 'weak');
  assert.equal(strengthOf('domain:b-site.example', 'registrant', 'registrant-org:sofia <holdings> "ltd"'), 'weak');
  assert.deepEqual(graph.edges.get(edgeKey('ad:a2', 'contains', 'email:lena@mailbox.example'))!.provenance, [{ from: 'ad', adId: 'a2' }]);
});

test('common domains are weak links; input the graph cannot use is recorded with a reason', () => {
  const withCommon = buildLinkGraph({
    ads: [{ ...fixtureAds[0]!, indicators: [{ type: 'url', value: 'https://lena10vip.example/x' }, { type: 'handle', value: 'nobody' }] }],
  }, { commonDomains: ['LENA10VIP.example'] });
  assert.equal(withCommon.edges.get(edgeKey('ad:a1', 'links-to', 'domain:lena10vip.example'))!.strength, 'weak');
  assert.deepEqual(withCommon.skipped, [{ adId: 'a1', reason: 'handle indicator without its platform' }]);
});

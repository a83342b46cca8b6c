import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elementsNamed, parseStrictXml } from '../test-support/strict-xml.js';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { buildLinkGraph } from './build-graph.js';
import { clusterMembership } from './clusters.js';
import { graphToGexf } from './gexf.js';
import { graphToJson } from './graph-json.js';
import { graphToGraphml } from './graphml.js';

const hostileTitle = '<script>alert("x")</script> & \'quotes\'\u0000\u0007\u001b\u0085 tab\there\nnew line \uD800 end';
const ads = [...fixtureAds, { ...fixtureAds[0]!, adId: 'h1', title: hostileTitle, indicators: [{ type: 'email' as const, value: 'a"b<c>&d@evil.example' }] }];
const graph = buildLinkGraph({ ads, registrations: fixtureRegistrations, dns: fixtureDns });
const clusterOf = clusterMembership(graph);
const expectedTitle = '<script>alert("x")</script> & \'quotes\' tab\there\nnew line  end';

test('JSON keeps every node and edge with its provenance and cluster', () => {
  const json = JSON.parse(JSON.stringify(graphToJson(graph, { clusterOf })));
  assert.equal(json.nodes.length, graph.nodes.size);
  assert.equal(json.edges.length, graph.edges.size);
  const ad = json.nodes.find((node: { id: string }) => node.id === 'ad:a1');
  assert.equal(ad.cluster, clusterOf.get('ad:a1'));
  assert.deepEqual(json.edges.find((edge: { source: string; kind: string }) => edge.source === 'ad:a2' && edge.kind === 'contains').provenance, [{ from: 'ad', adId: 'a2' }]);
});

test('GraphML is well-formed, declares its keys, and ids, edges and hostile text survive', () => {
  const root = parseStrictXml(graphToGraphml(graph, { clusterOf }));
  assert.equal(root.name, 'graphml');
  const keys = new Set(elementsNamed(root, 'key').map((key) => key.attributes.id));
  const nodes = elementsNamed(root, 'node');
  assert.equal(nodes.length, graph.nodes.size);
  const dataOf = (element: (typeof nodes)[number], key: string): string | undefined => element.children.find((child) => child.attributes.key === key)?.text;
  for (const element of [...nodes, ...elementsNamed(root, 'edge')]) {
    for (const data of element.children) assert.ok(keys.has(data.attributes.key), `undeclared key ${data.attributes.key}`);
  }
  const idOfFileId = new Map(nodes.map((node) => [node.attributes.id!, dataOf(node, 'node-id')!]));
  assert.deepEqual(new Set(idOfFileId.values()), new Set(graph.nodes.keys()));
  const edges = elementsNamed(root, 'edge').map((edge) => `${idOfFileId.get(edge.attributes.source!)}|${dataOf(edge, 'edge-kind')}|${idOfFileId.get(edge.attributes.target!)}`);
  assert.deepEqual(new Set(edges), new Set([...graph.edges.values()].map((edge) => `${edge.source}|${edge.kind}|${edge.target}`)));
  const hostile = nodes.find((node) => dataOf(node, 'node-id') === 'ad:h1')!;
  assert.equal(dataOf(hostile, 'node-label'), expectedTitle);
  assert.equal(dataOf(hostile, 'node-cluster'), clusterOf.get('ad:h1'));
  assert.ok(idOfFileId.has(nodes.find((node) => dataOf(node, 'node-id') === 'email:a"b<c>&d@evil.example')!.attributes.id!));
});

test('GEXF 1.3 is well-formed, keeps ids and edges, and carries the cluster as a node attribute', () => {
  const xml = graphToGexf(graph, { clusterOf });
  const root = parseStrictXml(xml);
  assert.equal(root.attributes.version, '1.3');
  assert.equal(root.attributes.xmlns, 'http://gexf.net/1.3');
  const nodes = elementsNamed(root, 'node');
  assert.deepEqual(new Set(nodes.map((node) => node.attributes.id)), new Set(graph.nodes.keys()));
  const declared = new Set(elementsNamed(root, 'attribute').map((attribute) => attribute.attributes.id));
  for (const value of elementsNamed(root, 'attvalue')) assert.ok(declared.has(value.attributes.for), `undeclared attribute ${value.attributes.for}`);
  const hostile = nodes.find((node) => node.attributes.id === 'ad:h1')!;
  assert.equal(hostile.attributes.label, expectedTitle);
  const clusterValue = elementsNamed(hostile, 'attvalue').find((value) => value.attributes.for === 'cluster')!;
  assert.equal(clusterValue.attributes.value, clusterOf.get('ad:h1'));
  const edges = elementsNamed(root, 'edge').map((edge) => `${edge.attributes.source}|${edge.attributes.label}|${edge.attributes.target}`);
  assert.deepEqual(new Set(edges), new Set([...graph.edges.values()].map((edge) => `${edge.source}|${edge.kind}|${edge.target}`)));
  assert.doesNotMatch(xml, /<script>/);
});

test('the strict reader used above rejects broken XML', () => {
  assert.throws(() => parseStrictXml('<a><b></a></b>'), /closes/);
  assert.throws(() => parseStrictXml('<a x="1 < 2"/>'), /'<'/);
  assert.throws(() => parseStrictXml('<a>AT&T</a>'), /entity/);
  assert.throws(() => parseStrictXml('<a>\u0001</a>'), /not allowed/);
  assert.throws(() => parseStrictXml('<a x="1" x="2"/>'), /duplicate/);
  assert.throws(() => parseStrictXml('<a/><b/>'), /more than one root/);
});

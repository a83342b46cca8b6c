#!/usr/bin/env node
// bench/link-graph: the link graph at scale (issue 6, The link graph), after a build, from the repo root.
//
//   node bench/link-graph.mjs [--ads 100000] [--rounds 3]
//
// The synthetic ads of the clusters test (pivot/src/test-support/synthetic-graph-ads.ts: operators
// of 4 ads sharing a phone in pairs and a handle, each ad with its own email, 7 sites), generated
// once, untimed. Each round, in the same process and alternating which goes first:
//   graph     buildLinkGraph (nodes, edges with provenance, weak/strong) then clusters() (components
//             over strong edges, summarised: ads, indicators, sites, domains, dates; sorted).
//   baselines a. plain union-find over the graph's own strong edge list (string ids → ints, no graph
//             model): what clustering costs without the model, given the edges;
//             b. plain union-find straight from the ads (ad ↔ phone/email/handle keys): the floor of
//             the whole job with no graph at all.
// All three must find the same clusters (count and ads per cluster) or the run fails. Medians of
// the rounds after one warm-up round. Writes bench/results/link-graph.json with machine info.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildLinkGraph, clusters } from '../pivot/dist/graph/index.js';
import { syntheticAdsPerOperator, syntheticGraphAds } from '../pivot/dist/test-support/synthetic-graph-ads.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { ads: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' } } });
const adCount = Number(values.ads);
const rounds = Number(values.rounds);
const log = (line) => process.stderr.write(`${line}\n`);
const loadAtStart = loadavg().map((load) => Math.round(load * 10) / 10);

log(`generating ${adCount} synthetic ads...`);
const ads = [...syntheticGraphAds(adCount)];
const expectedClusters = adCount / syntheticAdsPerOperator;

/** Union by size with path halving over 0..n-1, grown as ids appear. */
class PlainUnionFind {
  parent = [];
  size = [];
  add() {
    this.parent.push(this.parent.length);
    this.size.push(1);
    return this.parent.length - 1;
  }
  find(x) {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a, b) {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/** Ads per component, for the components holding an ad: [component sizes in ads], sorted. */
function adsPerComponent(ids, sets, isAd) {
  const counts = new Map();
  ids.forEach((id, index) => {
    if (!isAd(id)) return;
    const root = sets.find(index);
    counts.set(root, (counts.get(root) ?? 0) + 1);
  });
  return [...counts.values()].sort((a, b) => a - b);
}

/** A plain union-find over string ids: each id gets an index the first time it is seen. */
function internedSets() {
  const indexOf = new Map();
  const ids = [];
  const sets = new PlainUnionFind();
  const intern = (id) => {
    let index = indexOf.get(id);
    if (index === undefined) {
      index = sets.add();
      indexOf.set(id, index);
      ids.push(id);
    }
    return index;
  };
  return { ids, sets, intern };
}

function unionFindOverEdges(edgeList) {
  const { ids, sets, intern } = internedSets();
  for (const [source, target] of edgeList) sets.union(intern(source), intern(target));
  return adsPerComponent(ids, sets, (id) => id.startsWith('ad:'));
}

function unionFindFromAds(adList) {
  const { ids, sets, intern } = internedSets();
  for (const ad of adList) {
    const adIndex = intern(`ad:${ad.adId}`);
    for (const indicator of ad.indicators) {
      if (indicator.type !== 'phone' && indicator.type !== 'email' && indicator.type !== 'handle') continue;
      sets.union(adIndex, intern(`${indicator.type}:${indicator.platform ?? ''}:${indicator.value}`));
    }
  }
  return adsPerComponent(ids, sets, (id) => id.startsWith('ad:'));
}

const sameShape = (sizes) => sizes.length === expectedClusters && sizes.every((size) => size === syntheticAdsPerOperator);

// The baseline's edge list: the graph's own strong edges, taken once outside the timing.
const referenceGraph = buildLinkGraph({ ads });
const graphShape = { nodes: referenceGraph.nodes.size, edges: referenceGraph.edges.size };
const strongEdges = [...referenceGraph.edges.values()].filter((edge) => edge.strength === 'strong').map((edge) => [edge.source, edge.target]);
log(`graph: ${graphShape.nodes} nodes, ${graphShape.edges} edges (${strongEdges.length} strong)`);

const runs = {
  graph: () => {
    const started = performance.now();
    const graph = buildLinkGraph({ ads });
    const built = performance.now();
    const found = clusters(graph);
    const ended = performance.now();
    if (!sameShape(found.map((cluster) => cluster.ads.length).sort((a, b) => a - b))) throw new Error(`graph: ${found.length} clusters, expected ${expectedClusters} of ${syntheticAdsPerOperator} ads`);
    return { buildMs: built - started, clusterMs: ended - built, totalMs: ended - started };
  },
  unionFindOverEdges: () => {
    const started = performance.now();
    const sizes = unionFindOverEdges(strongEdges);
    const totalMs = performance.now() - started;
    if (!sameShape(sizes)) throw new Error(`union-find over edges: ${sizes.length} components`);
    return { totalMs };
  },
  unionFindFromAds: () => {
    const started = performance.now();
    const sizes = unionFindFromAds(ads);
    const totalMs = performance.now() - started;
    if (!sameShape(sizes)) throw new Error(`union-find from ads: ${sizes.length} components`);
    return { totalMs };
  },
};

const samples = { graph: [], unionFindOverEdges: [], unionFindFromAds: [] };
const order = Object.keys(runs);
for (const name of order) runs[name](); // warm-up
for (let round = 0; round < rounds; round++) {
  const names = round % 2 === 0 ? order : [...order].reverse();
  for (const name of names) {
    samples[name].push(runs[name]());
    log(`round ${round + 1}: ${name} ${samples[name].at(-1).totalMs.toFixed(0)} ms`);
  }
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (numbers) => Math.round(median(numbers));
const graphTotal = ms(samples.graph.map((sample) => sample.totalMs));
const overEdges = ms(samples.unionFindOverEdges.map((sample) => sample.totalMs));
const fromAds = ms(samples.unionFindFromAds.map((sample) => sample.totalMs));

const result = {
  bench: 'link-graph',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg().map((load) => Math.round(load * 10) / 10),
  },
  input: { ads: adCount, adsPerOperator: syntheticAdsPerOperator, expectedClusters, ...graphShape, strongEdges: strongEdges.length },
  rounds,
  graph: {
    buildMs: ms(samples.graph.map((sample) => sample.buildMs)),
    clusterMs: ms(samples.graph.map((sample) => sample.clusterMs)),
    totalMs: graphTotal,
    adsPerSecond: Math.round(adCount / (graphTotal / 1000)),
  },
  baselines: {
    unionFindOverGraphEdges: { totalMs: overEdges, note: "plain union-find over the graph's strong edge list (given, untimed): clustering without the graph model" },
    unionFindFromAds: { totalMs: fromAds, note: 'plain union-find from ad to phone/email/handle keys: no graph at all' },
  },
  ratios: {
    graphClusterToUnionFindOverEdges: Math.round((ms(samples.graph.map((sample) => sample.clusterMs)) / overEdges) * 10) / 10,
    graphTotalToUnionFindFromAds: Math.round((graphTotal / fromAds) * 10) / 10,
  },
  sameClusters: true,
  samples,
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'link-graph.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `${adCount} ads → ${graphShape.nodes} nodes, ${graphShape.edges} edges, ${expectedClusters} clusters (all three agree)\n` +
    `graph: build ${result.graph.buildMs} ms + cluster ${result.graph.clusterMs} ms = ${graphTotal} ms (${result.graph.adsPerSecond} ads/s)\n` +
    `baseline union-find over the graph's strong edges: ${overEdges} ms (graph clustering ${result.ratios.graphClusterToUnionFindOverEdges}×)\n` +
    `baseline union-find straight from the ads: ${fromAds} ms (graph build + cluster ${result.ratios.graphTotalToUnionFindFromAds}×)\n` +
    'wrote bench/results/link-graph.json',
);

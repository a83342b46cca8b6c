#!/usr/bin/env node
// bench/distributed-latency: crawl-to-searchable latency of distributed mode under steady load.
// The testbed is crawled by real `indicia worker crawl|extract|index` processes on Kafka and
// Elasticsearch (a fresh topic and index prefix). A probe in this process follows page.captured
// (its own consumer group) and searches Elasticsearch every 100 ms for those ads, to see which it can return
// yet: latency = when the ad first answered a search minus when its page was fetched. The crawl is
// paced (--delay) so the pipeline runs at a steady rate rather than draining a burst.
//
//   infra/kafka.sh start && infra/elasticsearch.sh start
//   npm run bench:distributed-latency [-- --ads 1500 --delay 20 --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200]
//
// Build first (npm run build). Writes bench/results/distributed-latency.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { adIdFor, attachStage, silentLogger } from '@indicia/core';
import { KafkaTransport, pipelineLag, deleteDeploymentTopics } from '@indicia/bus';
import { startTestbed } from '@indicia/testbed';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    ads: { type: 'string', default: '1500' },
    seed: { type: 'string', default: '21' },
    delay: { type: 'string', default: '20' },
    kafka: { type: 'string', default: process.env.INDICIA_KAFKA ?? '127.0.0.1:9092' },
    es: { type: 'string', default: process.env.INDICIA_ES ?? 'http://127.0.0.1:9200' },
    'poll-ms': { type: 'string', default: '100' },
  },
});
const pollMs = Number(values['poll-ms']);
const prefix = `bench${Date.now().toString(36)}`;
const env = { ...process.env, INDICIA_TOPIC_PREFIX: prefix, INDICIA_ES_PREFIX: prefix, INDICIA_DATA: '' };
const cli = join(root, 'cli/bin/indicia.js');

const health = await fetch(`${values.es}/_cluster/health`).catch(() => null);
if (!health?.ok) {
  console.error(`no Elasticsearch at ${values.es}: run infra/elasticsearch.sh start (or pass --es URL)`);
  process.exit(1);
}

const testbed = await startTestbed({ seed: Number(values.seed), ads: Number(values.ads) });
const crawlData = mkdtempSync(join(tmpdir(), 'indicia-bench-latency-'));
const crawlFlags = ['--mode', 'http', '--no-images', '--max-pages', '100000', '--per-host-concurrency', '2', '--delay', values.delay, '--retries', '2'];
const workers = [
  ['crawl', '--kafka', values.kafka, '--proxy', testbed.proxyUrl, '--data', crawlData, ...crawlFlags],
  ['extract', '--kafka', values.kafka, '--extract-workers', '1', '--ocr-workers', '1'],
  ['index', '--kafka', values.kafka, '--es', values.es],
].map((args) => spawn(process.execPath, [cli, 'worker', ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] }));

/** adId → when its page was fetched (ms), from page.captured. */
const fetchedAt = new Map();
/** adId → when Elasticsearch first returned it. */
const searchableAt = new Map();
const probe = await KafkaTransport.connect({ brokers: [values.kafka], topicPrefix: prefix, clientId: 'latency-probe', log: silentLogger() });
attachStage(
  {
    name: 'latency-probe',
    consumes: 'page.captured',
    produces: [],
    async handle(message) {
      const id = adIdFor(message.payload.canonicalUrl);
      if (!fetchedAt.has(id)) fetchedAt.set(id, Date.parse(message.payload.fetchedAt));
    },
  },
  probe,
  { log: silentLogger(), concurrency: 64, group: 'latency-probe' },
);
await probe.start();

let polling = true;
const poller = (async () => {
  while (polling) {
    const pending = [...fetchedAt.keys()].filter((id) => !searchableAt.has(id));
    for (let i = 0; i < pending.length; i += 1000) {
      const ids = pending.slice(i, i + 1000);
      // A search (not _mget, which reads in real time): an ad counts once a query can return it.
      const query = { query: { ids: { values: ids } }, size: ids.length, _source: false };
      const response = await fetch(`${values.es}/${prefix}-ads/_search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query) }).catch(() => null);
      if (!response?.ok) continue;
      const now = Date.now();
      for (const hit of (await response.json()).hits.hits) searchableAt.set(hit._id, now);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
})();

const startedAt = Date.now();
const submit = spawn(process.execPath, [cli, 'crawl', ...testbed.seedUrls, '--kafka', values.kafka, ...crawlFlags], { env, stdio: ['ignore', 'ignore', 'inherit'] });
await new Promise((resolve) => submit.on('close', resolve));

// Finished when every stage has caught up and nothing new was produced for 5 s.
let lastProduced = -1;
let quietSince = Date.now();
for (;;) {
  const lags = await pipelineLag({ brokers: [values.kafka], topicPrefix: prefix }).catch(() => []);
  const produced = lags.reduce((sum, lag) => sum + lag.produced, 0);
  if (produced !== lastProduced) {
    lastProduced = produced;
    quietSince = Date.now();
  }
  const groups = new Set(lags.map((lag) => lag.group));
  if (['crawl', 'extract', 'index'].every((g) => groups.has(g)) && lags.every((lag) => lag.lag === 0) && Date.now() - quietSince > 5000) break;
  process.stderr.write(`\rlag: ${lags.map((lag) => `${lag.group} ${lag.lag}`).join(' · ')} · searchable ${searchableAt.size}   `);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
const durationMs = Date.now() - startedAt - 5000;
await new Promise((resolve) => setTimeout(resolve, 2 * pollMs));
polling = false;
await poller;

const latencies = [...searchableAt].map(([id, at]) => at - fetchedAt.get(id)).sort((a, b) => a - b);
const quantile = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
const results = {
  bench: 'distributed-latency',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, loadavgAtEnd: loadavg()[0] },
  settings: { ads: Number(values.ads), crawlDelayMs: Number(values.delay), perHostConcurrency: 2, sites: testbed.seedUrls.length, pollMs, refresh: 'index worker: bulk without waiting, indices refresh every 1 s' },
  pagesCaptured: fetchedAt.size,
  adsSearchable: latencies.length,
  durationMs,
  adsPerSecond: Math.round((latencies.length / durationMs) * 1000 * 10) / 10,
  latencyMs: { p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), max: latencies.at(-1) },
  note: 'latency = first poll at which Elasticsearch returned the ad (every pollMs) minus the fetch start of its page: includes the crawl worker finishing the capture, Kafka, extraction, the bulk write and the index refresh',
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/distributed-latency.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write('\n');
console.log(`crawl-to-searchable: p50 ${results.latencyMs.p50} ms, p99 ${results.latencyMs.p99} ms over ${latencies.length} ads at ${results.adsPerSecond} ads/s`);

for (const worker of workers) worker.kill('SIGTERM');
await Promise.all(workers.map((worker) => new Promise((resolve) => worker.exitCode !== null ? resolve() : worker.on('close', resolve))));
await probe.close();
await testbed.close();
await deleteDeploymentTopics({ brokers: [values.kafka], topicPrefix: prefix });
for (const index of [`${prefix}-ads`, `${prefix}-indicators`]) await fetch(`${values.es}/${index}`, { method: 'DELETE' }).catch(() => null);
rmSync(crawlData, { recursive: true, force: true });

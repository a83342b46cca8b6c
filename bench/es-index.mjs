// Indexing throughput of the ElasticsearchIndexStore against raw `_bulk` requests with
// pre-serialised bodies: the same synthetic ads, the same documents (ad documents and indicator
// documents, exactly as the store writes them for new ads), the same batches, fresh indices for
// each side. The two sides run interleaved, batch by batch (raw batch i, store batch i, in turn
// first), so a change in the machine's load (it is shared) weighs on both alike; each side's time
// is the sum of its own batches (wait_for excepted: see measure). The store's batches go through upsertAds one after another, as
// the index stage sends them; so do the raw ones.
// Usage: node bench/es-index.mjs [ads=20000] [batchSize=100]   (build the indexer first: npx tsc -b indexer)
// Environment: INDICIA_TEST_ES_URL (default http://127.0.0.1:9200); BENCH_WAIT_FOR_ADS (default 1000).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@elastic/elasticsearch';
import { ElasticsearchIndexStore } from '../indexer/dist/index.js';
import { syntheticAd, syntheticImage } from '../indexer/dist/contract/synthetic-ads.js';
import { prepareAd } from '../indexer/dist/prepare-ad.js';
import { indexedBody } from '../indexer/dist/elasticsearch/ad-document.js';
import { indicatorDocuments, mergeCapture } from '../indexer/dist/elasticsearch/merge-capture.js';
import { indexNames } from '../indexer/dist/elasticsearch/index-layout.js';
import { removeIndices } from '../indexer/dist/elasticsearch/temp-es-indices.js';

const adCount = Number(process.argv[2] ?? 20_000);
const batchSize = Number(process.argv[3] ?? 100);
const waitForAds = Math.min(adCount, Number(process.env.BENCH_WAIT_FOR_ADS ?? 1000));
const node = process.env.INDICIA_TEST_ES_URL ?? 'http://127.0.0.1:9200';
const run = `indicia-bench-${process.pid}`;
const prefixes = [];
const freshPrefix = (label) => {
  const prefix = `${run}-${label}`;
  prefixes.push(prefix);
  return prefix;
};

// Synthetic ads shaped like the contract's: fictional NANP numbers (555-01xx) in several area
// codes, example.com emails, handles, prices, ages, and a picture on one ad in four.
const areaCodes = ['702', '213', '312', '415', '617', '305', '206', '512', '303', '404'];
const words = 'discreet outcall service near the strip available tonight relaxing massage new girls weekly private parties velvet orchid evenings trabajo camarera alojamiento incluido waitress wanted abroad'.split(' ');
let seed = 42;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const hex32 = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
const phone = () => `+1${pick(areaCodes)}55501${String(Math.floor(random() * 100)).padStart(2, '0')}`;
const ads = Array.from({ length: adCount }, (_, n) =>
  syntheticAd({
    site: `site-${n % 12}.test`,
    slug: `bench-${n}`,
    title: `${pick(words)} ${pick(words)} ${n}`,
    body: Array.from({ length: 40 }, () => pick(words)).join(' ') + '.',
    phones: random() < 0.3 ? [phone(), phone()] : [phone()],
    emails: random() < 0.4 ? [`op${n % 700}@example.com`] : [],
    handles: random() < 0.2 ? [{ platform: 'telegram', value: `tg_${n % 900}` }] : [],
    prices: random() < 0.5 ? [{ written: '$200/hr', amount: 200, currency: 'USD', per: 'hour' }] : [],
    age: random() < 0.3 ? { written: "I'm 25", min: 25, max: 25 } : undefined,
    images: n % 4 === 0 ? [syntheticImage({ name: `bench-img-${n}`, perceptualHash: `${hex32()}${hex32()}` })] : [],
    fetchedAt: new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString(),
  }),
);
const batches = [];
for (let i = 0; i < ads.length; i += batchSize) batches.push(ads.slice(i, i + batchSize));

/** The bulk bodies the store sends for these batches of new ads, serialised before timing starts. */
function rawBodies(names, batchList) {
  return batchList.map((batch) => {
    const indicators = new Map();
    let body = '';
    for (const ad of batch) {
      const prepared = prepareAd(ad);
      body += `${JSON.stringify({ create: { _index: names.ads, _id: prepared.adId } })}\n${indexedBody(mergeCapture(null, prepared))}\n`;
      for (const doc of indicatorDocuments(prepared)) indicators.set(doc.id, doc);
    }
    for (const doc of indicators.values()) body += `${JSON.stringify({ create: { _index: names.indicators, _id: doc.id } })}\n${JSON.stringify(doc)}\n`;
    return body;
  });
}

/** Both sides on fresh indices made by the store (same mappings and settings), ready to send batch i. */
async function openSides(label, refresh) {
  const storePrefix = freshPrefix(`${label}-store`);
  const rawPrefix = freshPrefix(`${label}-raw`);
  const store = await ElasticsearchIndexStore.open({ node, indexPrefix: storePrefix, refresh });
  await (await ElasticsearchIndexStore.open({ node, indexPrefix: rawPrefix })).close();
  const bodies = rawBodies(indexNames(rawPrefix), batches);
  const client = new Client({ node, maxRetries: 0, requestTimeout: 60_000 });
  const querystring = { filter_path: 'errors,items.*.status,items.*.error', ...(refresh === 'wait_for' ? { refresh: 'wait_for' } : {}) };
  return {
    prefixes: { store: storePrefix, raw: rawPrefix },
    store: (i) => store.upsertAds(batches[i]),
    raw: async (i) => {
      const response = await client.transport.request({ method: 'POST', path: '/_bulk', querystring, bulkBody: bodies[i] });
      if (response.errors && response.items.some((item) => Object.values(item)[0].status >= 300 && Object.values(item)[0].status !== 409)) throw new Error('raw bulk refused documents');
    },
    close: async () => {
      await store.close();
      await client.close();
    },
  };
}

/**
 * Sends batches 0..count-1 to both sides and sums each side's batch times. Interleaved (raw batch
 * i, store batch i, in turn first), with `lanes` batches outstanding at a time; or, for wait_for,
 * one side after the other: a write waits for its own index's next refresh, and interleaving would
 * measure how the two indices' refresh schedules happen to be offset.
 */
async function measure({ label, refresh, count, lanes, interleave }) {
  const sides = await openSides(label, refresh);
  const milliseconds = { store: 0, raw: 0 };
  const timed = async (side, i) => {
    const started = performance.now();
    await sides[side](i);
    milliseconds[side] += performance.now() - started;
  };
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      for (const side of i % 2 === 0 ? ['raw', 'store'] : ['store', 'raw']) await timed(side, i);
    }
  };
  try {
    if (interleave) await Promise.all(Array.from({ length: lanes }, lane));
    else for (const side of ['raw', 'store']) for (let i = 0; i < count; i++) await timed(side, i);
  } finally {
    await sides.close();
  }
  const adsSent = batches.slice(0, count).reduce((n, batch) => n + batch.length, 0);
  const stored = { store: await counts(sides.prefixes.store), raw: await counts(sides.prefixes.raw) };
  for (const side of ['store', 'raw']) if (stored[side].ads !== adsSent) throw new Error(`${side} stored ${stored[side].ads} of ${adsSent} ads`);
  if (stored.store.indicators !== stored.raw.indicators) throw new Error(`indicator documents differ: ${stored.store.indicators} and ${stored.raw.indicators}`);
  // With several lanes a batch's time includes waiting on the other lane's: only the ratio is meaningful.
  const perSecond = (side) => (lanes === 1 ? Math.round((adsSent / milliseconds[side]) * 1000) : undefined);
  return {
    refresh,
    batchesInFlight: lanes,
    ads: adsSent,
    storeAdsPerSecond: perSecond('store'),
    rawBulkAdsPerSecond: perSecond('raw'),
    ratio: Math.round((milliseconds.raw / milliseconds.store) * 100) / 100,
    storeSeconds: Math.round(milliseconds.store / 10) / 100,
    rawSeconds: Math.round(milliseconds.raw / 10) / 100,
    indicatorDocuments: stored.store.indicators,
  };
}

async function counts(prefix) {
  const client = new Client({ node });
  try {
    const names = indexNames(prefix);
    await client.indices.refresh({ index: `${names.ads},${names.indicators}` });
    return { ads: (await client.count({ index: names.ads })).count, indicators: (await client.count({ index: names.indicators })).count };
  } finally {
    await client.close();
  }
}

/** Client-side work alone (validate, merge, serialise new ads), warm, without Elasticsearch. */
function clientSideMsPerBatch() {
  const names = indexNames('cpu-only');
  rawBodies(names, batches);
  const started = performance.now();
  rawBodies(names, batches);
  return Math.round(((performance.now() - started) / batches.length) * 100) / 100;
}

try {
  // Warms the JVM and node's JIT so that neither side pays for it.
  await measure({ label: 'warm', refresh: 'none', count: Math.min(batches.length, Math.ceil(2000 / batchSize)), lanes: 1, interleave: true });
  const oneAtATime = await measure({ label: 'seq', refresh: 'none', count: batches.length, lanes: 1, interleave: true });
  const twoInFlight = await measure({ label: 'two', refresh: 'none', count: batches.length, lanes: 2, interleave: true });
  // wait_for (the store's default, read-after-write): each batch waits for a refresh, 1 s apart.
  const waitFor = await measure({ label: 'wf', refresh: 'wait_for', count: Math.ceil(waitForAds / batchSize), lanes: 1, interleave: false });
  const result = {
    ads: adCount,
    batchSize,
    storeAdsPerSecond: oneAtATime.storeAdsPerSecond,
    rawBulkAdsPerSecond: oneAtATime.rawBulkAdsPerSecond,
    ratio: oneAtATime.ratio,
    runs: [oneAtATime, twoInFlight, waitFor],
    clientSideMsPerBatch: clientSideMsPerBatch(),
    measuredAt: new Date().toISOString(),
  };
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'es-index.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `es-index: ${adCount} ads, batches of ${batchSize}, one at a time: store ${oneAtATime.storeAdsPerSecond} ads/s vs raw _bulk ${oneAtATime.rawBulkAdsPerSecond} ads/s = ${oneAtATime.ratio}x; ` +
      `two in flight ${twoInFlight.ratio}x; refresh wait_for ${waitFor.storeAdsPerSecond} vs ${waitFor.rawBulkAdsPerSecond} ads/s; client side ${result.clientSideMsPerBatch} ms a batch`,
  );
} finally {
  await removeIndices(prefixes);
}

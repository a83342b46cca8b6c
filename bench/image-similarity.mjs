// Near-duplicate image search in the SQLite index: the first query (loads every hash into typed
// arrays) and later queries (scan only), next to a baseline measured in the same run: BigInt XOR
// and popcount over the same hashes as hex strings, as a naive scan would do.
// Usage: node bench/image-similarity.mjs [images]   (build the indexer first: npx tsc -b indexer)
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteIndexStore } from '../indexer/dist/index.js';
import { syntheticAd, syntheticImage } from '../indexer/dist/contract/synthetic-ads.js';

const images = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'indicia-bench-images-'));
let state = 12345;
const random32 = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state;
};
const hex32 = () => random32().toString(16).padStart(8, '0');

try {
  const path = join(dir, 'index.sqlite');
  let store = SqliteIndexStore.open(path);
  const hashes = [];
  const started = performance.now();
  for (let start = 0; start < images; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(images, start + 1000); i++) {
      const hash = `${hex32()}${hex32()}`;
      hashes.push(hash);
      batch.push(syntheticAd({ slug: `b${i}`, body: `Bench ad ${i}.`, images: [syntheticImage({ name: `img${i}`, perceptualHash: hash })], fetchedAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString() }));
    }
    await store.upsertAds(batch);
  }
  const indexMs = performance.now() - started;
  // A fresh process's view: the CLI opens the index for each search.
  await store.close();
  store = SqliteIndexStore.open(path);
  const query = hashes[Math.floor(images / 2)];

  let t = performance.now();
  const first = await store.findSimilarImages({ perceptualHash: query });
  const firstQueryMs = performance.now() - t;
  const laterRuns = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await store.findSimilarImages({ perceptualHash: hashes[(i * 7919) % images] });
    laterRuns.push(performance.now() - t);
  }
  laterRuns.sort((a, b) => a - b);

  t = performance.now();
  let baselineMatches = 0;
  const q = BigInt(`0x${query}`);
  for (const hash of hashes) {
    let diff = BigInt(`0x${hash}`) ^ q;
    let bits = 0;
    while (diff > 0n) {
      diff &= diff - 1n;
      bits++;
    }
    if (bits <= 10) baselineMatches++;
  }
  const baselineMs = performance.now() - t;
  await store.close();

  const result = {
    images,
    indexSeconds: +(indexMs / 1000).toFixed(1),
    firstQueryMs: +firstQueryMs.toFixed(1),
    laterQueryMedianMs: +laterRuns[5].toFixed(2),
    baselineBigIntScanMs: +baselineMs.toFixed(1),
    matches: first.total,
    baselineMatches,
    measuredAt: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/image-similarity.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

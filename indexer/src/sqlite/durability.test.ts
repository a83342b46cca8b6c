import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fictionalPhone, syntheticAd } from '../contract/synthetic-ads.js';
import { SqliteIndexStore } from './sqlite-index-store.js';
import { TempDirs } from './temp-index.js';

const temp = new TempDirs();
after(() => temp.removeAll());

/** A separate process writes the ads, reports the write done, then waits to be killed without closing. */
const writerScript = `
  const { SqliteIndexStore } = await import(process.env.STORE_MODULE);
  const ads = JSON.parse(process.env.ADS);
  const store = SqliteIndexStore.open(process.env.INDEX_PATH);
  await store.upsertAds(ads);
  process.stdout.write('committed\\n');
  setInterval(() => {}, 60_000);
`;

it('keeps what a process committed when that process is killed before closing the store', async () => {
  const path = temp.indexPath();
  const ads = Array.from({ length: 20 }, (_, n) => syntheticAd({ slug: `d${n}`, phones: [fictionalPhone(n)], emails: [`d${n}@example.com`] }));
  const storeModule = pathToFileURL(fileURLToPath(new URL('./sqlite-index-store.js', import.meta.url))).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript], {
    env: { ...process.env, STORE_MODULE: storeModule, ADS: JSON.stringify(ads), INDEX_PATH: path },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    if (output.includes('committed')) child.kill('SIGKILL');
  });
  const [, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  assert.equal(signal, 'SIGKILL', `the writer should have been killed, output: ${output}`);
  const store = SqliteIndexStore.open(path);
  try {
    assert.equal((await store.summary()).ads, 20);
    assert.equal((await store.search({ phone: fictionalPhone(7) })).hits[0]?.adId, ads[7]!.adId);
    assert.deepEqual(await store.getAd(ads[19]!.adId).then((ad) => ad?.text), ads[19]!.text);
  } finally {
    await store.close();
  }
});

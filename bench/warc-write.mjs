// WARC writing throughput next to plain blob-store writes of the same bodies, in one run.
// Bodies are synthetic HTML-like pages (compressible, like real ad pages), 20-60 KB each.
// Usage: node bench/warc-write.mjs [pages]   (build the crawler first: npx tsc -b crawler)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { BlobStore } from '../crawler/dist/blob-store.js';
import { WarcWriter } from '../crawler/dist/evidence/warc-writer.js';
import { CustodyLog } from '../crawler/dist/evidence/custody-log.js';

const pages = Number(process.argv[2] ?? 2000);
const words = ['escort', 'call', 'text', 'new', 'in', 'town', 'available', 'now', 'velvet', 'nights', 'photos', 'real', 'rates', 'incall', 'outcall'];
function page(i) {
  const size = 20_000 + ((i * 7919) % 40_000);
  let text = `<!doctype html><html><body><h1>Ad ${i}</h1><p>`;
  let n = i;
  while (text.length < size) {
    n = (n * 1103515245 + 12345) % 2 ** 31;
    text += `${words[n % words.length]} ${n % 1000} `;
  }
  return Buffer.from(`${text}</p></body></html>`);
}
const bodies = Array.from({ length: pages }, (_, i) => page(i));
const totalBytes = bodies.reduce((sum, body) => sum + body.length, 0);

function exchange(body, i) {
  return {
    targetUrl: `http://velvet-nights.test/ads/${i}`,
    httpVersion: '1.1',
    requestHead: `GET /ads/${i} HTTP/1.1\r\nuser-agent: IndiciaBench/1.0\r\nhost: velvet-nights.test\r\nConnection: keep-alive\r\n\r\n`,
    statusLine: 'HTTP/1.1 200 OK',
    rawHeaders: ['Content-Type', 'text/html; charset=utf-8', 'Content-Length', String(body.length)],
    transferredBody: body,
    transferredTruncated: false,
    remoteIp: '127.0.0.1',
    startedAt: new Date(),
  };
}

async function timed(label, run) {
  const dir = await mkdtemp(join(tmpdir(), `indicia-bench-${label}-`));
  try {
    const started = process.hrtime.bigint();
    await run(dir);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, mbPerSecond: totalBytes / 1e6 / seconds, pagesPerSecond: pages / seconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const concurrency = 8;
async function inParallel(work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < pages) {
      const i = next++;
      await work(i);
    }
  }));
}

const blobStore = await timed('blobs', async (dir) => {
  const blobs = new BlobStore(join(dir, 'blobs'));
  await inParallel((i) => blobs.put(bodies[i]));
});
const warc = await timed('warc', async (dir) => {
  const writer = await WarcWriter.open({ dataDir: dir, software: 'Indicia/bench', maxFileBytes: 64 * 1024 ** 2 });
  await inParallel((i) => writer.writeExchange(exchange(bodies[i], i)));
  await writer.close();
});
const warcAndCustody = await timed('warc-custody', async (dir) => {
  const writer = await WarcWriter.open({ dataDir: dir, software: 'Indicia/bench', maxFileBytes: 64 * 1024 ** 2 });
  const custody = await CustodyLog.open(dir);
  await inParallel(async (i) => {
    const pair = await writer.writeExchange(exchange(bodies[i], i));
    await custody.append({ captureId: `c${i}`, url: `http://velvet-nights.test/ads/${i}`, warc: [pair.request, pair.response], bodySha256: 'a'.repeat(64) });
  });
  await writer.close();
  await custody.close();
});

const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  pages,
  payloadMB: totalBytes / 1e6,
  concurrency,
  note: 'Same bodies, same run. Blob store: gzip + temp file + rename per body. WARC: request+response records, sha256 digests, gzip member per record, one appending file. Noisy 2-core machine shared with other work: orders of magnitude.',
  blobStore,
  warc,
  warcPlusCustodyLog: warcAndCustody,
  warcVsBlobStore: warc.mbPerSecond / blobStore.mbPerSecond,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/warc-write.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));

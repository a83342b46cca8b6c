#!/usr/bin/env node
// bench/crawl-http: pages/s of `indicia crawl` (crawl + extract + index, the embedded pipeline) on a
// ~20,000-page testbed, against a plain keep-alive Node fetch loop over the same URLs, through the
// same testbed proxy, at the same concurrency, in the same run. Records the ratio and peak RSS.
//
//   npm run bench:crawl-http [-- --ads 18460 --concurrency 10]
//
// A third run, the crawler stage alone (captures dropped), tells how much of the gap is the crawler.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startTestbed, groundTruth } from '@indicia/testbed';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { ads: { type: 'string', default: '18460' }, concurrency: { type: 'string', default: '10' }, seed: { type: 'string', default: '3' } } });
const ads = Number(values.ads);
const concurrency = Number(values.concurrency);
const seed = Number(values.seed);
const work = mkdtempSync(join(tmpdir(), 'indicia-bench-'));

/** Runs a child process, sampling its resident memory, and returns stdout, wall time and peak RSS. */
function measured(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INDICIA_DATA: '' } });
    let stdout = '';
    let stderr = '';
    let peakRssKb = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const sampler = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakRssKb = Math.max(peakRssKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has just exited
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`));
      else resolve({ stdout, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peakRssKb / 1024) });
    });
  });
}

const testbed = await startTestbed({ seed, ads, logRequests: false });
try {
  const truth = groundTruth({ seed, ads });
  process.stderr.write(`testbed: ${ads} ads, ${truth.pages} crawlable pages, proxy ${testbed.proxyUrl}\n`);
  const dataDir = join(work, 'data');
  const crawl = await measured(process.execPath, [
    join(root, 'cli/bin/indicia.js'), 'crawl', ...testbed.seedUrls, '--proxy', testbed.proxyUrl, '--data', dataDir,
    '--max-pages', String(truth.pages + 1000), '--max-depth', '100000', '--concurrency', String(concurrency), '--per-host-concurrency', String(concurrency), '--json',
  ]);
  const summary = JSON.parse(crawl.stdout);
  const db = new Database(join(dataDir, 'crawl.sqlite'), { readonly: true });
  const urls = db.prepare("SELECT url FROM captures").pluck().all();
  db.close();
  const urlFile = join(work, 'urls.txt');
  writeFileSync(urlFile, urls.join('\n'));
  const loop = await measured(process.execPath, [join(root, 'bench/plain-fetch-loop.mjs'), urlFile, testbed.proxyUrl, String(concurrency)]);
  const baseline = JSON.parse(loop.stdout);
  const stageAlone = await measured(process.execPath, [join(root, 'bench/crawler-only.mjs'), join(work, 'crawler-only'), testbed.proxyUrl, String(concurrency), String(truth.pages + 1000), ...testbed.seedUrls]);
  const crawlerOnly = JSON.parse(stageAlone.stdout);

  const indiciaPagesPerSecond = summary.pages.captured / crawl.seconds;
  const result = {
    bench: 'crawl-http',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    testbed: { seed, ads, pages: truth.pages },
    concurrency,
    indicia: {
      pages: summary.pages.captured, failed: summary.pages.failed, adsIndexed: summary.index.ads,
      wallSeconds: Number(crawl.seconds.toFixed(2)), pagesPerSecond: Number(indiciaPagesPerSecond.toFixed(1)), peakRssMb: crawl.peakRssMb,
    },
    crawlerStageAlone: { pages: crawlerOnly.pages, seconds: Number(crawlerOnly.seconds.toFixed(2)), pagesPerSecond: Number(crawlerOnly.pagesPerSecond.toFixed(1)), peakRssMb: stageAlone.peakRssMb },
    plainFetchLoop: { pages: baseline.pages, failed: baseline.failed, seconds: Number(baseline.seconds.toFixed(2)), pagesPerSecond: Number(baseline.pagesPerSecond.toFixed(1)), peakRssMb: loop.peakRssMb },
    ratio: Number((indiciaPagesPerSecond / baseline.pagesPerSecond).toFixed(3)),
    crawlerStageAloneRatio: Number((crawlerOnly.pagesPerSecond / baseline.pagesPerSecond).toFixed(3)),
    note: 'indicia wall time includes process start, robots.txt, crawl, extraction and SQLite indexing; the loop only fetches and reads bodies',
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/crawl-http.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await testbed.close();
  rmSync(work, { recursive: true, force: true });
}

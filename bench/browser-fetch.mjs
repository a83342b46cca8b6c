#!/usr/bin/env node
// Browser fetching (crawler/src/browser) against a plain HTTP GET loop on the same small local
// pages in one run, and the RSS of Node plus every browser process as the pages go by (pages per
// browser bounded, so it should stay flat). Usage: node bench/browser-fetch.mjs [pages] [pagesPerBrowser]
// Writes bench/results/browser-fetch.json. Build the crawler first (npx tsc -b crawler).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { HttpFetcher } from '../crawler/dist/http-fetcher.js';
import { startOrigin } from '../crawler/dist/loopback-fixtures.js';
import { BrowserFetcher } from '../crawler/dist/browser/browser-fetcher.js';
import { findBrowserExecutable } from '../crawler/dist/browser/browser-executable.js';

const pages = Number(process.argv[2] ?? 200);
const pagesPerBrowser = Number(process.argv[3] ?? 50);

const page = (i) =>
  `<!doctype html><html><head><title>Ad ${i}</title><style>body{font:14px sans-serif}</style></head><body><h1>Ad ${i}</h1>` +
  `<p>Call 702-555-01${String(i % 100).padStart(2, '0')} for rates. Available evenings.</p>` +
  Array.from({ length: 20 }, (_, j) => `<a href="/ads/${i + j + 1}">next ${j}</a>`).join(' ') +
  `<img src="/img/${i % 10}.png" width="40" height="40"></body></html>`;
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const origin = await startOrigin((request, response) => {
  const path = request.url ?? '/';
  if (path.startsWith('/img/')) response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(path.split('/').pop()) || 0));
});
const urls = Array.from({ length: pages }, (_, i) => `${origin.url}/ads/${i}`);

async function loop(concurrency, fetchOne) {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < urls.length) await fetchOne(urls[next++]); }));
  return (performance.now() - started) / 1000;
}

const http = new HttpFetcher({ proxyUrl: null, userAgent: 'IndiciaBench/1.0', timeoutMs: 10_000, maxBodyBytes: 5 << 20, maxRedirects: 5 });
const httpSeconds = await loop(2, (url) => http.fetch(url));
http.close();

const found = findBrowserExecutable();
if (!found.found) throw new Error(found.message);
const browser = new BrowserFetcher({
  executablePath: found.path, proxyUrl: null, userAgent: 'IndiciaBench/1.0', maxBodyBytes: 5 << 20, inScope: () => true,
  settings: { browsers: 1, pagesAtOncePerBrowser: 2, pagesPerBrowser },
});
const rss = [];
let done = 0;
const browserSeconds = await loop(browser.concurrency, async (url) => {
  await browser.fetch(url);
  done += 1;
  if (done % 25 === 0) rss.push({ pages: done, nodeMiB: mib(process.memoryUsage().rss), browserMiB: mib(browserRss()) });
});
const stats = browser.stats;
await browser.close();
await origin.close();

const result = {
  date: new Date().toISOString(),
  pages,
  pagesPerBrowser,
  browser: found.path,
  httpPagesPerSecond: round(pages / httpSeconds),
  browserPagesPerSecond: round(pages / browserSeconds),
  browserConcurrency: 2,
  stats,
  rss,
  note: 'one run on a shared 2-core machine, server in the same process; browser settle defaults (network idle 500 ms, scrolling)',
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/browser-fetch.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));

/** RSS of every process descended from this one (the browsers and their renderers). */
function browserRss() {
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* ended meanwhile */ }
  }
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) if (!ours.has(pid) && ours.has(parent)) { ours.add(pid); grew = true; }
  }
  ours.delete(process.pid);
  let bytes = 0;
  for (const pid of ours) {
    try { bytes += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024; } catch { /* ended */ }
  }
  return bytes;
}
function mib(bytes) { return Math.round(bytes / 1048576); }
function round(x) { return Math.round(x * 100) / 100; }

#!/usr/bin/env node
// Attribution for bench/crawl-http: the crawler stage alone (Crawlee, frontier, blob store, link
// extraction) with captures dropped instead of extracted and indexed. Prints JSON on stdout.
import { silentLogger } from '@indicia/core';
import { HttpCrawl } from '@indicia/crawler';

const [dataDir, proxyUrl, concurrencyArg, maxPagesArg, ...seeds] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const started = performance.now();
const crawl = new HttpCrawl(
  { seeds, dataDir, proxyUrl, maxPages: Number(maxPagesArg), maxDepth: 100_000, concurrency, perHostConcurrency: concurrency },
  { log: silentLogger(), onCapture: async () => {} },
  'bench-crawler-only',
);
const summary = await crawl.run();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ pages: summary.captured, failed: summary.failed, seconds, pagesPerSecond: summary.captured / seconds })}\n`);

#!/usr/bin/env node
// One crawl for bench/browser-crawl, in its own process so the parent can read this process's memory
// and its Chromium processes' apart from the testbed's. Argument: the crawl settings as JSON.
// Prints on stdout one JSON line per second, {"progress": {captured, elapsedMs}}, then one with
// {"summary": ...}: the counts, the seconds, and a digest of the captured URLs (the parent checks two
// crawls fetched the same pages). Captures are dropped after they are counted.
import { createHash } from 'node:crypto';
import { silentLogger } from '@indicia/core';
import { HttpCrawl } from '@indicia/crawler';

const settings = JSON.parse(process.argv[2] ?? '');
const capturedUrls = [];
const started = performance.now();
const crawl = new HttpCrawl(
  settings,
  {
    log: silentLogger(),
    onCapture: async (capture) => {
      capturedUrls.push(capture.canonicalUrl);
    },
    onProgress: (progress) => process.stdout.write(`${JSON.stringify({ progress: { captured: progress.captured, rendered: progress.rendered, elapsedMs: progress.elapsedMs } })}\n`),
  },
  `bench-browser-crawl-${settings.mode}`,
);
// The parent stops a run with SIGTERM; stop gracefully so the browsers are closed, not orphaned.
process.once('SIGTERM', () => void crawl.stop());
const summary = await crawl.run();
const seconds = (performance.now() - started) / 1000;
const urlsSha256 = createHash('sha256').update(capturedUrls.sort().join('\n')).digest('hex');
const { failures, settings: _settings, ...figures } = summary;
process.stdout.write(`${JSON.stringify({ summary: { ...figures, firstFailures: failures.slice(0, 5), seconds, urlsSha256 } })}\n`);

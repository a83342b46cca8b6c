#!/usr/bin/env node
// Baseline for bench/crawl-http: fetch a list of URLs through a proxy with keep-alive and a fixed
// number of workers, doing nothing with the bodies but reading them. Prints JSON on stdout.
import { readFileSync } from 'node:fs';
import { ProxyAgent, request } from 'undici';

const [urlFile, proxyUrl, concurrencyArg] = process.argv.slice(2);
const urls = readFileSync(urlFile, 'utf8').split('\n').filter(Boolean);
const concurrency = Number(concurrencyArg);
const dispatcher = new ProxyAgent({ uri: proxyUrl, connections: concurrency, keepAliveTimeout: 30_000 });

let next = 0;
let ok = 0;
let failed = 0;
let bytes = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < urls.length) {
      const url = urls[next++];
      try {
        const response = await request(url, { dispatcher, maxRedirections: 0 });
        const body = await response.body.arrayBuffer();
        bytes += body.byteLength;
        ok++;
      } catch {
        failed++;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await dispatcher.close();
process.stdout.write(JSON.stringify({ pages: ok, failed, bytes, seconds, pagesPerSecond: ok / seconds }) + '\n');

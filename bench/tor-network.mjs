#!/usr/bin/env node
// bench/tor-network: what crawling through Tor costs, on the private Tor network of
// infra/tor-testnet.sh (started here if it is not running, and stopped again). The testbed's onion
// mirror is published as a real onion service (ADD_ONION) and fetched three ways, in the same run:
//   - through the private Tor network: client → guard → middle → rendezvous ← middle ← guard ← service
//   - through the testbed's SOCKS proxy (the same pages, no Tor): the scale Tor is measured against
//   - `indicia crawl` of the whole mirror, through Tor and through the testbed's SOCKS proxy
// Latency is one SOCKS stream per request (Connection: close), as the crawler opens per page on a
// site's isolated circuit. Figures to bench/results/tor-network.json.
//
//   node bench/tor-network.mjs [--ads 80 --requests 120 --concurrency 4]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { onionGroundTruth, onionServiceKeyOf, startTestbed } from '@indicia/testbed';
import { OnionMirrorBackend } from '../cli/dist/test-support/onion-mirror-backend.js';
import { waitUntilOnionAnswers } from '../cli/dist/test-support/onion-reachable.js';
import { socksConnect } from '../cli/dist/test-support/socks-connect.js';
import { TorControl } from '../cli/dist/test-support/tor-control.js';
import { TorTestnet } from '../cli/dist/test-support/tor-testnet.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: { ads: { type: 'string', default: '80' }, requests: { type: 'string', default: '120' }, concurrency: { type: 'string', default: '4' }, seed: { type: 'string', default: '4' } },
});
const ads = Number(values.ads);
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const seed = Number(values.seed);

/** GET over a fresh SOCKS stream; resolves with the milliseconds to the end of the body. */
async function timedGet(socksUrl, host, path) {
  const started = performance.now();
  const socket = await socksConnect(socksUrl, host, 80, 60_000);
  const response = await new Promise((resolve, reject) => {
    const chunks = [];
    socket.setTimeout(60_000, () => reject(new Error(`no answer for ${path} within 60 s`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: indicia-bench\r\nConnection: close\r\n\r\n`);
  }).finally(() => socket.destroy());
  if (!/^HTTP\/1\.1 200/.test(response)) throw new Error(`${path}: ${response.slice(0, 80)}`);
  return performance.now() - started;
}

async function fetchLoop(socksUrl, host, paths) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) latencies.push(await timedGet(socksUrl, host, paths[next++]));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return { requests: latencies.length, seconds: Math.round(seconds * 100) / 100, pagesPerSecond: Math.round((latencies.length / seconds) * 10) / 10, latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) } };
}

function crawl(seedUrl, proxyUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'indicia-bench-tor-'));
  const args = [join(root, 'cli/bin/indicia.js'), 'crawl', seedUrl, '--proxy', proxyUrl, '--data', dataDir, '--mode', 'http', '--no-images', '--no-pivot', '--deny', '/trap/', '--deny', '/go/', '--retries', '1', '--json'];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INDICIA_DATA: '', INDICIA_ONION_PER_HOST_DELAY_MS: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`indicia crawl exited ${code}\n${stderr.slice(-2000)}`));
      const summary = JSON.parse(stdout);
      const seconds = (performance.now() - started) / 1000;
      resolve({ pages: summary.pages.captured, failed: summary.pages.failed, wallSeconds: Math.round(seconds * 100) / 100, pagesPerSecond: Math.round((summary.pages.captured / seconds) * 10) / 10 });
    });
  });
}

const tor = TorTestnet.use();
const testbed = await startTestbed({ seed, ads, logRequests: false });
const truth = onionGroundTruth({ seed, ads });
const mirror = truth.mirrors[0];
const mirrorHost = mirror.onionHost;
const backend = await OnionMirrorBackend.start({ testbedSocksUrl: testbed.socksUrl, mirrorHost });
const control = await TorControl.connect(tor.info.onionControl);
try {
  const published = performance.now();
  // Published with the mirror's own key, so under the mirror's own name.
  const onion = await control.addOnion(backend.target, `ED25519-V3:${onionServiceKeyOf(seed, mirror.clearHost)}`);
  const reachableMs = await waitUntilOnionAnswers(tor.info.socksUrl, onion, 120_000);
  process.stderr.write(`onion service ${onion} answers ${Math.round(performance.now() - published)} ms after ADD_ONION\n`);
  const adPaths = truth.ads.map((ad) => new URL(ad.url).pathname);
  const paths = Array.from({ length: requests }, (_, i) => adPaths[i % adPaths.length]);

  // A new SOCKS username is a new circuit (IsolateSOCKSAuth): the first request pays for it.
  const fresh = new URL(tor.info.socksUrl);
  fresh.username = `bench-${Date.now()}`;
  fresh.password = 'x';
  const firstRequestMs = Math.round(await timedGet(fresh.href, onion, '/'));

  const viaTestbedSocks = await fetchLoop(testbed.socksUrl, mirrorHost, paths);
  const viaTor = await fetchLoop(tor.info.socksUrl, onion, paths);
  process.stderr.write(`fetch loop: Tor ${viaTor.pagesPerSecond} pages/s (p50 ${viaTor.latencyMs.p50} ms), testbed SOCKS ${viaTestbedSocks.pagesPerSecond} pages/s\n`);
  const crawlViaTestbedSocks = await crawl(truth.mirrors[0].seedUrl, testbed.socksUrl);
  const crawlViaTor = await crawl(`http://${onion}/`, tor.info.socksUrl);
  process.stderr.write(`indicia crawl: Tor ${crawlViaTor.pagesPerSecond} pages/s, testbed SOCKS ${crawlViaTestbedSocks.pagesPerSecond} pages/s\n`);

  const result = {
    bench: 'tor-network',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    network: 'infra/tor-testnet.sh: 3 authorities, 4 relays (2 exits), 1 client, 1 onion-service host, all on 127.0.0.1',
    testbed: { seed, ads, mirrorAds: truth.ads.length },
    onionServiceReachableMsAfterPublish: reachableMs,
    firstRequestOnNewCircuitMs: firstRequestMs,
    concurrency,
    fetchLoop: { viaTor, viaTestbedSocks, torSlowdownAtP50: Math.round((viaTor.latencyMs.p50 / viaTestbedSocks.latencyMs.p50) * 10) / 10 },
    indiciaCrawl: { viaTor: crawlViaTor, viaTestbedSocks: crawlViaTestbedSocks, ratio: Math.round((crawlViaTor.pagesPerSecond / crawlViaTestbedSocks.pagesPerSecond) * 100) / 100 },
    note: 'the crawl uses the onion defaults except per-host delay 0 (per-host concurrency 2); single noisy runs on a shared 2-core machine',
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/tor-network.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  control.close();
  await backend.close();
  await testbed.close();
  tor.release();
}

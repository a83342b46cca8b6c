// Pages/s through the testbed's SOCKS5 proxy (socks5h, per-site stream isolation) against the same
// HttpFetcher fetching the same pages directly, at the same concurrency, in the same run. Rounds
// alternate the routes so a machine that gets busier mid-run slows all of them alike; each route's
// figure is its median round, and a ratio is the median of the rounds' ratios. Also counts the SOCKS connections each route opened (keep-alive: a
// handful, not one per page). Writes bench/results/socks-proxy.json. About 30 s.
import { writeFileSync } from 'node:fs';
import { HttpFetcher } from '../crawler/dist/http-fetcher.js';
import { startTestbed } from '@indicia/testbed';

const pagesPerRound = Number(process.env.PAGES ?? 6000);
const rounds = Number(process.env.ROUNDS ?? 5);
const concurrency = 8;
const testbed = await startTestbed({ seed: 1, ads: 400, logRequests: false });
const clearHost = 'velvet-nights.test';
const mirror = testbed.onionMirrors.find((candidate) => candidate.clearHost === clearHost);
const paths = Array.from({ length: pagesPerRound }, (_, index) => `/ads/${(index % 150) + 1}`);
const options = { userAgent: 'IndiciaBench/1.0', timeoutMs: 30_000, maxBodyBytes: 5 * 1024 * 1024, maxRedirects: 5 };

// Direct: the testbed origin answers by Host header. Its names resolve nowhere, so the direct
// fetcher's agent resolves every name to the origin's address (the only change to the fetcher).
const origin = new URL(testbed.originUrl);
const direct = new HttpFetcher({ ...options, proxyUrl: null });
direct.agents.http.options.lookup = (_host, lookupOptions, callback) =>
  lookupOptions?.all ? callback(null, [{ address: origin.hostname, family: 4 }]) : callback(null, origin.hostname, 4);
const socks = new HttpFetcher({ ...options, proxyUrl: testbed.socksUrl });

const routes = [
  { label: 'direct (HttpFetcher, no proxy)', fetchOne: (path) => direct.fetch(`http://${clearHost}:${origin.port}${path}`) },
  { label: 'socks5h onion mirror (HttpFetcher)', fetchOne: (path) => socks.fetch(`http://${mirror.onionHost}${path}`) },
  { label: 'socks5h clear host (HttpFetcher)', fetchOne: (path) => socks.fetch(`http://${clearHost}${path}`) },
];

async function round(route) {
  let next = 0;
  let bytes = 0;
  const socksBefore = testbed.socksControl.connections().length;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const fetched = await route.fetchOne(paths[next++]);
        if (fetched.status !== 200) throw new Error(`${route.label}: HTTP ${fetched.status}`);
        bytes += fetched.body.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, pagesPerSecond: paths.length / seconds, bytes, socksConnections: testbed.socksControl.connections().length - socksBefore };
}

for (const route of routes) await Promise.all(paths.slice(0, 50).map(route.fetchOne)); // warm-up: JIT, kept-alive connections
const measured = new Map(routes.map((route) => [route.label, []]));
for (let i = 0; i < rounds; i++) for (const route of routes) measured.get(route.label).push(await round(route));
direct.close();
socks.close();
await testbed.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = routes.map(({ label }) => {
  const runs = measured.get(label);
  return {
    label,
    pagesPerRound,
    rounds: runs.map((run) => Number(run.pagesPerSecond.toFixed(1))),
    pagesPerSecond: Number(median(runs.map((run) => run.pagesPerSecond)).toFixed(1)),
    bytesPerPage: Math.round(runs[0].bytes / pagesPerRound),
    socksConnectionsPerRound: median(runs.map((run) => run.socksConnections)),
  };
});
// Each round's SOCKS figure over the direct figure of the same round (measured just before it), then
// the median: the machine's load drifts less within a round than across the run.
const ratio = (index) => {
  const runs = measured.get(routes[index].label);
  const baseline = measured.get(routes[0].label);
  return Number(median(runs.map((run, round) => run.pagesPerSecond / baseline[round].pagesPerSecond)).toFixed(2));
};
const report = {
  date: new Date().toISOString(),
  concurrency,
  baseline: results[0].label,
  results,
  onionViaSocksVsDirect: ratio(1),
  clearViaSocksVsDirect: ratio(2),
  aim: 0.8,
};
writeFileSync(new URL('./results/socks-proxy.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));

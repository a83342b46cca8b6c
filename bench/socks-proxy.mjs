// Pages/s through the testbed's SOCKS5 proxy (socks5h, per-site stream isolation) against direct
// HTTP to the testbed origin, same pages, same fetcher, same run. Writes bench/results/socks-proxy.json.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { HttpFetcher } from '../crawler/dist/http-fetcher.js';
import { startTestbed } from '@indicia/testbed';

const pages = Number(process.env.PAGES ?? 1500);
const concurrency = 8;
const testbed = await startTestbed({ seed: 1, ads: 400, logRequests: false });
const mirror = testbed.onionMirrors[0];
const paths = Array.from({ length: pages }, (_, index) => `/ads/${(index % 150) + 1}`);

async function run(label, fetchOne) {
  await Promise.all(paths.slice(0, 50).map(fetchOne)); // warm-up
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < paths.length) await fetchOne(paths[next++]);
  }));
  const seconds = (performance.now() - started) / 1000;
  return { label, pages: paths.length, seconds: Number(seconds.toFixed(2)), pagesPerSecond: Number((paths.length / seconds).toFixed(1)) };
}

const options = { userAgent: 'IndiciaBench/1.0', timeoutMs: 30_000, maxBodyBytes: 5 * 1024 * 1024, maxRedirects: 5 };
// Direct: the origin by Host header over the same keep-alive fetcher machinery.
const origin = new URL(testbed.originUrl);
const agent = new http.Agent({ keepAlive: true });
const direct = (path) => new Promise((resolve, reject) => {
  http.get({ host: origin.hostname, port: origin.port, path, agent, headers: { host: 'velvet-nights.test', 'user-agent': options.userAgent } }, (response) => {
    response.resume();
    response.on('end', resolve);
  }).on('error', reject);
});
const socks = new HttpFetcher({ ...options, proxyUrl: testbed.socksUrl });
const viaSocks = (path) => socks.fetch(`http://${mirror.onionHost}${path}`);
const viaSocksClear = (path) => socks.fetch(`http://velvet-nights.test${path}`);
const httpProxy = new HttpFetcher({ ...options, proxyUrl: testbed.proxyUrl });
const viaHttpProxy = (path) => httpProxy.fetch(`http://velvet-nights.test${path}`);

const results = [await run('direct (origin, node:http keep-alive)', direct), await run('socks5h onion mirror (HttpFetcher)', viaSocks), await run('socks5h clear host (HttpFetcher)', viaSocksClear), await run('http:// forward proxy (HttpFetcher)', viaHttpProxy)];
socks.close();
httpProxy.close();
agent.destroy();
await testbed.close();
const ratio = Number((results[1].pagesPerSecond / results[0].pagesPerSecond).toFixed(2));
const report = { date: new Date().toISOString(), pages, concurrency, results, socksVsDirect: ratio, aim: 0.8 };
writeFileSync(new URL('./results/socks-proxy.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));

// test-runner: alone (it asserts on time; scripts/test.mjs runs it after the other files, by itself)
import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { groundTruth, startTestbed } from './index.js';
import { ProxyClient } from './test-support/proxy-client.js';
import { referenceCrawl } from './test-support/reference-crawler.js';

describe('a full crawl of the testbed', () => {
  for (const ads of [1, 237]) {
    it(`fetches exactly the truth's page count and every truth ad (${ads} ads), and nothing under /private/`, async () => {
      const seed = 21;
      const truth = groundTruth({ seed, ads });
      const testbed = await startTestbed({ seed, ads });
      try {
        const crawl = await referenceCrawl(testbed.proxyUrl, testbed.seedUrls);
        const perHost = new Map<string, number>();
        for (const url of crawl.fetched.keys()) perHost.set(new URL(url).host, (perHost.get(new URL(url).host) ?? 0) + 1);
        for (const [host, pages] of Object.entries(truth.pagesBySite)) assert.equal(perHost.get(host), pages.total, host);
        assert.equal(crawl.fetched.size, truth.pages);
        // Over plain HTTP the app is a shell with no links: its ads are out of reach.
        const reachable = truth.ads.filter((ad) => ad.requires !== 'browser');
        for (const ad of reachable) assert.equal(crawl.fetched.get(ad.url), 200, ad.url);
        const adLike = [...crawl.fetched].filter(([url, status]) => status === 200 && /\/(ads|jobs|ad)\/\d+/.test(url)).map(([url]) => url);
        assert.deepEqual(adLike.sort(), reachable.map((ad) => ad.url).sort());
        assert.deepEqual([...crawl.fetched.keys()].filter((url) => url.startsWith('http://night-scroll.test/')), ['http://night-scroll.test/']);
        for (const url of truth.robotsBlockedUrls) assert.ok(crawl.blocked.has(url), `${url} is linked`);
        assert.equal(testbed.requestLog.filter((entry) => entry.path.startsWith('/private/')).length, 0);
        assert.equal(testbed.countRequests({ via: 'origin' }), 0);
      } finally {
        await testbed.close();
      }
    });
  }

  it('serves byte-identical pages from a restarted testbed with the same seed', async () => {
    const first = await startTestbed({ seed: 8, ads: 500 });
    const second = await startTestbed({ seed: 8, ads: 500 });
    const other = await startTestbed({ seed: 9, ads: 500 });
    const clients = [first, second, other].map((testbed) => new ProxyClient(testbed.proxyUrl));
    try {
      const urls = ['/', '/ads?page=3', '/ads/17', '/ads/300', '/city/london?page=1', '/trap/malformed'].map((path) => `http://velvet-nights.test${path}`);
      urls.push(...['/', '/jobs?lang=ro&page=2', '/jobs/3-x', '/private/archive'].map((path) => `http://abroad-jobs.test${path}`));
      urls.push(...['/api/listings?page=2', '/api/ads/7'].map((path) => `http://night-scroll.test${path}`));
      urls.push(...['/ads/5', '/photos/3-1.jpg', '/img/ads/2-1.png', '/img/ads/2-1.jpg'].map((path) => `http://picture-board.test${path}`));
      let differs = 0;
      for (const url of urls) {
        const [a, b, c] = await Promise.all(clients.map((client) => client.get(url)));
        assert.equal(a!.status, b!.status);
        assert.ok(a!.body.equals(b!.body), url);
        if (!a!.body.equals(c!.body)) differs++;
      }
      assert.ok(differs >= 5, 'another seed serves other pages');
    } finally {
      for (const client of clients) client.close();
      await Promise.all([first, second, other].map((testbed) => testbed.close()));
    }
  });

  it('serves 100,000 ads without building them up front, nearly as fast as a server that builds nothing', async (t) => {
    const startedAt = performance.now();
    const testbed = await startTestbed({ seed: 2, ads: 100_000, logRequests: false });
    const startup = performance.now() - startedAt;
    const trivial = await trivialServer();
    const client = new ProxyClient(testbed.proxyUrl, { sockets: 8 });
    const trivialClient = new ProxyClient(trivial.url, { sockets: 8 });
    try {
      assert.equal((await client.get('http://velvet-nights.test/ads/50000')).status, 200);
      assert.equal((await client.get('http://velvet-nights.test/ads/50001')).status, 404);
      assert.equal((await client.get('http://velvet-nights.test/ads?page=2500')).status, 200);
      assert.equal((await client.get('http://abroad-jobs.test/jobs?lang=pl&page=300')).status, 200);
      assert.equal((await client.get('http://abroad-jobs.test/jobs?lang=pl&page=301')).status, 404);
      assert.equal((await client.get('http://picture-board.test/ads/10000')).status, 200);
      assert.equal((await client.get('http://night-scroll.test/api/ads/10000')).status, 200);
      assert.equal((await client.get('http://night-scroll.test/api/ads/10001')).status, 404);

      // Rounds alternate between the two servers so both see the same load from other tests.
      const times = { testbed: 0, trivial: 0 };
      let requests = 0;
      for (let round = 0; round < 6; round++) {
        const urls = Array.from({ length: 400 }, (_, i) => {
          const n = round * 400 + i;
          return n % 20 === 0 ? `http://velvet-nights.test/ads?page=${n / 20 + 1}` : `http://velvet-nights.test/ads/${(n * 7919) % 50000 + 1}`;
        });
        times.testbed += await timed(client, urls);
        times.trivial += await timed(trivialClient, urls);
        requests += urls.length;
      }
      const perSecond = requests / (times.testbed / 1000);
      const ratio = times.trivial / times.testbed;
      t.diagnostic(`startup with 100,000 ads: ${startup.toFixed(0)} ms; ${perSecond.toFixed(0)} pages/s from 8 keep-alive connections (client in the same thread), ${ratio.toFixed(2)} of a server that sends a fixed page`);
      assert.ok(startup < 5000, `startup took ${startup.toFixed(0)} ms`);
      assert.ok(ratio > 0.3, `the testbed serves at ${ratio.toFixed(2)} of the speed of a fixed page`);
    } finally {
      client.close();
      trivialClient.close();
      await testbed.close();
      await trivial.close();
    }
  });
});

async function timed(client: ProxyClient, urls: string[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < urls.length) assert.equal((await client.get(urls[next++]!)).status, 200);
  }));
  return performance.now() - started;
}

/** A server that answers every request with the same 1.5 kB page: the floor of what HTTP costs here. */
async function trivialServer(): Promise<{ url: string; close(): Promise<void> }> {
  const page = Buffer.from(`<!DOCTYPE html><html><body>${'<p>fixed page</p>'.repeat(90)}</body></html>`);
  const server = createServer({ keepAliveTimeout: 30_000 }, (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': page.length });
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

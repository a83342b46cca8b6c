// test-runner: alone (per-host delays and request timeouts are asserted in milliseconds; scripts/test.mjs runs it after the other files, by itself)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { captureIdFor, PageCapturedSchema } from '@indicia/core';
import { BlobStore, HttpCrawl, ProxyDownError, type CrawlSettingsInput } from './index.js';
import { keptHeaderNames } from './page-capture.js';
import { closedPort, recordingHooks, sendHtml, startForwardProxy, startOrigin, temporaryDir, type RecordingHooks, type RouteHandler } from './loopback-fixtures.js';

/** These tests are about the HTTP path: their tiny pages would look script-rendered to auto mode (see browser-crawl.test.ts). */
const quick = { retryBackoffMs: 10, requestTimeoutMs: 2000, mode: 'http' } satisfies Partial<CrawlSettingsInput>;

/** An origin and a proxy in front of it, torn down after `body`. */
async function withWeb(route: RouteHandler, body: (web: { origin: Awaited<ReturnType<typeof startOrigin>>; proxy: Awaited<ReturnType<typeof startForwardProxy>>; dataDir: string }) => Promise<void>): Promise<void> {
  const origin = await startOrigin(route);
  const proxy = await startForwardProxy(origin.port);
  const dir = await temporaryDir();
  try {
    await body({ origin, proxy, dataDir: dir.path });
  } finally {
    await proxy.close();
    await origin.close();
    await dir.remove();
  }
}

async function crawl(settings: CrawlSettingsInput, hooks: RecordingHooks = recordingHooks(), runId = 'run-test') {
  const summary = await new HttpCrawl(settings, hooks, runId).run();
  return { summary, hooks, byUrl: new Map(hooks.captures.map((capture) => [capture.url, capture])) };
}

function urlStates(dataDir: string): Map<string, { state: string; last_error: string | null }> {
  const db = new Database(join(dataDir, 'crawl.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT canonical_url, state, last_error FROM urls').all() as Array<{ canonical_url: string; state: string; last_error: string | null }>;
    return new Map(rows.map((row) => [row.canonical_url, row]));
  } finally {
    db.close();
  }
}

describe('HttpCrawl', () => {
  test('crawls through the proxy: each in-scope page once, links canonicalised, captures complete and stored', async () => {
    const site: Record<string, string> = {
      '/': `<a href="/a">a</a> <a href="/b?utm_source=mail">b</a> <a href="/a#contact">a again</a> <a href="http://SITE.test:80/b">b again</a>
            <a href="mailto:someone@example.com">mail</a> <a href="tel:+17025550100">call</a> <a href="javascript:void(0)">js</a>
            <a href="http://other.test/x">elsewhere</a> <a href="http://img.site.test/pic">subdomain</a>
            <link rel="next" href="/page/2"><area href="/not-a-link">`,
      '/a': '<a href="c">c</a> <a href="/">home</a>',
      '/b': '<base href="/deep/"><a href="../a">a</a>',
      '/c': '<p>leaf</p>',
      '/page/2': '<p>page 2</p>',
      '/pic': '<p>on a subdomain</p>',
    };
    await withWeb(
      (request, response) => {
        const page = site[request.url ?? ''];
        if (page === undefined) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'x-secret': 'dropped', server: 'test' }).end(`<html><body>${page}</body></html>`);
      },
      async ({ origin, proxy, dataDir }) => {
        const proxyWithCredentials = proxy.url.replace('http://', 'http://agent:s3cret@');
        const crawleeStorage = join(process.cwd(), 'storage');
        const storageExistedBefore = existsSync(crawleeStorage);
        const { summary, hooks, byUrl } = await crawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxyWithCredentials, ...quick });
        const expected = ['http://site.test/', 'http://site.test/a', 'http://site.test/b', 'http://site.test/c', 'http://site.test/page/2', 'http://img.site.test/pic'];
        assert.deepEqual([...byUrl.keys()].sort(), expected.sort());
        assert.equal(summary.captured, 6);
        assert.equal(summary.failed, 0);
        assert.equal(summary.completed, true);
        assert.equal(summary.frontier.out_of_scope, 1);
        assert.equal(summary.settings.proxyUrl, proxy.url, 'credentials removed');
        for (const [key, count] of origin.completed) assert.equal(count, 1, `${key} fetched once`);
        assert.equal(origin.requests.filter((r) => r.host === 'other.test').length, 0);
        assert.ok(proxy.targets.every((target) => target.startsWith('http://')), 'absolute-form requests only');
        assert.equal(origin.requests.length, proxy.targets.length, 'everything went through the proxy');

        const blobs = new BlobStore(join(dataDir, 'blobs'));
        for (const capture of hooks.captures) {
          PageCapturedSchema.parse(capture);
          assert.equal(capture.captureId, captureIdFor(capture.canonicalUrl, capture.fetchedAt, capture.bodySha256));
          assert.equal(capture.proxy, proxy.url);
          assert.equal(capture.fetchMode, 'http');
          assert.equal(capture.contentType, 'text/html');
          assert.equal((await blobs.get(capture.bodySha256)).toString('utf8'), capture.body);
          assert.ok(Object.keys(capture.headers).every((name) => (keptHeaderNames as readonly string[]).includes(name)));
          assert.equal(capture.headers.etag, '"v1"');
        }
        assert.equal(byUrl.get('http://site.test/c')!.depth, 2);
        assert.equal(byUrl.get('http://img.site.test/pic')!.site, 'img.site.test');
        assert.ok(hooks.progress.length >= 1 && hooks.progress.at(-1)!.captured === 6);

        const db = new Database(join(dataDir, 'crawl.sqlite'), { readonly: true });
        const run = db.prepare('SELECT settings_json, respect_robots_txt, completed, ended_at FROM runs').get() as { settings_json: string; respect_robots_txt: number; completed: number; ended_at: string };
        db.close();
        assert.equal(run.respect_robots_txt, 1);
        assert.equal(run.completed, 1);
        assert.ok(!run.settings_json.includes('s3cret'));
        assert.equal(existsSync(crawleeStorage), storageExistedBefore, 'Crawlee kept its storage in memory');
      },
    );
  });

  test('honours robots.txt: blocked paths are recorded and never requested; ignoring robots is recorded with the run', async () => {
    const robots = 'User-agent: *\nDisallow: /private\n\nUser-agent: Indicia\nDisallow: /private\nDisallow: /not-for-indicia\n';
    await withWeb(
      (request, response) => {
        if (request.url === '/robots.txt') return void response.writeHead(200, { 'content-type': 'text/plain' }).end(robots);
        sendHtml(response, request.url === '/' ? '<a href="/private/x">p</a><a href="/not-for-indicia">n</a><a href="/ok">ok</a>' : 'page');
      },
      async ({ origin, dataDir, proxy }) => {
        const first = await crawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, ...quick });
        assert.deepEqual([...first.byUrl.keys()].sort(), ['http://site.test/', 'http://site.test/ok']);
        assert.equal(first.summary.skippedByRobots, 2);
        assert.equal(origin.hits('/private/x') + origin.hits('/not-for-indicia'), 0);
        assert.equal(origin.hits('/robots.txt'), 1);
        const states = urlStates(dataDir);
        assert.equal(states.get('http://site.test/private/x')!.state, 'robots_blocked');
        assert.match(states.get('http://site.test/not-for-indicia')!.last_error!, /^disallowed by robots.txt/);

        const second = await crawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, respectRobotsTxt: false, ...quick }, recordingHooks(), 'run-2');
        assert.deepEqual([...second.byUrl.keys()].sort(), ['http://site.test/not-for-indicia', 'http://site.test/private/x']);
        assert.equal(second.summary.settings.respectRobotsTxt, false);
        const db = new Database(join(dataDir, 'crawl.sqlite'), { readonly: true });
        assert.deepEqual(db.prepare('SELECT respect_robots_txt FROM runs ORDER BY started_at').pluck().all(), [1, 0]);
        db.close();
      },
    );
  });

  test('proxy down at the start: refused at once, saying what to do; nothing fetched, nothing failed, nothing sent around it', async () => {
    const origin = await startOrigin((_request, response) => sendHtml(response, 'reached directly'));
    const dead = `http://127.0.0.1:${await closedPort()}`;
    try {
      for (const respectRobotsTxt of [true, false]) {
        const dir = await temporaryDir();
        try {
          const seeds = [`${origin.url}/`, `${origin.url}/other`];
          const started = Date.now();
          await assert.rejects(
            new HttpCrawl({ seeds, dataDir: dir.path, proxyUrl: dead, respectRobotsTxt, maxRetries: 1, ...quick }, recordingHooks(), 'run-proxy-down').run(),
            (error: Error) => error instanceof ProxyDownError && /does not answer, so nothing was fetched .*start it .*or correct --proxy/.test(error.message),
          );
          assert.ok(Date.now() - started < 5_000, 'not after waiting for it as for an outage mid-crawl');
          assert.equal(existsSync(join(dir.path, 'crawl.sqlite')), false, 'no frontier opened, so no page marked failed');
        } finally {
          await dir.remove();
        }
      }
      assert.equal(origin.requests.length, 0);
    } finally {
      await origin.close();
    }
  });

  test('bad responses: retries 5xx/429 then succeeds, 500 fails, 404 kept, loops fail, oversized cut, non-HTML and broken HTML kept', async () => {
    const served = new Map<string, number>();
    const huge = 12 * 1024 * 1024;
    await withWeb(
      (request, response) => {
        const path = request.url ?? '/';
        const times = (served.get(path) ?? 0) + 1;
        served.set(path, times);
        switch (path) {
          case '/robots.txt':
            return void response.writeHead(404).end();
          case '/':
            return sendHtml(response, ['/flaky', '/throttled', '/broken', '/missing', '/loop-a', '/moved', '/doc.pdf', '/huge', '/malformed', '/slow', '/odd-charset'].map((p) => `<a href="${p}">${p}</a>`).join(''));
          case '/flaky':
            return times <= 2 ? void response.writeHead(503).end('busy') : sendHtml(response, 'recovered');
          case '/throttled':
            return times === 1 ? void response.writeHead(429, { 'retry-after': '0' }).end() : sendHtml(response, 'let in');
          case '/broken':
            return void response.writeHead(500).end('<h1>oops</h1>');
          case '/loop-a':
            return void response.writeHead(302, { location: '/loop-b' }).end();
          case '/loop-b':
            return void response.writeHead(302, { location: '/loop-a' }).end();
          case '/moved':
            return void response.writeHead(301, { location: '/target' }).end();
          case '/target':
            return sendHtml(response, 'moved here');
          case '/doc.pdf':
            return void response.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from('%PDF-1.4\n\x00\x01\x02 binary'));
          case '/huge': {
            response.writeHead(200, { 'content-type': 'text/html' });
            response.write('<html><body><a href="/from-huge">first</a>');
            const chunk = Buffer.alloc(64 * 1024, 'x');
            let sent = 0;
            const more = (): void => {
              while (sent < huge && !response.destroyed) {
                sent += chunk.length;
                if (!response.write(chunk)) return void response.once('drain', more);
              }
              response.end('</body></html>');
            };
            return more();
          }
          case '/malformed':
            return void response
              .writeHead(200, { 'content-type': 'text/html' })
              .end('<html><body><div><a href="/from-malformed">x<table><tr><td><a href=/second-malformed>y</p></i></b><<<>>> <a href="');
          case '/odd-charset':
            return void response.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-charset' }).end('<a href="/from-odd-charset">x</a>');
          case '/slow':
            return void response.writeHead(200, { 'content-type': 'text/html' }).write('<html>');
          default:
            return path.startsWith('/missing') ? sendHtml(response, 'not here', 404) : sendHtml(response, `page ${path}`);
        }
      },
      async ({ dataDir, proxy }) => {
        const { summary, byUrl } = await crawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, maxRetries: 2, retryBackoffMs: 10, requestTimeoutMs: 1000, maxResponseBytes: 256 * 1024, mode: 'http' });
        const page = (path: string) => byUrl.get(`http://site.test${path}`);
        assert.equal(page('/flaky')!.status, 200);
        assert.equal(served.get('/flaky'), 3, 'two 503s, then success');
        assert.equal(page('/throttled')!.status, 200);
        assert.equal(page('/missing')!.status, 404);
        assert.equal(served.get('/missing'), 1, '4xx is not retried');
        assert.equal(page('/moved')!.finalUrl, 'http://site.test/target');
        const pdf = page('/doc.pdf')!;
        assert.equal(pdf.contentType, 'application/pdf');
        assert.equal(pdf.body, '');
        assert.equal(pdf.bodyBytes, 19);
        const cut = page('/huge')!;
        assert.equal(cut.truncated, true);
        assert.equal(cut.bodyBytes, 256 * 1024);
        assert.ok(page('/from-huge'), 'links before the cut are followed');
        assert.ok(page('/malformed') && page('/from-malformed') && page('/second-malformed'), 'malformed HTML is captured and its links followed');
        assert.equal(page('/odd-charset')!.headers['content-type'], 'text/html; charset=x-no-such-charset', 'an unknown charset does not lose the page');
        assert.ok(page('/from-odd-charset'));

        const reasons = new Map(summary.failures.map((failure) => [failure.url, failure.reason]));
        assert.equal(reasons.get('http://site.test/broken'), 'HTTP 500 Internal Server Error');
        assert.equal(served.get('/broken'), 3, 'tried 1 + maxRetries times');
        assert.match(reasons.get('http://site.test/loop-a')!, /^redirect loop: http:\/\/site.test\/loop-a -> http:\/\/site.test\/loop-b -> http:\/\/site.test\/loop-a/);
        assert.equal(served.get('/loop-a'), 1, 'a redirect loop is not retried');
        assert.equal(reasons.get('http://site.test/slow'), 'timed out after 1000 ms');
        assert.equal(summary.failed, 3);
        assert.equal(summary.captured, 13);
        const states = urlStates(dataDir);
        assert.equal(states.get('http://site.test/broken')!.state, 'failed');
        assert.equal(states.get('http://site.test/broken')!.last_error, 'HTTP 500 Internal Server Error');
      },
    );
  });

  test('a capture hook that throws fails the attempt; the page is retried and the crawl goes on', async () => {
    const calls = new Map<string, number>();
    const hooks = recordingHooks(async (capture) => {
      const count = (calls.get(capture.url) ?? 0) + 1;
      calls.set(capture.url, count);
      if (capture.url.endsWith('/fragile') && count === 1) throw new Error('index briefly unavailable');
      if (capture.url.endsWith('/cursed')) throw new TypeError('cannot read properties of undefined');
    });
    await withWeb(
      (request, response) => (request.url === '/robots.txt' ? void response.writeHead(404).end() : sendHtml(response, '<a href="/fragile">f</a><a href="/cursed">c</a><a href="/fine">ok</a>')),
      async ({ dataDir, proxy }) => {
        const { summary, byUrl } = await crawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, maxRetries: 2, ...quick }, hooks);
        assert.deepEqual([...byUrl.keys()].sort(), ['http://site.test/', 'http://site.test/fine', 'http://site.test/fragile']);
        assert.equal(calls.get('http://site.test/fragile'), 2);
        assert.equal(calls.get('http://site.test/cursed'), 3);
        assert.deepEqual(summary.failures, [{ url: 'http://site.test/cursed', reason: 'capture hook failed: cannot read properties of undefined' }]);
      },
    );
  });

  test('resume: a stopped crawl continues without refetching; a finished one fetches nothing; recrawl refetches', async () => {
    const pages = Array.from({ length: 30 }, (_, i) => `/p${i}`);
    await withWeb(
      (request, response) => {
        if (request.url === '/robots.txt') return void response.writeHead(404).end();
        const index = request.url === '/' ? pages.map((p) => `<a href="${p}">${p}</a>`).join('') : '';
        setTimeout(() => sendHtml(response, index || `page ${request.url}`), 5);
      },
      async ({ origin, dataDir, proxy }) => {
        const settings = { seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, concurrency: 4, ...quick };
        const fetches = () => [...origin.completed].filter(([key]) => !key.endsWith('/robots.txt'));
        const allFetched = (times: number) => fetches().length === 31 && fetches().every(([, count]) => count === times);

        // Run 1 stops itself after 10 captures, with requests still in flight.
        const stopper = recordingHooks(async () => {
          if (stopper.captures.length === 9) void first.stop();
        });
        const first = new HttpCrawl(settings, stopper, 'run-1');
        const one = await first.run();
        assert.equal(one.completed, false);
        assert.ok(one.captured >= 10 && one.captured < 31, `captured ${one.captured}`);
        assert.equal(one.frontier.in_flight, 0);

        const two = await crawl(settings, recordingHooks(), 'run-2');
        assert.equal(two.summary.alreadyCaptured, one.captured);
        assert.equal(one.captured + two.summary.captured, 31);
        assert.equal(two.summary.completed, true);
        assert.ok(allFetched(1), 'every page fetched exactly once over both runs');

        const requestsBefore = origin.requests.length;
        const three = await crawl(settings, recordingHooks(), 'run-3');
        assert.equal(three.summary.captured, 0);
        assert.equal(three.summary.alreadyCaptured, 31);
        assert.equal(origin.requests.length, requestsBefore, 'a finished frontier fetches nothing');

        // A recrawl, stopped midway, then run again with the same flag: it continues, it does not start over.
        const recrawlStopper = recordingHooks(async () => {
          if (recrawlStopper.captures.length === 9) void fourth.stop();
        });
        const fourth = new HttpCrawl({ ...settings, recrawl: true }, recrawlStopper, 'run-4');
        const four = await fourth.run();
        assert.equal(four.alreadyCaptured, 0);
        const five = await crawl({ ...settings, recrawl: true }, recordingHooks(), 'run-5');
        assert.equal(four.captured + five.summary.captured, 31);
        assert.ok(allFetched(2), 'every page fetched exactly twice after one full recrawl');
      },
    );
  });

  test('politeness: per-host concurrency and per-host delay hold while hosts are crawled in parallel', async () => {
    const links = (host: string, n: number) => Array.from({ length: n }, (_, i) => `<a href="http://${host}/p${i}">p</a>`).join('');
    await withWeb(
      (request, response) => {
        if (request.url === '/robots.txt') return void response.writeHead(404).end();
        const host = request.headers.host!;
        setTimeout(() => sendHtml(response, request.url === '/' ? links(host, 11) : 'leaf'), 40);
      },
      async ({ origin, dataDir, proxy }) => {
        const { summary } = await crawl({ seeds: ['http://a.test/', 'http://b.test/'], dataDir, proxyUrl: proxy.url, concurrency: 10, perHostConcurrency: 2, ...quick });
        assert.equal(summary.captured, 24);
        assert.equal(origin.peakConcurrency.get('a.test'), 2);
        assert.equal(origin.peakConcurrency.get('b.test'), 2);
        const overlapping = origin.requests.filter((r) => r.path !== '/robots.txt').some((r, i, all) => all.some((o, j) => j !== i && o.host !== r.host && Math.abs(o.startedAt - r.startedAt) < 20));
        assert.ok(overlapping, 'the two hosts were crawled at the same time');
      },
    );
    await withWeb(
      (request, response) => (request.url === '/robots.txt' ? void response.writeHead(404).end() : sendHtml(response, request.url === '/' ? links('c.test', 4) : 'leaf')),
      async ({ origin, dataDir, proxy }) => {
        await crawl({ seeds: ['http://c.test/'], dataDir, proxyUrl: proxy.url, perHostDelayMs: 150, ...quick });
        const starts = origin.requests.map((r) => r.startedAt);
        assert.equal(starts.length, 6);
        // Measured where requests arrive, so connection setup adds some jitter to each gap.
        for (let i = 1; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 1]! >= 100, `gap ${starts[i]! - starts[i - 1]!} ms`);
        assert.ok(starts.at(-1)! - starts[0]! >= 5 * 150 - 30, `span ${starts.at(-1)! - starts[0]!} ms`);
      },
    );
  });

  test('limits: maxDepth stops following links, maxPages caps the frontier', async () => {
    await withWeb(
      (request, response) => {
        if (request.url === '/robots.txt') return void response.writeHead(404).end();
        const depth = Number((request.url ?? '/d0').slice(2)) || 0;
        sendHtml(response, `<a href="/d${depth + 1}">deeper</a>` + Array.from({ length: 5 }, (_, i) => `<a href="/w${depth}-${i}">w</a>`).join(''));
      },
      async ({ origin, dataDir, proxy }) => {
        const deep = await crawl({ seeds: ['http://site.test/d0'], dataDir, proxyUrl: proxy.url, maxDepth: 1, ...quick });
        assert.deepEqual([...deep.byUrl.values()].map((c) => c.depth).sort(), [0, 1, 1, 1, 1, 1, 1]);
        assert.equal(origin.hits('/d2'), 0);
      },
    );
    await withWeb(
      (request, response) => (request.url === '/robots.txt' ? void response.writeHead(404).end() : sendHtml(response, Array.from({ length: 10 }, (_, i) => `<a href="/w${i}">w</a>`).join(''))),
      async ({ dataDir, proxy }) => {
        const capped = await crawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, maxPages: 3, ...quick });
        assert.equal(capped.summary.captured, 3);
        assert.equal(urlStates(dataDir).size, 3);
      },
    );
  });

  test('invalid settings are a UsageError with the field named', () => {
    const hooks = recordingHooks();
    assert.throws(() => new HttpCrawl({ seeds: [], dataDir: '/tmp/x' }, hooks, 'r'), /invalid crawl settings: seeds/);
    assert.throws(() => new HttpCrawl({ seeds: ['ftp://x.test/'], dataDir: '/tmp/x' }, hooks, 'r'), /seed is not an http\(s\) URL/);
    assert.throws(() => new HttpCrawl({ seeds: ['http://x.test/'], dataDir: '/tmp/x', deny: ['('] }, hooks, 'r'), /deny.0: not a valid regular expression/);
    assert.throws(() => new HttpCrawl({ seeds: ['http://x.test/'], dataDir: '/tmp/x', proxyUrl: 'socks4://127.0.0.1:9050' }, hooks, 'r'), /proxyUrl/);
    assert.throws(() => new HttpCrawl({ seeds: ['http://x.test/'], dataDir: '/tmp/x', concurrency: 0 }, hooks, 'r'), /concurrency/);
  });
});

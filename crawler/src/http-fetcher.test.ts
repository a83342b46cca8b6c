import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FetchTimeoutError, ProxyUnreachableError, UnfollowableRedirectError } from './fetch-errors.js';
import { HttpFetcher, type HttpFetcherOptions } from './http-fetcher.js';
import { closedPort, startForwardProxy, startOrigin, temporaryDir, type RouteHandler } from './loopback-fixtures.js';

const mib = 1024 * 1024;

function fetcher(overrides: Partial<HttpFetcherOptions> = {}): HttpFetcher {
  return new HttpFetcher({ proxyUrl: null, userAgent: 'IndiciaTest/1.0', timeoutMs: 5000, maxBodyBytes: mib, maxRedirects: 10, ...overrides });
}

async function withOrigin(route: RouteHandler, body: (origin: Awaited<ReturnType<typeof startOrigin>>) => Promise<void>): Promise<void> {
  const origin = await startOrigin(route);
  try {
    await body(origin);
  } finally {
    await origin.close();
  }
}

describe('HttpFetcher', () => {
  test('sends our user agent and decodes gzip content-encoding', async () => {
    await withOrigin(
      (request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(`ua=${request.headers['user-agent']}`));
      },
      async (origin) => {
        const client = fetcher();
        const fetched = await client.fetch(`${origin.url}/x`);
        client.close();
        assert.equal(fetched.body.toString(), 'ua=IndiciaTest/1.0');
        assert.equal(fetched.truncated, false);
        assert.equal(fetched.proxy, null);
      },
    );
  });

  test('goes through an HTTP proxy in absolute form, with its credentials, and records it without them', async () => {
    await withOrigin(
      (request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(`host=${request.headers.host}`),
      async (origin) => {
        const proxy = await startForwardProxy(origin.port, { requireAuthorization: `Basic ${Buffer.from('agent:s3cret').toString('base64')}` });
        try {
          const proxyUrl = proxy.url.replace('http://', 'http://agent:s3cret@');
          const client = fetcher({ proxyUrl });
          const fetched = await client.fetch('http://velvet-nights.test/ads/1?x=1');
          client.close();
          assert.equal(fetched.status, 200);
          assert.equal(fetched.body.toString(), 'host=velvet-nights.test');
          assert.deepEqual(proxy.targets, ['http://velvet-nights.test/ads/1?x=1']);
          assert.equal(fetched.proxy, proxy.url);
        } finally {
          await proxy.close();
        }
      },
    );
  });

  test('a proxy that cannot be reached fails the request; nothing goes direct', async () => {
    await withOrigin(
      (_request, response) => response.end('direct!'),
      async (origin) => {
        const client = fetcher({ proxyUrl: `http://127.0.0.1:${await closedPort()}` });
        await assert.rejects(client.fetch(`${origin.url}/page`), (error: Error) => {
          assert.ok(error instanceof ProxyUnreachableError);
          assert.match(error.message, /^proxy unreachable: connect ECONNREFUSED/);
          return true;
        });
        await assert.rejects(client.fetch(`https://127.0.0.1:${origin.port}/page`), ProxyUnreachableError);
        client.close();
        assert.equal(origin.requests.length, 0);
      },
    );
  });

  test('stops reading a 12 MB body at the cap and marks it truncated', async () => {
    let clientLeftEarly = false;
    let chunksWritten = 0;
    await withOrigin(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(12 * mib) });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const writeMore = (): void => {
          while (chunksWritten < (12 * mib) / chunk.length) {
            chunksWritten++;
            if (!response.write(chunk)) return void response.once('drain', writeMore);
          }
          response.end();
        };
        response.once('close', () => (clientLeftEarly = !response.writableFinished));
        writeMore();
      },
      async (origin) => {
        const client = fetcher({ maxBodyBytes: mib });
        const fetched = await client.fetch(`${origin.url}/huge`);
        client.close();
        assert.equal(fetched.truncated, true);
        assert.equal(fetched.body.length, mib);
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(clientLeftEarly, true, 'the connection was closed before the server sent everything');
        assert.ok(chunksWritten * 64 * 1024 < 12 * mib, `server wrote ${chunksWritten} chunks`);
      },
    );
  });

  test('caps decoded bytes, so a gzip bomb stops at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * mib));
    await withOrigin(
      (_request, response) => response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
      async (origin) => {
        const client = fetcher({ maxBodyBytes: mib });
        const fetched = await client.fetch(`${origin.url}/bomb`);
        client.close();
        assert.equal(fetched.truncated, true);
        assert.equal(fetched.body.length, mib);
      },
    );
  });

  test('follows redirects, and ends loops and long chains with a reason', async () => {
    await withOrigin(
      (request, response) => {
        const path = request.url ?? '/';
        const redirect = (to: string) => response.writeHead(302, { location: to }).end();
        if (path === '/start') return redirect('/middle');
        if (path === '/middle') return redirect('http://other.test/end#frag');
        if (path === '/end') return void response.writeHead(200, { 'content-type': 'text/plain' }).end(`end on ${request.headers.host}`);
        if (path === '/loop-a') return redirect('/loop-b');
        if (path === '/loop-b') return redirect('/loop-a');
        if (path.startsWith('/chain/')) return redirect(`/chain/${Number(path.slice(7)) + 1}`);
        if (path === '/mailto') return redirect('mailto:someone@example.com');
        // An age gate: sets a cookie and redirects to itself; with the cookie it serves the page.
        if (path === '/gate') {
          if ((request.headers.cookie ?? '').includes('adult=1')) return void response.writeHead(200).end('inside');
          return void response.writeHead(302, { location: '/gate', 'set-cookie': 'adult=1; Path=/' }).end();
        }
        response.writeHead(404).end();
      },
      async (origin) => {
        const proxy = await startForwardProxy(origin.port);
        const client = fetcher({ proxyUrl: proxy.url });
        try {
          const fetched = await client.fetch('http://site.test/start');
          assert.equal(fetched.url, 'http://other.test/end');
          assert.deepEqual(fetched.redirectUrls, ['http://site.test/middle', 'http://other.test/end']);
          assert.equal(fetched.body.toString(), 'end on other.test');
          await assert.rejects(client.fetch('http://site.test/loop-a'), (error: Error) => error instanceof UnfollowableRedirectError && /^redirect loop: /.test(error.message));
          await assert.rejects(client.fetch('http://site.test/chain/0'), (error: Error) => error instanceof UnfollowableRedirectError && /too many redirects/.test(error.message));
          await assert.rejects(client.fetch('http://site.test/mailto'), UnfollowableRedirectError);
          assert.equal((await client.fetch('http://site.test/gate')).body.toString(), 'inside');
          assert.equal(origin.hits('/chain/10'), 1);
          assert.equal(origin.hits('/chain/11'), 0, 'no more than 10 redirects followed');
        } finally {
          client.close();
          await proxy.close();
        }
      },
    );
  });

  test('describes each exchange as sent and received: request head, status line, raw headers, transferred bytes', async () => {
    const gzipped = gzipSync('<p>encoded</p>');
    await withOrigin(
      (request, response) => {
        if (request.url === '/go') return void response.writeHead(301, { Location: '/gz', 'Content-Length': '0' }).end();
        response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip', 'X-Order': 'last' }).end(gzipped);
      },
      async (origin) => {
        const direct = fetcher();
        const fetched = await direct.fetch(`${origin.url}/go`);
        direct.close();
        assert.equal(fetched.body.toString(), '<p>encoded</p>');
        const exchange = fetched.exchange;
        assert.deepEqual(exchange.transferredBody, gzipped, 'still content-encoded');
        assert.equal(exchange.transferredTruncated, false);
        assert.equal(exchange.statusLine, 'HTTP/1.1 200 OK');
        assert.equal(exchange.httpVersion, '1.1');
        assert.deepEqual(exchange.rawHeaders.filter((_, i) => i % 2 === 0).slice(0, 3), ['Content-Type', 'Content-Encoding', 'X-Order']);
        assert.match(exchange.requestHead, new RegExp(`^GET /gz HTTP/1\\.1\\r\\n[\\s\\S]*[Hh]ost: 127\\.0\\.0\\.1:${origin.port}\\r\\n[\\s\\S]*\\r\\n\\r\\n$`));
        assert.equal(exchange.remoteIp, '127.0.0.1');
        assert.deepEqual(fetched.redirectExchanges.map((hop) => [hop.targetUrl, hop.statusLine, hop.transferredTruncated]), [[`${origin.url}/go`, 'HTTP/1.1 301 Moved Permanently', false]]);

        const proxy = await startForwardProxy(origin.port, { requireAuthorization: `Basic ${Buffer.from('agent:s3cret').toString('base64')}` });
        const proxied = fetcher({ proxyUrl: proxy.url.replace('http://', 'http://agent:s3cret@') });
        try {
          const viaProxy = await proxied.fetch('http://velvet-nights.test/plain');
          assert.match(viaProxy.exchange.requestHead, /^GET http:\/\/velvet-nights\.test\/plain HTTP\/1\.1\r\n/);
          assert.match(viaProxy.exchange.requestHead, /\r\nproxy-authorization: \[redacted\]\r\n/i);
          assert.doesNotMatch(viaProxy.exchange.requestHead, /s3cret|YWdlbnQ6czNjcmV0/);
          assert.equal(viaProxy.exchange.remoteIp, null, 'the proxy\'s address is not the server\'s');
        } finally {
          proxied.close();
          await proxy.close();
        }
      },
    );
  });

  test('without content-encoding the transferred bytes are the body itself; a gzip bomb keeps only capped encoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * mib));
    await withOrigin(
      (request, response) => {
        if (request.url === '/bomb') return void response.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
        response.writeHead(200, { 'content-type': 'text/plain' }).end('plain body');
      },
      async (origin) => {
        const client = fetcher({ maxBodyBytes: mib });
        const plain = await client.fetch(`${origin.url}/plain`);
        assert.equal(plain.exchange.transferredBody, plain.body, 'one copy, not two');
        const bombed = await client.fetch(`${origin.url}/bomb`);
        client.close();
        assert.equal(bombed.truncated, true);
        assert.ok(bombed.exchange.transferredBody.length <= bomb.length);
        assert.equal(bombed.exchange.transferredTruncated, true);
      },
    );
  });

  test('times out a slow server as a whole fetch', async () => {
    await withOrigin(
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('slow');
      },
      async (origin) => {
        const client = fetcher({ timeoutMs: 300 });
        const started = Date.now();
        await assert.rejects(client.fetch(`${origin.url}/slow`), (error: Error) => error instanceof FetchTimeoutError && error.message === 'timed out after 300 ms');
        assert.ok(Date.now() - started < 2000);
        client.close();
      },
    );
  });

  test('fetches https:// through a CONNECT tunnel of the proxy', async (t) => {
    const dir = await temporaryDir();
    try {
      const key = join(dir.path, 'key.pem');
      const cert = join(dir.path, 'cert.pem');
      try {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=secure.test'], { stdio: 'ignore' });
      } catch {
        t.skip('openssl is not available to make a test certificate');
        return;
      }
      const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' }).end(`tls ${request.headers.host}${request.url}`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const tlsPort = (server.address() as AddressInfo).port;
      const proxy = await startForwardProxy(1, { tunnelPort: tlsPort });
      const client = fetcher({ proxyUrl: proxy.url });
      try {
        const fetched = await client.fetch('https://secure.test/ads/1');
        assert.equal(fetched.body.toString(), 'tls secure.test/ads/1');
        assert.deepEqual(proxy.targets, ['CONNECT secure.test:443']);
      } finally {
        client.close();
        await proxy.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      await dir.remove();
    }
  });
});

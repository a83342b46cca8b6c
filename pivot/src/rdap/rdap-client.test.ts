import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { RetryableError } from '@indicia/core';
import { RdapClient } from './rdap-client.js';
import { loadRdapBootstrapFile } from './rdap-bootstrap-files.js';
import { RdapFormatError, RdapNoServiceError, RdapRequestError, RdapUnavailableError } from './rdap-errors.js';
import { registrarResponse, thinRegistryResponse } from './rdap-sample-responses-data.js';

const corpus = process.env.INDICIA_RDAP_CORPUS ?? fileURLToPath(new URL('../../../../shared/corpora/rdap', import.meta.url));

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

async function startServer(handler: Handler): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const rdapJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/rdap+json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
};

describe('RdapClient against local RDAP servers', () => {
  let registry: { server: Server; base: string };
  let registrar: { server: Server; base: string };
  const hits = new Map<string, number>();
  const acceptHeaders: string[] = [];
  const hit = (path: string): number => {
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    return count;
  };

  before(async () => {
    registrar = await startServer((request, response) => {
      const path = request.url ?? '';
      if (path === '/domain/example-shop.test') return rdapJson(response, 200, registrarResponse('example-shop.test'));
      if (path === '/domain/broken-registrar.test') return rdapJson(response, 500, { errorCode: 500 });
      return rdapJson(response, 404, { errorCode: 404 });
    });
    registry = await startServer((request, response) => {
      const path = request.url ?? '';
      acceptHeaders.push(request.headers.accept ?? '');
      const count = hit(path);
      const name = path.replace(/^\/domain\//, '');
      switch (name) {
        case 'example-shop.test':
        case 'broken-registrar.test':
          return rdapJson(response, 200, thinRegistryResponse(name, registrar.base));
        case 'busy.test':
          return count === 1 ? rdapJson(response, 429, { errorCode: 429 }, { 'retry-after': '0' }) : rdapJson(response, 200, thinRegistryResponse(name, null));
        case 'maintenance.test':
          return count === 1 ? rdapJson(response, 503, '', { 'retry-after': new Date(Date.now() - 5000).toUTCString() }) : rdapJson(response, 200, thinRegistryResponse(name, null));
        case 'throttled.test':
          return rdapJson(response, 429, { errorCode: 429 }, { 'retry-after': '3600' });
        case 'moved.test':
          response.writeHead(301, { location: `${registrar.base}domain/example-shop.test` }).end();
          return;
        case 'loop.test':
          response.writeHead(302, { location: '/domain/loop.test' }).end();
          return;
        case 'slow.test':
          return; // never answers
        case 'garbage.test':
          return rdapJson(response, 200, '{ "objectClassName": "domain", <html>');
        default:
          return rdapJson(response, 404, { errorCode: 404, title: 'Not Found' });
      }
    });
  });
  after(async () => {
    registry.server.closeAllConnections();
    await Promise.all([new Promise((resolve) => registry.server.close(resolve)), new Promise((resolve) => registrar.server.close(resolve))]);
  });

  const client = (options: ConstructorParameters<typeof RdapClient>[0] = {}): RdapClient => new RdapClient({ servers: { '*': registry.base }, minIntervalMs: 0, retryBackoffMs: 10, ...options });

  it("follows a thin registry's related link to the registrar and merges (registrar contacts win)", async () => {
    const lookup = await client().lookupDomain('Example-Shop.TEST.');
    assert.equal(lookup.server, registry.base);
    assert.equal(lookup.url, `${registry.base}domain/example-shop.test`);
    assert.equal(lookup.rawSha256, createHash('sha256').update(lookup.raw).digest('hex'));
    assert.equal(JSON.parse(lookup.raw).ldhName, 'EXAMPLE-SHOP.TEST');
    assert.equal(lookup.related?.url, `${registrar.base}domain/example-shop.test`);
    assert.equal(lookup.relatedError, null);
    assert.equal(lookup.record.domain, 'example-shop.test');
    assert.equal(lookup.record.registrant?.email, 'jane.roe@example.net');
    assert.equal(lookup.record.registrant?.phone, '+17025550142');
    assert.equal(lookup.record.registrar?.id, '9999');
    assert.equal(lookup.record.createdAt, '2019-04-01T10:00:00.000Z');
    assert.ok(acceptHeaders.every((accept) => accept.startsWith('application/rdap+json')));
  });

  it('can be told not to follow related links', async () => {
    const lookup = await client({ followRelated: false }).lookupDomain('example-shop.test');
    assert.equal(lookup.related, null);
    assert.equal(lookup.record.registrant, null);
  });

  it("keeps the registry's record and says why when the registrar fails", async () => {
    const lookup = await client({ maxRetries: 0 }).lookupDomain('broken-registrar.test');
    assert.equal(lookup.record.registrar?.name, 'Example Registrar, Inc.');
    assert.match(lookup.relatedError ?? '', /RdapUnavailableError: RDAP server http:\/\/127\.0\.0\.1:\d+ answered HTTP 500/);
  });

  it('reads 404 as an unregistered domain', async () => {
    const lookup = await client().lookupDomain('nobody-registered-this.test');
    assert.equal(lookup.record.registered, false);
    assert.equal(lookup.record.domain, 'nobody-registered-this.test');
    assert.equal(JSON.parse(lookup.raw).errorCode, 404);
  });

  it('waits as Retry-After says (seconds or an HTTP date) and retries', async () => {
    const busy = await client().lookupDomain('busy.test');
    assert.equal(busy.record.registered, true);
    assert.equal(hits.get('/domain/busy.test'), 2);
    const maintenance = await client().lookupDomain('maintenance.test');
    assert.equal(maintenance.record.registered, true);
    assert.equal(hits.get('/domain/maintenance.test'), 2);
  });

  it('gives up at once with a retryable error naming the server when Retry-After exceeds the budget', async () => {
    const started = Date.now();
    await assert.rejects(client({ maxRetryWaitMs: 10_000 }).lookupDomain('throttled.test'), (error: unknown) => {
      assert.ok(error instanceof RdapUnavailableError && error instanceof RetryableError);
      assert.equal(error.server, registry.base.replace(/\/$/, ''));
      assert.equal(error.retryAfterMs, 3_600_000);
      assert.match(error.message, /HTTP 429 \(retry after 3600 s\)/);
      return true;
    });
    assert.ok(Date.now() - started < 5000, 'did not sit out the hour');
    assert.equal(hits.get('/domain/throttled.test'), 1);
  });

  it('follows redirects, and stops a redirect loop', async () => {
    const moved = await client().lookupDomain('moved.test');
    assert.equal(moved.url, `${registrar.base}domain/example-shop.test`);
    assert.equal(moved.record.registrant?.name, 'Jane Roe');
    await assert.rejects(client({ maxRedirects: 3 }).lookupDomain('loop.test'), (error: unknown) => error instanceof RdapRequestError && /redirected more than 3 times/.test(error.message));
    assert.equal(hits.get('/domain/loop.test'), 4);
  });

  it('times out a server that does not answer', async () => {
    await assert.rejects(client({ timeoutMs: 300, maxRetries: 0 }).lookupDomain('slow.test'), (error: unknown) => error instanceof RdapUnavailableError && /did not answer within 300 ms/.test(error.message));
  });

  it('refuses a response that is not JSON, and a TLD no bootstrap serves', async () => {
    await assert.rejects(client().lookupDomain('garbage.test'), RdapFormatError);
    const bootstrap = await loadRdapBootstrapFile(join(corpus, 'bootstrap/dns.json'));
    const noOverride = new RdapClient({ bootstrap });
    await assert.rejects(noOverride.lookupDomain('example.de'), (error: unknown) => error instanceof RdapNoServiceError && /\.de/.test(error.message));
    assert.equal(await noOverride.serverFor('example.cz'), 'https://rdap.nic.cz/');
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteIndexStore } from '@indicia/indexer';
import { apiPrefix, consoleRoutes } from '../api/console-routes.js';
import { roles, type Role } from '../roles.js';
import { ConsoleHarness, type Session } from '../test-support/console-harness.js';
import { fixtureAds } from '../test-support/fixture-ads.js';

/** A concrete path for a route: parameters get a plausible value (access is decided before the handler runs). */
function samplePath(path: string): string {
  return `${apiPrefix}${path.replace(/:(\w+)/g, (_m, name: string) => (name === 'sha256' ? 'a'.repeat(64) : name === 'type' ? 'phone' : `sample-${name}`))}`;
}

const sampleBody = { name: 'x', username: 'x', password: 'x', role: 'viewer', indicator: { type: 'phone', value: '+17025550134' } };

describe('every API route denies by default (generated from the route table)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indicia-console-access-'));
  let store: SqliteIndexStore;
  let harness: ConsoleHarness;
  const sessions = new Map<Role, Session>();

  before(async () => {
    store = SqliteIndexStore.open(join(dir, 'index.sqlite'));
    await store.upsertAds(fixtureAds);
    harness = await ConsoleHarness.start(store);
    for (const role of roles) sessions.set(role, await harness.login(role));
  });
  after(async () => {
    await harness.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the table has the routes of the contract, each with a minimum role', () => {
    assert.ok(consoleRoutes.length >= 25, `${consoleRoutes.length} routes`);
    for (const route of consoleRoutes) assert.ok(route.minRole === 'public' || roles.includes(route.minRole), `${route.method} ${route.path}`);
    const publicRoutes = consoleRoutes.filter((route) => route.minRole === 'public').map((route) => `${route.method} ${route.path}`);
    assert.deepEqual(publicRoutes, ['POST /session']);
  });

  it('unauthenticated, with a forged cookie or a bad token: 401 from every non-public route', async () => {
    const unexpected: string[] = [];
    for (const route of consoleRoutes.filter((r) => r.minRole !== 'public')) {
      for (const credentials of [{}, { cookie: 'indicia_session=forged' }, { token: 'indicia_forged' }]) {
        const response = await harness.call(route.method, samplePath(route.path), { ...credentials, body: route.method === 'GET' ? undefined : sampleBody });
        await response.arrayBuffer();
        if (response.status !== 401) unexpected.push(`${route.method} ${route.path} ${JSON.stringify(credentials)} → ${response.status}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  it('with too low a role: 403 from every route above it, for sessions and tokens alike', async () => {
    const unexpected: string[] = [];
    let checked = 0;
    for (const route of consoleRoutes.filter((r) => r.minRole !== 'public' && r.minRole !== 'viewer')) {
      for (const role of roles.filter((r) => roles.indexOf(r) < roles.indexOf(route.minRole as Role))) {
        const session = sessions.get(role)!;
        const token = harness.accounts.tokens.create(role, 'access test').token;
        for (const credentials of [{ cookie: session.cookie, csrf: session.csrf }, { token }]) {
          const response = await harness.call(route.method, samplePath(route.path), { ...credentials, body: route.method === 'GET' ? undefined : sampleBody });
          await response.arrayBuffer();
          checked++;
          if (response.status !== 403) unexpected.push(`${route.method} ${route.path} as ${role} → ${response.status}`);
        }
      }
    }
    assert.ok(checked >= 10, `${checked} calls`);
    assert.deepEqual(unexpected, []);
  });

  it('with a session cookie but no (or a wrong) CSRF header: 403 from every state-changing route', async () => {
    const unexpected: string[] = [];
    const admin = sessions.get('admin')!;
    for (const route of consoleRoutes.filter((r) => r.method !== 'GET' && r.minRole !== 'public')) {
      for (const csrf of [undefined, `${admin.csrf.slice(0, -1)}x`, sessions.get('viewer')!.csrf]) {
        const response = await harness.call(route.method, samplePath(route.path), { cookie: admin.cookie, csrf, body: sampleBody });
        const body = (await response.json()) as { error?: { code: string } };
        if (response.status !== 403 || body.error?.code !== 'csrf') unexpected.push(`${route.method} ${route.path} csrf=${csrf ? 'wrong' : 'none'} → ${response.status}`);
      }
    }
    assert.deepEqual(unexpected, []);
    // The admin's session still works with its own token: the refusals were about the header only.
    assert.equal((await harness.call('POST', '/api/v1/tokens', { cookie: admin.cookie, csrf: admin.csrf, body: { name: 'ok' } })).status, 201);
  });

  it('unknown API routes: 401 before login, 404 after; a wrong method 405', async () => {
    assert.equal((await harness.call('GET', '/api/v1/nope')).status, 401);
    assert.equal((await harness.call('GET', '/api/v2/search')).status, 401);
    const viewer = sessions.get('viewer')!;
    assert.equal((await harness.call('GET', '/api/v1/nope', { cookie: viewer.cookie })).status, 404);
    const wrong = await harness.call('PUT', '/api/v1/me', { cookie: viewer.cookie, csrf: viewer.csrf });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET');
  });

  it('the OpenAPI document lists exactly the routes of the table', async () => {
    const { status, body } = await harness.json<{ openapi: string; paths: Record<string, Record<string, { 'x-minimum-role': string }>> }>('GET', '/api/v1/openapi.json', { cookie: sessions.get('viewer')!.cookie });
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    const documented = Object.entries(body.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, op]) => `${method.toUpperCase()} ${path} ${op['x-minimum-role']}`)).sort();
    const table = consoleRoutes.map((route) => `${route.method} ${apiPrefix}${route.path.replace(/:(\w+)/g, '{$1}')} ${route.minRole}`).sort();
    assert.deepEqual(documented, table);
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteIndexStore } from '@indicia/indexer';
import { ConsoleHarness, testPassword } from '../test-support/console-harness.js';
import { fixtureAds, sharedPhone } from '../test-support/fixture-ads.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('console accounts over HTTP: login, rate limit, sessions, tokens, users, audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indicia-console-auth-'));
  let store: SqliteIndexStore;
  let harness: ConsoleHarness;
  let clock = Date.parse('2024-07-01T12:00:00.000Z');

  before(async () => {
    store = SqliteIndexStore.open(join(dir, 'index.sqlite'));
    await store.upsertAds(fixtureAds);
    harness = await ConsoleHarness.start(store, { now: () => clock, loginRateLimit: { maxFailures: 5, baseLockMs: 30_000, now: () => clock } });
  });
  after(async () => {
    await harness.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('login sets an HttpOnly SameSite=Strict cookie; /me answers; logout ends the session', async () => {
    const response = await harness.call('POST', '/api/v1/session', { body: { username: 'Viewer', password: testPassword } });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie')!;
    assert.match(cookie, /^indicia_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const login = (await response.json()) as Json;
    assert.equal(login.username, 'viewer');
    assert.equal(login.role, 'viewer');
    const session = { cookie: cookie.split(';')[0]!, csrf: login.csrfToken as string };
    const me = await harness.json('GET', '/api/v1/me', { cookie: session.cookie });
    assert.deepEqual(me.body, { username: 'viewer', role: 'viewer', csrfToken: session.csrf, mustChangePassword: false });
    assert.equal((await harness.call('DELETE', '/api/v1/session', session)).status, 204);
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: session.cookie })).status, 401);
  });

  it('a wrong password and an unknown user get the same 401; logins must be JSON', async () => {
    const wrong = await harness.json('POST', '/api/v1/session', { body: { username: 'analyst', password: 'not the password' } });
    const unknown = await harness.json('POST', '/api/v1/session', { body: { username: 'nobody', password: 'not the password' } });
    assert.equal(wrong.status, 401);
    assert.deepEqual(unknown, { ...wrong, headers: unknown.headers });
    const form = await harness.call('POST', '/api/v1/session', { rawBody: { bytes: `username=analyst&password=${encodeURIComponent(testPassword)}`, contentType: 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415, 'a cross-site form cannot log anyone in');
    const huge = await harness.call('POST', '/api/v1/session', { rawBody: { bytes: JSON.stringify({ username: 'x', password: 'y'.repeat(70_000) }), contentType: 'application/json' } });
    assert.equal(huge.status, 413);
  });

  it('5 failures per IP and username lock the pair out with 429 and Retry-After, growing; a success clears it', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await harness.call('POST', '/api/v1/session', { body: { username: 'admin', password: `guess ${i}` } })).status, 401);
    const locked = await harness.call('POST', '/api/v1/session', { body: { username: 'admin', password: testPassword } });
    assert.equal(locked.status, 429, 'even the right password waits');
    assert.equal(locked.headers.get('retry-after'), '30');
    assert.equal((await harness.call('POST', '/api/v1/session', { body: { username: 'analyst', password: testPassword } })).status, 200, 'another username is not locked');
    clock += 31_000;
    assert.equal((await harness.call('POST', '/api/v1/session', { body: { username: 'admin', password: 'guess 6' } })).status, 401);
    const longer = await harness.call('POST', '/api/v1/session', { body: { username: 'admin', password: testPassword } });
    assert.equal(longer.status, 429);
    assert.equal(longer.headers.get('retry-after'), '60', 'the lock-out doubles');
    clock += 61_000;
    assert.equal((await harness.call('POST', '/api/v1/session', { body: { username: 'admin', password: testPassword } })).status, 200);
    assert.equal((await harness.call('POST', '/api/v1/session', { body: { username: 'admin', password: 'one more miss' } })).status, 401, 'cleared: a miss is a plain 401 again');
  });

  it('sessions end after 30 idle minutes, and 12 hours after login however busy', async () => {
    const idle = await harness.login('viewer');
    clock += 29 * 60_000;
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: idle.cookie })).status, 200);
    clock += 29 * 60_000;
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: idle.cookie })).status, 200, 'each use restarts the idle clock');
    clock += 31 * 60_000;
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: idle.cookie })).status, 401);
    const busy = await harness.login('viewer');
    for (let hour = 0; hour < 12; hour++) {
      clock += 25 * 60_000;
      await harness.call('GET', '/api/v1/me', { cookie: busy.cookie });
      clock += 25 * 60_000;
      await harness.call('GET', '/api/v1/me', { cookie: busy.cookie });
      clock += 10 * 60_000;
    }
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: busy.cookie })).status, 401);
  });

  it('API tokens: shown once, stored hashed, act with the owner\'s role without CSRF, revocable', async () => {
    const viewer = await harness.login('viewer');
    const created = await harness.json<Json>('POST', '/api/v1/tokens', { cookie: viewer.cookie, csrf: viewer.csrf, body: { name: 'script' } });
    assert.equal(created.status, 201);
    const token = created.body.token as string;
    assert.match(token, /^indicia_[\w-]{43}$/);
    const listed = await harness.json<Json[]>('GET', '/api/v1/tokens', { cookie: viewer.cookie });
    assert.ok(listed.body.every((entry) => !('token' in entry)));
    assert.ok(!JSON.stringify(listed.body).includes(token.slice(8)));
    assert.equal((await harness.json<Json>('GET', `/api/v1/search?q=${encodeURIComponent(sharedPhone)}`, { token })).body.total, 3);
    assert.equal((await harness.call('POST', '/api/v1/tokens', { token, body: { name: 'from a script' } })).status, 201, 'no CSRF header needed with a token');
    assert.equal((await harness.call('GET', '/api/v1/users', { token })).status, 403);
    assert.equal((await harness.call('DELETE', `/api/v1/tokens/${created.body.id}`, { token })).status, 204);
    assert.equal((await harness.call('GET', '/api/v1/me', { token })).status, 401);
  });

  it('users: admins add (a generated password shown once), list and remove; duplicates 409; the last admin stays', async () => {
    const admin = await harness.login('admin');
    const added = await harness.json<Json>('POST', '/api/v1/users', { ...admin, body: { username: 'Maria', role: 'analyst' } });
    assert.equal(added.status, 201);
    assert.equal(added.body.username, 'maria');
    assert.equal(typeof added.body.password, 'string');
    const maria = await harness.login('maria', added.body.password as string);
    assert.equal((await harness.json<Json>('GET', '/api/v1/me', { cookie: maria.cookie })).body.role, 'analyst');
    assert.equal((await harness.call('POST', '/api/v1/users', { ...admin, body: { username: 'maria', role: 'viewer', password: 'another long password' } })).status, 409);
    assert.equal((await harness.call('POST', '/api/v1/users', { ...admin, body: { username: 'shorty', role: 'viewer', password: 'short' } })).status, 400);
    assert.equal((await harness.call('POST', '/api/v1/users', { ...admin, body: { username: 'x', role: 'root' } })).status, 400);
    const users = await harness.json<Json[]>('GET', '/api/v1/users', { cookie: admin.cookie });
    assert.deepEqual(users.body.map((user) => `${user.username}:${user.role}`), ['admin:admin', 'analyst:analyst', 'maria:analyst', 'viewer:viewer']);
    assert.ok(users.body.every((user) => !('passwordHash' in user) && !('password_hash' in user)));
    assert.equal((await harness.call('DELETE', '/api/v1/users/maria', admin)).status, 204);
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: maria.cookie })).status, 401, 'a removed user\'s session ends at once');
    assert.equal((await harness.call('DELETE', '/api/v1/users/admin', admin)).status, 409);
  });

  it('a one-time password lets its user in only to set their own, which proves the current one, ends the other sessions and is audited', async () => {
    const admin = await harness.login('admin');
    const added = await harness.json<Json>('POST', '/api/v1/users', { ...admin, body: { username: 'noor', role: 'analyst', password: 'chosen by the admin' } });
    assert.equal(added.status, 201);
    assert.equal(added.body.mustChangePassword, true, 'a password someone else chose is one-time too');
    const first = await harness.login('noor', 'chosen by the admin');
    const other = await harness.login('noor', 'chosen by the admin');
    assert.equal((await harness.json<Json>('GET', '/api/v1/me', { cookie: first.cookie })).body.mustChangePassword, true);
    const blocked = await harness.json<Json>('GET', `/api/v1/search?q=${encodeURIComponent(sharedPhone)}`, { cookie: first.cookie });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.code, 'password-change-required');
    assert.equal((await harness.call('POST', '/api/v1/tokens', { ...first, body: { name: 'a way around' } })).status, 403, 'no API token either');

    const change = (session: typeof first, body: Json) => harness.json<Json>('POST', '/api/v1/me/password', { ...session, body });
    assert.equal((await change(first, { currentPassword: 'a wrong guess!', newPassword: 'noor picks her own words' })).status, 401);
    assert.equal((await change(first, { currentPassword: 'chosen by the admin', newPassword: 'too short' })).status, 400);
    assert.equal((await harness.call('POST', '/api/v1/me/password', { cookie: first.cookie, body: { currentPassword: 'chosen by the admin', newPassword: 'noor picks her own words' } })).status, 403, 'a change needs the CSRF header');
    const changed = await change(first, { currentPassword: 'chosen by the admin', newPassword: 'noor picks her own words' });
    assert.equal(changed.status, 200);
    const renewed = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrf: changed.body.csrfToken as string };
    assert.equal((await harness.call('GET', `/api/v1/search?q=${encodeURIComponent(sharedPhone)}`, { cookie: renewed.cookie })).status, 200, 'this session goes on, allowed everything');
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: first.cookie })).status, 401, 'the old session id is gone');
    assert.equal((await harness.call('GET', '/api/v1/me', { cookie: other.cookie })).status, 401, 'other sessions of the account ended');
    assert.equal((await harness.call('POST', '/api/v1/session', { body: { username: 'noor', password: 'chosen by the admin' } })).status, 401);
    const again = await harness.login('noor', 'noor picks her own words');
    assert.equal((await harness.json<Json>('GET', '/api/v1/me', { cookie: again.cookie })).body.mustChangePassword, false);

    const token = (await harness.json<Json>('POST', '/api/v1/tokens', { ...again, body: { name: 'script' } })).body.token as string;
    assert.equal((await harness.call('POST', '/api/v1/me/password', { token, body: { currentPassword: 'noor picks her own words', newPassword: 'a token must not do this' } })).status, 403, 'an API token cannot change the password');
    const { body } = await harness.json<{ entries: Json[] }>('GET', '/api/v1/audit?limit=500', { cookie: admin.cookie });
    const trail = body.entries.filter((entry) => entry.target === 'noor').map((entry) => entry.action);
    assert.ok(trail.includes('password-change') && trail.includes('password-change-refused'), trail.join(', '));
  });

  it('audit: logins (and failures), searches as typed, views and account changes, chained and verifiable', async () => {
    const admin = await harness.login('admin');
    await harness.call('GET', `/api/v1/search?q=${encodeURIComponent(sharedPhone)}`, { cookie: admin.cookie });
    await harness.call('GET', `/api/v1/ads/${fixtureAds[0]!.adId}`, { cookie: admin.cookie });
    const { body } = await harness.json<{ entries: Json[]; total: number }>('GET', '/api/v1/audit?limit=500', { cookie: admin.cookie });
    const actions = new Set(body.entries.map((entry) => entry.action));
    for (const action of ['login', 'login-failed', 'login-refused', 'logout', 'search', 'view-ad', 'token-add', 'token-remove', 'user-add', 'user-remove']) assert.ok(actions.has(action), action);
    assert.equal(body.entries[0]!.action, 'view-ad', 'newest first');
    const search = body.entries.find((entry) => entry.action === 'search')!;
    assert.equal(search.target, sharedPhone);
    assert.equal(search.username, 'admin');
    for (let i = 0; i + 1 < body.entries.length; i++) assert.equal(body.entries[i]!.prevHash, body.entries[i + 1]!.hash);
    const verify = await harness.json<Json>('GET', '/api/v1/audit/verify', { cookie: admin.cookie });
    assert.deepEqual(verify.body, { ok: true, entries: body.total, head: `${body.total}:${body.entries[0]!.hash}` }, 'the head is the newest entry');
  });
});

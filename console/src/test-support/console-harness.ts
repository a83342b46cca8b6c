import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexStore } from '@indicia/indexer';
import { ConsoleAccounts } from '../accounts/console-accounts.js';
import type { LoginRateLimitOptions } from '../accounts/login-rate-limit.js';
import { ConsoleServer } from '../http/console-server.js';
import type { EvidenceReader } from '../ports.js';
import type { Role } from '../roles.js';
import { fixtureAdTable, fixtureEvidence, fixtureInterpretQuery } from './fixture-ports.js';

/** A cheap scrypt for tests (the parameters travel with each hash; the default is 2^15). */
export const testScryptCost = { N: 1024, r: 8, p: 1 };
export const testPassword = 'a long test passphrase';

export interface CallOptions {
  cookie?: string;
  csrf?: string;
  token?: string;
  body?: unknown;
  /** Raw body bytes with their own content type. */
  rawBody?: { bytes: string | Buffer; contentType: string };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** A console on 127.0.0.1 over the given store, with one user of each role (named after it). */
export class ConsoleHarness {
  private constructor(
    readonly url: string,
    readonly accounts: ConsoleAccounts,
    readonly dataDir: string,
    private readonly close_: () => Promise<void>,
  ) {}

  static async start(store: IndexStore, options: { evidence?: EvidenceReader; loginRateLimit?: LoginRateLimitOptions; now?: () => number } = {}): Promise<ConsoleHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'indicia-console-'));
    const accounts = ConsoleAccounts.open(dataDir, { scryptCost: testScryptCost, ...(options.now ? { now: options.now } : {}) });
    for (const role of ['viewer', 'analyst', 'admin'] as Role[]) await accounts.users.add({ username: role, role, password: testPassword });
    const server = new ConsoleServer({
      store,
      accounts,
      interpretQuery: fixtureInterpretQuery,
      evidence: options.evidence ?? fixtureEvidence(),
      adTable: fixtureAdTable,
      uiDir: join(dataDir, 'no-ui'),
      ...(options.loginRateLimit ? { loginRateLimit: options.loginRateLimit } : {}),
    });
    const listening = await server.listen({ port: 0, host: '127.0.0.1' });
    return new ConsoleHarness(listening.url.replace(/\/$/, ''), accounts, dataDir, async () => {
      await listening.close();
      accounts.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.csrf) headers['x-csrf-token'] = options.csrf;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.rawBody) {
      headers['content-type'] = options.rawBody.contentType;
      body = options.rawBody.bytes;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return fetch(`${this.url}${path}`, { method, headers, body, redirect: 'manual' });
  }

  async json<T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await this.call(method, path, options);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  /** Logs in and returns the session cookie and CSRF token. */
  async login(username: string, password = testPassword): Promise<Session> {
    const response = await this.call('POST', '/api/v1/session', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken };
  }

  async close(): Promise<void> {
    await this.close_();
  }
}

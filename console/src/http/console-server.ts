import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { describeError, silentLogger, UsageError, type Logger } from '@indicia/core';
import type { IndexStore } from '@indicia/indexer';
import type { ConsoleAccounts } from '../accounts/console-accounts.js';
import { LoginRateLimit, type LoginRateLimitOptions } from '../accounts/login-rate-limit.js';
import { LinkGraphCache } from '../api/link-graph-cache.js';
import { apiPrefix, consoleRoutes } from '../api/console-routes.js';
import type { ConsoleDeps } from '../console-deps.js';
import type { AdTableFormat, EvidenceReader, InterpretQuery } from '../ports.js';
import { roleAtLeast } from '../roles.js';
import { readJsonBody } from './json-body.js';
import { RejectedRequestError } from './rejected-request-error.js';
import type { Principal, RequestContext, RouteResult } from './route.js';
import { RouteMatcher } from './route-matcher.js';
import { freshNonce, setBaseSecurityHeaders, uiShellPolicy } from './security-headers.js';
import { sessionCookieOf } from './session-cookie.js';
import { defaultUiDir, isClientRoute, uiAsset, uiShell } from './ui-files.js';

export interface ConsoleServerOptions {
  /** Any IndexStore: SQLite or Elasticsearch. The server does not close it. */
  store: IndexStore;
  /** The server does not close them. */
  accounts: ConsoleAccounts;
  interpretQuery: InterpretQuery;
  evidence: EvidenceReader;
  adTable: AdTableFormat;
  /** The built web UI (index.html + assets/); default console/dist/ui. */
  uiDir?: string;
  logger?: Logger;
  /** Mark the session cookie Secure (set when the console is served over https, e.g. behind a proxy). */
  secureCookies?: boolean;
  loginRateLimit?: LoginRateLimitOptions;
  /** How long a built link graph is reused before the index is read again. Default 60 s. */
  graphMaxAgeMs?: number;
}

export interface ListeningConsole {
  url: string;
  close(): Promise<void>;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The console: the JSON API under /api/v1, the web UI's shell and assets; node:http, no framework. */
export class ConsoleServer {
  private readonly deps: ConsoleDeps;
  private readonly matcher = new RouteMatcher(consoleRoutes, apiPrefix);
  private readonly uiDir: string;
  private readonly logger: Logger;
  private readonly server: Server;

  constructor(options: ConsoleServerOptions) {
    this.logger = options.logger ?? silentLogger();
    this.uiDir = options.uiDir ?? defaultUiDir;
    this.deps = {
      store: options.store,
      accounts: options.accounts,
      interpretQuery: options.interpretQuery,
      evidence: options.evidence,
      adTable: options.adTable,
      graphs: new LinkGraphCache(options.store, { maxAgeMs: options.graphMaxAgeMs ?? 60_000 }),
      loginLimit: new LoginRateLimit(options.loginRateLimit),
      secureCookies: options.secureCookies ?? false,
      logger: this.logger,
    };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.fail(res, error, 'request'));
    });
    // Bound slow clients: a request must arrive whole within 30 s.
    this.server.requestTimeout = 30_000;
    this.server.headersTimeout = 15_000;
  }

  async listen(options: { port: number; host: string }): Promise<ListeningConsole> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(options.port, options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return { url: `http://${host}:${address.port}/`, close: () => this.close() };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setBaseSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return this.api(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.write(res, errorResult(new RejectedRequestError(405, 'method-not-allowed', 'only GET here', { Allow: 'GET, HEAD' })));
    if (url.pathname.startsWith('/assets/')) {
      const asset = await uiAsset(this.uiDir, url.pathname);
      if (!asset) return this.write(res, { status: 404, body: 'not found\n', headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      return this.write(res, { status: 200, body: asset.bytes, headers: { 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache' } });
    }
    if (!isClientRoute(url.pathname)) return this.write(res, { status: 404, body: 'not found\n', headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const nonce = freshNonce();
    return this.write(res, {
      status: 200,
      body: await uiShell(this.uiDir, nonce),
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': uiShellPolicy(nonce), 'Cache-Control': 'no-store' },
    });
  }

  private async api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    let result: RouteResult;
    let routeName = 'api';
    try {
      const match = this.matcher.match(method, url.pathname);
      const principal = match.kind === 'found' && match.route.minRole === 'public' ? null : this.authenticate(req);
      if (match.kind === 'found') routeName = `${match.route.method} ${match.route.path}`;
      if (match.kind !== 'found' || match.route.minRole !== 'public') {
        // Authentication comes first, so an anonymous caller learns nothing about which routes exist.
        if (!principal) throw new RejectedRequestError(401, 'unauthenticated', 'log in first (POST /api/v1/session) or send Authorization: Bearer <token>');
        if (match.kind === 'none') throw new RejectedRequestError(404, 'not-found', `no such API route: ${method} ${url.pathname}`);
        if (match.kind === 'wrong-method') throw new RejectedRequestError(405, 'method-not-allowed', `${method} is not allowed here`, { Allow: match.allowed.join(', ') });
        if (!roleAtLeast(principal.role, match.route.minRole as Exclude<typeof match.route.minRole, 'public'>)) {
          throw new RejectedRequestError(403, 'forbidden', `this needs the ${match.route.minRole} role (you are ${principal.role})`);
        }
        if (principal.via === 'session' && unsafeMethods.has(method)) checkCsrf(req, principal);
        if (principal.mustChangePassword && match.route.allowedBeforePasswordChange !== true) {
          throw new RejectedRequestError(403, 'password-change-required', 'this account still has the password it was given once: set your own first (POST /api/v1/me/password)');
        }
      }
      if (match.kind !== 'found') throw new RejectedRequestError(404, 'not-found', 'no such API route');
      result = await match.route.handle(this.context(req, url, match.params, principal), this.deps);
    } catch (error) {
      result = this.errorToResult(error, routeName);
    }
    if (!('headers' in result) || !result.headers?.['Cache-Control']) result = { ...result, headers: { 'Cache-Control': 'no-store', ...result.headers } } as RouteResult;
    await this.write(res, result);
  }

  private context(req: IncomingMessage, url: URL, params: Record<string, string>, principal: Principal | null): RequestContext {
    const clientIp = req.socket.remoteAddress ?? 'unknown';
    return {
      req,
      url,
      params,
      principal,
      clientIp,
      body: () => readJsonBody(req),
      audit: (action, target, details) => {
        this.deps.accounts.audit.append({ username: principal?.username ?? null, action, target, details: { ...details, ip: clientIp } });
      },
    };
  }

  /** From the bearer token when there is an Authorization header (the cookie is then ignored), else the session cookie. */
  private authenticate(req: IncomingMessage): Principal | null {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const username = match ? this.deps.accounts.tokens.resolve(match[1]!) : null;
      const user = username ? this.deps.accounts.users.get(username) : null;
      return user ? { username: user.username, role: user.role, via: 'token', csrfToken: null, sessionId: null, mustChangePassword: user.mustChangePassword } : null;
    }
    const sessionId = sessionCookieOf(req);
    if (!sessionId) return null;
    const session = this.deps.accounts.sessions.resolve(sessionId);
    // The role is read from the account at each request: a change or removal takes effect at once.
    const user = session ? this.deps.accounts.users.get(session.username) : null;
    return user && session ? { username: user.username, role: user.role, via: 'session', csrfToken: session.csrfToken, sessionId, mustChangePassword: user.mustChangePassword } : null;
  }

  private errorToResult(error: unknown, routeName: string): RouteResult {
    if (error instanceof RejectedRequestError) return errorResult(error);
    if (error instanceof UsageError) return errorResult(new RejectedRequestError(400, 'bad-request', error.message));
    // The message may hold what was searched for: the route's pattern is logged, not the URL.
    this.logger.error({ route: routeName, err: describeError(error) }, 'console request failed');
    return errorResult(new RejectedRequestError(500, 'internal', 'the server failed to answer; the error is in its log'));
  }

  private async write(res: ServerResponse, result: RouteResult): Promise<void> {
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    res.statusCode = result.status;
    if ('json' in result) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(result.json));
    } else if ('body' in result) {
      res.end(result.body);
    } else if ('stream' in result) {
      try {
        for await (const chunk of result.stream) {
          if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
          if (res.destroyed) return;
        }
        res.end();
      } catch (error) {
        // Headers are gone already: cut the download so it cannot pass for a whole one.
        this.logger.error({ err: describeError(error) }, 'console download failed midway');
        res.destroy();
      }
    } else {
      res.end();
    }
  }

  private fail(res: ServerResponse, error: unknown, routeName: string): void {
    this.logger.error({ route: routeName, err: describeError(error) }, 'console request failed');
    if (res.headersSent) res.destroy();
    else void this.write(res, errorResult(new RejectedRequestError(500, 'internal', 'the server failed to answer; the error is in its log')));
  }
}

function checkCsrf(req: IncomingMessage, principal: Principal): void {
  const sent = req.headers['x-csrf-token'];
  const expected = Buffer.from(principal.csrfToken ?? '');
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new RejectedRequestError(403, 'csrf', 'send the X-CSRF-Token header (the csrfToken from login or GET /api/v1/me) with every change made with a session cookie');
  }
}

function errorResult(error: RejectedRequestError): RouteResult {
  return { status: error.status, json: { error: { code: error.code, message: error.message } }, headers: error.headers };
}

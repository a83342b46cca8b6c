import { RejectedRequestError } from '../http/rejected-request-error.js';
import { stringField } from '../http/json-body.js';
import { clearedSessionCookie, sessionCookie } from '../http/session-cookie.js';
import { json, type ConsoleRoute } from './console-route.js';

/** Log in, log out, who am I. */
export const sessionRoutes: ConsoleRoute[] = [
  {
    method: 'POST',
    path: '/session',
    minRole: 'public',
    summary: 'Log in: sets the session cookie and returns the CSRF token to send with every change. 429 after repeated failures.',
    body: '{username, password}',
    async handle(ctx, deps) {
      const body = await ctx.body();
      const username = stringField(body, 'username', { maxLength: 64 }).toLowerCase();
      const password = typeof body.password === 'string' ? body.password : '';
      if (password.length > 1024) throw new RejectedRequestError(400, 'bad-request', '"password" is too long');
      const wait = deps.loginLimit.retryAfterSeconds(ctx.clientIp, username);
      if (wait !== null) {
        ctx.audit('login-refused', username, { reason: 'rate-limited' });
        throw new RejectedRequestError(429, 'rate-limited', `too many failed logins: try again in ${wait} s`, { 'Retry-After': String(wait) });
      }
      const user = await deps.accounts.users.authenticate(username, password);
      if (!user) {
        deps.loginLimit.recordFailure(ctx.clientIp, username);
        deps.accounts.audit.append({ username: null, action: 'login-failed', target: username, details: { ip: ctx.clientIp } });
        throw new RejectedRequestError(401, 'bad-credentials', 'wrong username or password');
      }
      deps.loginLimit.recordSuccess(ctx.clientIp, username);
      const { sessionId, csrfToken } = deps.accounts.sessions.create(user.username);
      deps.accounts.audit.append({ username: user.username, action: 'login', target: user.username, details: { ip: ctx.clientIp } });
      return { status: 200, json: { username: user.username, role: user.role, csrfToken }, headers: { 'Set-Cookie': sessionCookie(sessionId, { secure: deps.secureCookies }) } };
    },
  },
  {
    method: 'DELETE',
    path: '/session',
    minRole: 'viewer',
    summary: 'Log out: ends the session.',
    async handle(ctx, deps) {
      if (ctx.principal!.sessionId) deps.accounts.sessions.end(ctx.principal!.sessionId);
      ctx.audit('logout', ctx.principal!.username);
      return { status: 204, headers: { 'Set-Cookie': clearedSessionCookie({ secure: deps.secureCookies }) } };
    },
  },
  {
    method: 'GET',
    path: '/me',
    minRole: 'viewer',
    summary: 'The caller: username, role, and the CSRF token of the session (null for an API token).',
    async handle(ctx) {
      const { username, role, csrfToken } = ctx.principal!;
      return json({ username, role, csrfToken });
    },
  },
];

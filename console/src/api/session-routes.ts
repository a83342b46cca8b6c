import { RejectedRequestError } from '../http/rejected-request-error.js';
import { stringField } from '../http/json-body.js';
import { clearedSessionCookie, sessionCookie } from '../http/session-cookie.js';
import { json, type ConsoleRoute } from './console-route.js';

/** Log in, log out, who am I, set my password. */
export const sessionRoutes: ConsoleRoute[] = [
  {
    method: 'POST',
    path: '/session',
    minRole: 'public',
    summary: 'Log in: sets the session cookie and returns the CSRF token to send with every change, and whether a one-time password must be replaced first. 429 after repeated failures.',
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
      return {
        status: 200,
        json: { username: user.username, role: user.role, csrfToken, mustChangePassword: user.mustChangePassword },
        headers: { 'Set-Cookie': sessionCookie(sessionId, { secure: deps.secureCookies }) },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/session',
    minRole: 'viewer',
    allowedBeforePasswordChange: true,
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
    allowedBeforePasswordChange: true,
    summary: 'The caller: username, role, the CSRF token of the session (null for an API token), and whether a one-time password must be replaced first.',
    async handle(ctx) {
      const { username, role, csrfToken, mustChangePassword } = ctx.principal!;
      return json({ username, role, csrfToken, mustChangePassword });
    },
  },
  {
    method: 'POST',
    path: '/me/password',
    minRole: 'viewer',
    allowedBeforePasswordChange: true,
    summary:
      "Set your own password (at least 12 characters), proving the current one. Ends every other session of the account; this one goes on. Sessions only (an API token cannot change its owner's password); 429 after repeated wrong passwords.",
    body: '{currentPassword, newPassword}',
    async handle(ctx, deps) {
      const principal = ctx.principal!;
      if (principal.via !== 'session') throw new RejectedRequestError(403, 'session-required', 'log in to change your password: an API token cannot');
      const body = await ctx.body();
      const current = typeof body.currentPassword === 'string' ? body.currentPassword : '';
      const next = typeof body.newPassword === 'string' ? body.newPassword : '';
      if (current.length > 1024 || next.length > 1024) throw new RejectedRequestError(400, 'bad-request', 'a password of over 1024 characters');
      // The current password is a login secret: guessing it is throttled like logging in.
      const wait = deps.loginLimit.retryAfterSeconds(ctx.clientIp, principal.username);
      if (wait !== null) throw new RejectedRequestError(429, 'rate-limited', `too many wrong passwords: try again in ${wait} s`, { 'Retry-After': String(wait) });
      if (!(await deps.accounts.users.authenticate(principal.username, current))) {
        deps.loginLimit.recordFailure(ctx.clientIp, principal.username);
        ctx.audit('password-change-refused', principal.username, { reason: 'wrong current password' });
        throw new RejectedRequestError(401, 'bad-credentials', 'the current password is wrong');
      }
      if (next === current) throw new RejectedRequestError(400, 'bad-request', 'the new password is the current one');
      deps.loginLimit.recordSuccess(ctx.clientIp, principal.username);
      await deps.accounts.setPassword(principal.username, next, { oneTime: false });
      // setPassword ended every session; the caller's own goes on, under a new id.
      const { sessionId, csrfToken } = deps.accounts.sessions.create(principal.username);
      ctx.audit('password-change', principal.username);
      return { status: 200, json: { username: principal.username, csrfToken }, headers: { 'Set-Cookie': sessionCookie(sessionId, { secure: deps.secureCookies }) } };
    },
  },
];

import { randomBytes } from 'node:crypto';
import { UserAccounts, UserExistsError } from '../accounts/user-accounts.js';
import { stringField } from '../http/json-body.js';
import { badRequest, notFound, RejectedRequestError } from '../http/rejected-request-error.js';
import { isRole, roles } from '../roles.js';
import { json, type ConsoleRoute } from './console-route.js';

/** API tokens (each user's own) and user accounts (admins). */
export const accountRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/tokens',
    minRole: 'viewer',
    summary: "The caller's API tokens (never the secrets).",
    async handle(ctx, deps) {
      return json(deps.accounts.tokens.list(ctx.principal!.username));
    },
  },
  {
    method: 'POST',
    path: '/tokens',
    minRole: 'viewer',
    summary: 'Create an API token acting as the caller: the token is in this answer only (send it as Authorization: Bearer).',
    body: '{name}',
    async handle(ctx, deps) {
      const name = stringField(await ctx.body(), 'name', { maxLength: 200 });
      const created = deps.accounts.tokens.create(ctx.principal!.username, name);
      ctx.audit('token-add', created.id, { name });
      return json(created, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/tokens/:id',
    minRole: 'viewer',
    summary: 'Revoke one of the caller’s API tokens.',
    async handle(ctx, deps) {
      if (!deps.accounts.tokens.revoke(ctx.principal!.username, ctx.params.id!)) throw notFound('token');
      ctx.audit('token-remove', ctx.params.id!);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/users',
    minRole: 'admin',
    summary: 'Every console user and role.',
    async handle(_ctx, deps) {
      return json(deps.accounts.users.list());
    },
  },
  {
    method: 'POST',
    path: '/users',
    minRole: 'admin',
    summary: 'Add a user; without a password one is generated and returned in this answer only. Either way it is a one-time password: the user sets their own at first login.',
    body: '{username, role, password?}',
    async handle(ctx, deps) {
      const body = await ctx.body();
      const username = stringField(body, 'username', { maxLength: 64 });
      const role = body.role;
      if (!isRole(role)) throw badRequest(`role must be one of ${roles.join(', ')}`);
      const generated = body.password === undefined || body.password === null || body.password === '';
      if (!generated && typeof body.password !== 'string') throw badRequest('"password" must be a string');
      const password = generated ? randomBytes(18).toString('base64url') : (body.password as string);
      let user;
      try {
        // Chosen by the admin or generated, it is someone else's secret: the user replaces it at first login.
        user = await deps.accounts.users.add({ username, role, password, oneTime: true });
      } catch (error) {
        if (error instanceof UserExistsError) throw new RejectedRequestError(409, 'exists', error.message);
        throw error;
      }
      ctx.audit('user-add', user.username, { role });
      return json({ ...user, ...(generated ? { password } : {}) }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/users/:username',
    minRole: 'admin',
    summary: 'Remove a user with their sessions, tokens and watchlists (their audit trail stays). The last admin cannot be removed.',
    async handle(ctx, deps) {
      const username = UserAccounts.normaliseUsername(ctx.params.username!);
      const user = deps.accounts.users.get(username);
      if (!user) throw notFound('user');
      if (user.role === 'admin' && deps.accounts.users.countWithRole('admin') === 1) throw new RejectedRequestError(409, 'last-admin', 'this is the only admin: add another admin first');
      deps.accounts.users.remove(username);
      ctx.audit('user-remove', username);
      return { status: 204 };
    },
  },
];

import { parseAuditAnchor } from '../accounts/audit-log.js';
import { json, type ConsoleRoute } from './console-route.js';
import { integerParam } from './query-numbers.js';

export const auditRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/audit',
    minRole: 'admin',
    summary: 'The audit log, newest first: logins, searches, views, exports, watchlist, token and user changes.',
    query: ['limit', 'offset'],
    async handle(ctx, deps) {
      const limit = integerParam(ctx.url, 'limit', { fallback: 50, min: 1, max: 500 });
      const offset = integerParam(ctx.url, 'offset', { fallback: 0, min: 0, max: Number.MAX_SAFE_INTEGER });
      return json(deps.accounts.audit.page({ limit, offset }));
    },
  },
  {
    method: 'GET',
    path: '/audit/verify',
    minRole: 'admin',
    summary: 'Walk the audit hash chain: ok, entries, the first broken entry if any, and the head (SEQ:HASH) to keep outside the console. Each anchor given (a head kept from before) must still be in the chain, unchanged: that finds the newest entries removed.',
    query: ['anchor'],
    async handle(ctx, deps) {
      const anchors = ctx.url.searchParams.getAll('anchor').filter((anchor) => anchor.trim() !== '').map(parseAuditAnchor);
      const result = deps.accounts.audit.verify({ anchors });
      ctx.audit('audit-verify', null, { ok: result.ok, entries: result.entries, anchors: anchors.length });
      return json(result);
    },
  },
];

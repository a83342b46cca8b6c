import { indicatorTypes, type IndicatorType } from '@indicia/core';
import type { IndicatorRef, SearchQuery } from '@indicia/indexer';
import type { Watchlist, WatchedQuery } from '../accounts/watchlists.js';
import type { ConsoleDeps } from '../console-deps.js';
import { stringField } from '../http/json-body.js';
import { badRequest, notFound, RejectedRequestError } from '../http/rejected-request-error.js';
import { json, type ConsoleRoute } from './console-route.js';
import { searchParamNames, storeQueryOf } from './search-params.js';
import { withThumbnails } from './search-routes.js';
import { refLabel } from './indicator-routes.js';

/** Most lists one user keeps. */
const maxListsPerUser = 500;
const hitsPerList = 50;
/** New matches looked up to flag the hits shown: the newest ones, as the hits are newest first. */
const maxNewFlagged = 1000;

export const watchlistRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/watchlists',
    minRole: 'viewer',
    summary: "The caller's watchlists, each with how many ads began to match since its last visit (new ads, and old ads newly showing a watched indicator).",
    async handle(ctx, deps) {
      const lists = deps.accounts.watchlists.list(ctx.principal!.username);
      return json(await Promise.all(lists.map(async (list) => ({ ...list, newMatches: (await deps.store.search({ ...(await queryOf(list, deps, { limit: 1, offset: 0 })), matchedAfter: list.lastVisitedAt })).total }))));
    },
  },
  {
    method: 'POST',
    path: '/watchlists',
    minRole: 'analyst',
    summary: 'Save an indicator ({name, indicator: {type, value, platform?, chain?}}) or a query ({name, query: {q?, site?, country?, type?, from?, to?}}).',
    body: '{name, indicator} | {name, query}',
    async handle(ctx, deps) {
      const body = await ctx.body();
      const name = stringField(body, 'name', { maxLength: 200 });
      const username = ctx.principal!.username;
      if (deps.accounts.watchlists.list(username).length >= maxListsPerUser) throw new RejectedRequestError(409, 'too-many', `a user keeps at most ${maxListsPerUser} watchlists`);
      const list = body.indicator !== undefined ? deps.accounts.watchlists.create(username, { name, indicator: indicatorInput(body.indicator) }) : deps.accounts.watchlists.create(username, { name, query: await checkedQuery(body.query, deps) });
      ctx.audit('watchlist-add', list.id, { name, kind: list.kind, watched: list.indicator ? refLabel(list.indicator) : JSON.stringify(list.query) });
      return json(list, 201);
    },
  },
  {
    method: 'GET',
    path: '/watchlists/:id',
    minRole: 'viewer',
    summary: "One of the caller's watchlists with its first hits, those that began to match since the last visit flagged isNew.",
    async handle(ctx, deps) {
      const list = requireOwnList(ctx.principal!.username, ctx.params.id!, deps);
      const query = await queryOf(list, deps, { limit: hitsPerList, offset: 0 });
      const page = await deps.store.search(query);
      // New: began to match since the last visit, which an old ad does when it newly shows a watched phone.
      const fresh = await deps.store.search({ ...query, offset: 0, limit: Math.max(1, Math.min(page.total, maxNewFlagged)), matchedAfter: list.lastVisitedAt });
      const isNew = new Set(fresh.hits.map((hit) => hit.adId));
      const hits = await withThumbnails(page.hits, deps);
      ctx.audit('view-watchlist', list.id);
      return json({ ...list, total: page.total, newSince: list.lastVisitedAt, newMatches: fresh.total, hits: hits.map((hit) => ({ ...hit, isNew: isNew.has(hit.adId) })) });
    },
  },
  {
    method: 'POST',
    path: '/watchlists/:id/visit',
    minRole: 'viewer',
    summary: 'Mark one of the caller’s watchlists visited now: its new matches count from here.',
    async handle(ctx, deps) {
      const list = requireOwnList(ctx.principal!.username, ctx.params.id!, deps);
      const at = new Date().toISOString();
      deps.accounts.watchlists.visit(ctx.principal!.username, list.id, at);
      return json({ ...list, lastVisitedAt: at });
    },
  },
  {
    method: 'DELETE',
    path: '/watchlists/:id',
    minRole: 'analyst',
    summary: "Delete one of the caller's watchlists.",
    async handle(ctx, deps) {
      if (!deps.accounts.watchlists.remove(ctx.principal!.username, ctx.params.id!)) throw notFound('watchlist');
      ctx.audit('watchlist-remove', ctx.params.id!);
      return { status: 204 };
    },
  },
];

function requireOwnList(username: string, id: string, deps: Pick<ConsoleDeps, 'accounts'>): Watchlist {
  const list = deps.accounts.watchlists.get(username, id);
  // Someone else's list is answered as missing: its existence is not the caller's to know.
  if (!list) throw notFound('watchlist');
  return list;
}

async function queryOf(list: Watchlist, deps: ConsoleDeps, page: { limit: number; offset: number }): Promise<SearchQuery> {
  if (list.indicator) return { indicator: list.indicator, ...page };
  return (await storeQueryOf(list.query ?? {}, deps, page)).query;
}

function indicatorInput(value: unknown): IndicatorRef {
  if (value === null || typeof value !== 'object') throw badRequest('"indicator" must be {type, value, platform?, chain?}');
  const input = value as Record<string, unknown>;
  if (typeof input.type !== 'string' || !(indicatorTypes as readonly string[]).includes(input.type)) throw badRequest(`indicator.type must be one of ${indicatorTypes.join(', ')}`);
  const ref: IndicatorRef = { type: input.type as IndicatorType, value: stringField(input, 'value', { maxLength: 500 }) };
  if (typeof input.platform === 'string' && input.platform) ref.platform = input.platform.toLowerCase();
  if (typeof input.chain === 'string' && input.chain) ref.chain = input.chain.toLowerCase();
  if (ref.type === 'handle' && !ref.platform) throw badRequest('a handle needs its platform');
  if (ref.type === 'crypto' && !ref.chain) throw badRequest('a crypto address needs its chain');
  return ref;
}

/** A saved query's parameters, checked by running it once (a query the store refuses is refused now, not at every visit). */
async function checkedQuery(value: unknown, deps: ConsoleDeps): Promise<WatchedQuery> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('give "indicator" {type, value} or "query" {q?, site?, country?, type?, from?, to?}');
  const input = value as Record<string, unknown>;
  const query: WatchedQuery = {};
  for (const name of searchParamNames) {
    const field = input[name];
    if (field === undefined || field === null || field === '') continue;
    if (typeof field !== 'string' || field.length > 500) throw badRequest(`query.${name} must be a string`);
    query[name] = field.trim();
  }
  if (Object.keys(query).length === 0) throw badRequest('a saved query needs at least one of q, site, country, type, from, to');
  await deps.store.search({ ...(await storeQueryOf(query, deps, { limit: 1, offset: 0 })).query });
  return query;
}

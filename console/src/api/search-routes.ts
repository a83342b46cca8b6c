import type { SearchHit } from '@indicia/indexer';
import type { ConsoleDeps } from '../console-deps.js';
import { json, type ConsoleRoute } from './console-route.js';
import { integerParam } from './query-numbers.js';
import { searchParamsOf, storeQueryOf } from './search-params.js';

/** Most thumbnails listed per hit. */
const thumbnailsPerHit = 4;

export const searchRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/search',
    minRole: 'viewer',
    summary: 'Search ads: q is one box (phone in any format, email, @handle or platform:handle, else text); filters site, country, type (indicator type), from/to (seen between, ISO dates); facets; thumbnails.',
    query: ['q', 'site', 'country', 'type', 'from', 'to', 'limit', 'offset'],
    async handle(ctx, deps) {
      const params = searchParamsOf(ctx.url);
      const limit = integerParam(ctx.url, 'limit', { fallback: 20, min: 1, max: 100 });
      const offset = integerParam(ctx.url, 'offset', { fallback: 0, min: 0, max: 1_000_000 });
      const { query, readAs } = await storeQueryOf(params, deps, { limit, offset });
      const page = await deps.store.search({ ...query, facets: true });
      // The query as typed is an investigator's question: audited, never logged.
      ctx.audit('search', params.q ?? null, { ...params, results: page.total });
      return json({
        readAs,
        total: page.total,
        totalIsLowerBound: page.totalIsLowerBound ?? false,
        hits: await withThumbnails(page.hits, deps),
        facets: page.facets ?? { sites: [], countries: [], types: [] },
      });
    },
  },
];

/** Each hit with the sha256s of its pictures (served by GET /images/:sha256). */
export async function withThumbnails(hits: SearchHit[], deps: Pick<ConsoleDeps, 'store'>): Promise<Array<SearchHit & { thumbnails: Array<{ sha256: string }> }>> {
  return Promise.all(
    hits.map(async (hit) => {
      const ad = await deps.store.getAd(hit.adId);
      const thumbnails = (ad?.images ?? []).slice(0, thumbnailsPerHit).map((image) => ({ sha256: image.sha256 }));
      return { ...hit, thumbnails };
    }),
  );
}

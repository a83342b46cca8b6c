import { csvRow } from '@indicia/core';
import type { ExportedAd, RegistrationSnapshot, DnsSnapshot } from '@indicia/indexer';
import { buildLinkGraph, maltegoGraphFile, stixBundle, type GraphAd } from '@indicia/pivot';
import type { ConsoleDeps } from '../console-deps.js';
import { badRequest, RejectedRequestError } from '../http/rejected-request-error.js';
import type { ConsoleRoute } from './console-route.js';
import { exportedAdOf } from './exported-ad.js';
import { hasSearchParams, searchParamsOf, storeQueryOf } from './search-params.js';
import type { WatchedQuery } from '../accounts/watchlists.js';

/** Most ads one download holds; beyond it, `indicia export` on the command line streams the whole index. */
export const maxExportAds = 100_000;
/** Most domains whose registration and DNS history a STIX or Maltego download adds. */
const maxExportDomains = 2_000;
const formats = ['csv', 'jsonl', 'stix', 'maltego'] as const;

export const exportRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/export',
    minRole: 'analyst',
    summary: 'Download a result set (the search parameters; none: every ad) as CSV (formula cells neutralised), JSON Lines, a STIX 2.1 bundle or a Maltego graph (.mtgx).',
    query: ['format', 'q', 'site', 'country', 'type', 'from', 'to'],
    produces: 'text/csv | application/x-ndjson | application/json | application/zip',
    async handle(ctx, deps) {
      const format = ctx.url.searchParams.get('format') ?? 'csv';
      if (!(formats as readonly string[]).includes(format)) throw badRequest(`format must be one of ${formats.join(', ')}`);
      const params = searchParamsOf(ctx.url);
      // A query the store refuses is refused now, as a 400, not midway through a download.
      if (hasSearchParams(params)) await deps.store.search((await storeQueryOf(params, deps, { limit: 1, offset: 0 })).query);
      ctx.audit('export', params.q ?? null, { format, ...params });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
      const attachment = (extension: string) => `attachment; filename="indicia-${stamp}.${extension}"`;
      if (format === 'csv') {
        const rows = (async function* () {
          yield csvRow(deps.adTable.header);
          for await (const ad of resultSet(params, deps)) yield csvRow(deps.adTable.cells(ad));
        })();
        return { status: 200, stream: rows, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('csv') } };
      }
      if (format === 'jsonl') {
        const lines = (async function* () {
          for await (const ad of resultSet(params, deps)) yield `${JSON.stringify(ad)}\n`;
        })();
        return { status: 200, stream: lines, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Content-Disposition': attachment('jsonl') } };
      }
      const graph = await graphOfResultSet(params, deps);
      if (format === 'stix') {
        return { status: 200, body: `${JSON.stringify(stixBundle(graph).bundle, null, 2)}\n`, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': attachment('stix.json') } };
      }
      return { status: 200, body: maltegoGraphFile(graph), headers: { 'Content-Type': 'application/zip', 'Content-Disposition': attachment('mtgx') } };
    },
  },
];

/** The ads of the result set in the export contract's shape: every ad when no search parameter is given. */
async function* resultSet(params: WatchedQuery, deps: ConsoleDeps): AsyncIterable<ExportedAd> {
  if (!hasSearchParams(params)) {
    let count = 0;
    for await (const ad of deps.store.exportAds()) {
      if (++count > maxExportAds) return;
      yield ad;
    }
    return;
  }
  const pageSize = 500;
  for (let offset = 0; offset < maxExportAds; offset += pageSize) {
    const { query } = await storeQueryOf(params, deps, { limit: pageSize, offset });
    const page = await deps.store.search(query);
    for (const hit of page.hits) {
      const ad = await deps.store.getAd(hit.adId);
      if (ad) yield exportedAdOf(ad);
    }
    if (page.hits.length < pageSize) return;
  }
}

/** The link graph of the result set's ads, with the registration and DNS history of the domains they reach. */
async function graphOfResultSet(params: WatchedQuery, deps: ConsoleDeps) {
  const ads: GraphAd[] = [];
  for await (const ad of resultSet(params, deps)) {
    ads.push({ adId: ad.id, url: ad.url, site: ad.site, title: ad.title, firstSeen: ad.firstSeen, lastSeen: ad.lastSeen, indicators: ad.indicators.map(({ type, value, platform, chain }) => ({ type, value, platform, chain }) as GraphAd['indicators'][number]) });
  }
  if (ads.length === 0) throw new RejectedRequestError(404, 'no-results', 'the search matches no ads: nothing to export');
  const domains = [...buildLinkGraph({ ads, registrations: [], dns: [] }).nodes.values()].filter((node) => node.kind === 'domain').map((node) => node.value).slice(0, maxExportDomains);
  const registrations: RegistrationSnapshot[] = [];
  const dns: DnsSnapshot[] = [];
  for (const domain of domains) {
    registrations.push(...(await deps.store.registrations.registrationHistory(domain)));
    dns.push(...(await deps.store.registrations.dnsHistory(domain)));
  }
  return buildLinkGraph({ ads, registrations, dns });
}

import type { Client, estypes } from '@elastic/elasticsearch';
import type { Logger } from '@indicia/core';
import type { ExportedAd } from '../index-store.js';
import type { AdDocument } from './ad-document.js';
import { exportedAdOf } from './ad-document-views.js';
import type { IndexNames } from './index-layout.js';

/** How long the point in time lives between two pages: a slow consumer only has to read one page in that time. */
const keepAlive = '5m';

/**
 * Every ad (or one site's) in id order, page by page over a point in time, so the export is one
 * consistent view of the index however long it takes to read, and never holds more than a page.
 * The view holds every ad whose write was acknowledged before the export began.
 */
export async function* exportAdPages(client: Client, names: IndexNames, options: { site: string | null; pageSize: number; log: Logger }): AsyncIterable<ExportedAd> {
  // A point in time sees the last refresh. Index workers write without waiting for one (refresh
  // 'none'), so without this an export made just after a run would miss its last second of ads.
  await client.indices.refresh({ index: names.ads });
  let pitId = (await client.openPointInTime({ index: names.ads, keep_alive: keepAlive })).id;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<AdDocument>({
        pit: { id: pitId, keep_alive: keepAlive },
        query: options.site === null ? { match_all: {} } : { term: { site: options.site } },
        sort: [{ id: 'asc' }],
        size: options.pageSize,
        track_total_hits: false,
        _source_excludes: ['versions'],
        ...(after ? { search_after: after } : {}),
      });
      pitId = response.pit_id ?? pitId;
      const hits = response.hits.hits;
      for (const hit of hits) yield exportedAdOf(hit._source!);
      if (hits.length < options.pageSize) return;
      after = hits.at(-1)!.sort;
    }
  } finally {
    // A point in time that cannot be closed (the node went away) expires by itself after keepAlive.
    await client.closePointInTime({ id: pitId }).catch((error: unknown) => options.log.debug({ err: error }, 'export point in time left to expire'));
  }
}

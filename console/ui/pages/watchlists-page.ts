import { api, apiUrl, getJson, segment } from '../api-client.js';
import type { Watchlist, WatchlistAnswer } from '../api-types.js';
import { button, h } from '../dom.js';
import { formatTime, plural } from '../format.js';
import { indicatorChip } from '../indicator-links.js';
import { hasRole, type PageContext } from '../page-context.js';
import { navigate } from '../router.js';
import { searchHits } from '../search-hits.js';
import { empty, notice, pageHeading, section, table } from '../widgets.js';
import { searchPath } from './search-page.js';

function watchedThing(list: Watchlist): Node | string {
  if (list.kind === 'indicator' && list.indicator) return indicatorChip(list.indicator);
  if (list.query) return h('a', { href: searchPath(list.query) }, Object.entries(list.query).map(([key, value]) => `${key}=${value}`).join(' '));
  return '—';
}

export async function watchlistsPage(context: PageContext): Promise<Node> {
  const lists = await getJson<Watchlist[]>(apiUrl('/watchlists'));
  const canEdit = hasRole(context.me, 'analyst');
  return h(
    'div',
    { class: 'page watchlists-page' },
    pageHeading('Watchlists'),
    h('p', { class: 'hint' }, 'Save an indicator (from its page) or a search (from the results). A list counts the ads first seen since you last opened it.'),
    lists.length === 0
      ? empty('No watchlist yet.')
      : table(
          ['Name', 'Watching', 'New since last visit', 'Last visit', ''],
          lists.map((list) => [
            h('a', { href: `/watchlists/${segment(String(list.id))}` }, list.name),
            watchedThing(list),
            list.newMatches > 0 ? h('span', { class: 'badge badge-new' }, `${list.newMatches} new`) : '0',
            formatTime(list.lastVisitedAt),
            canEdit
              ? button('Delete', async () => {
                  await api('DELETE', apiUrl(`/watchlists/${segment(String(list.id))}`));
                  navigate('/watchlists', { replace: true });
                }, { class: 'link-button danger', 'aria-label': `Delete watchlist ${list.name}` })
              : '',
          ]),
        ),
  );
}

export async function watchlistPage(context: PageContext): Promise<Node> {
  const id = context.params.id!;
  const list = await getJson<WatchlistAnswer>(apiUrl(`/watchlists/${segment(id)}`));
  // Opening the list is the visit: the next visit flags only what arrives after now.
  let visited: Node | null = null;
  try {
    await api('POST', apiUrl(`/watchlists/${segment(id)}/visit`));
  } catch (error) {
    visited = notice(`Could not mark this visit: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
  const fresh = list.hits.filter((hit) => hit.isNew).length;
  return h(
    'div',
    { class: 'page watchlist-page' },
    pageHeading(list.name, h('p', { class: 'subtitle' }, `${plural(fresh, 'new ad')} since ${formatTime(list.newSince)}`)),
    h('p', {}, 'Watching: ', watchedThing(list)),
    visited,
    section('Matches', searchHits(list.hits, 'Nothing matches yet.')),
  );
}

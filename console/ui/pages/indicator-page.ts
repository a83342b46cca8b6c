import { api, apiUrl, getJson } from '../api-client.js';
import type { IndicatorAnswer, IndicatorRef, IndicatorType } from '../api-types.js';
import { button, h, replaceChildren } from '../dom.js';
import { formatDay, plural } from '../format.js';
import { domainLink, graphSeed, indicatorApiPath, indicatorChip, indicatorLabel } from '../indicator-links.js';
import { hasRole, type PageContext } from '../page-context.js';
import { searchHits } from '../search-hits.js';
import { timelineChart } from '../timeline-chart.js';
import { empty, notice, pageHeading, section, table } from '../widgets.js';
import { searchPath } from './search-page.js';

function refOf(context: PageContext): IndicatorRef {
  const ref: IndicatorRef = { type: context.params.type as IndicatorType, value: context.params.value! };
  const platform = context.query.get('platform');
  const chain = context.query.get('chain');
  if (platform) ref.platform = platform;
  if (chain) ref.chain = chain;
  return ref;
}

/** What to type in the search box to find this indicator again. */
function searchText(ref: IndicatorRef): string {
  return ref.type === 'handle' ? `${ref.platform}:${ref.value}` : ref.value;
}

function watchButton(ref: IndicatorRef, status: HTMLElement): HTMLButtonElement {
  return button('Watch this indicator', async () => {
    try {
      await api('POST', apiUrl('/watchlists'), { name: indicatorLabel(ref), indicator: ref });
      replaceChildren(status, notice('Saved to your watchlists.'));
    } catch (error) {
      replaceChildren(status, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  });
}

export async function indicatorPage(context: PageContext): Promise<Node> {
  const ref = refOf(context);
  const answer = await getJson<IndicatorAnswer>(indicatorApiPath(ref));
  const status = h('div', { class: 'status-line' });
  const actions = h(
    'div',
    { class: 'actions' },
    h('a', { href: `/graph?seed=${encodeURIComponent(graphSeed(ref))}`, class: 'button-link' }, 'Open in graph'),
    h('a', { href: searchPath({ q: searchText(ref) }), class: 'button-link' }, 'Search its ads'),
  );
  if (hasRole(context.me, 'analyst')) actions.append(watchButton(ref, status));
  return h(
    'div',
    { class: 'page indicator-page' },
    pageHeading(indicatorLabel(ref), h('p', { class: 'subtitle' }, `${ref.type} · ${plural(answer.ads, 'ad')} · seen ${formatDay(answer.firstSeen)} – ${formatDay(answer.lastSeen)}`)),
    actions,
    status,
    section('Ads over time', timelineChart(answer.timeline, `Ads first showing ${indicatorLabel(ref)}, by ${answer.timeline[0]?.period.length === 7 ? 'month' : 'day'}`)),
    h(
      'div',
      { class: 'columns' },
      section(
        'Sites',
        answer.sites.length === 0 ? empty('No site.') : table(['Site', 'Ads', 'First seen', 'Last seen'], answer.sites.map((site) => [site.site, String(site.ads), formatDay(site.firstSeen), formatDay(site.lastSeen)])),
      ),
      section(
        'Seen with',
        answer.cooccurring.length === 0
          ? empty('No other indicator shares an ad with it.')
          : h('ul', { class: 'cooccurring' }, ...answer.cooccurring.map((other) => h('li', {}, indicatorChip(other), ' ', h('span', { class: 'count' }, plural(other.ads, 'shared ad'))))),
      ),
    ),
    section(
      'Domains whose registration holds it',
      answer.registrations.length === 0
        ? empty('No WHOIS/RDAP record seen holds it.')
        : table(
            ['Domain', 'As', 'Held', 'Now'],
            answer.registrations.map((match) => [
              domainLink(match.domain),
              match.roles.join(', '),
              match.ranges.map((range) => `${formatDay(range.from)} – ${range.until ? formatDay(range.until) : 'now'}`).join('; '),
              match.current ? 'yes' : 'no',
            ]),
          ),
    ),
    section('Ads', searchHits(answer.hits)),
  );
}

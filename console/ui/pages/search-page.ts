import { api, apiUrl, getJson } from '../api-client.js';
import type { FacetCount, SearchAnswer } from '../api-types.js';
import { button, h, replaceChildren } from '../dom.js';
import { exportLinks } from '../export-links.js';
import { hasRole, type PageContext } from '../page-context.js';
import { navigate } from '../router.js';
import { searchHits } from '../search-hits.js';
import { notice, pageHeading, pagination } from '../widgets.js';

const pageSize = 20;
/** The search's filters as they appear in the URL and in the API query. */
const filterNames = ['q', 'site', 'country', 'type', 'from', 'to'] as const;
const indicatorTypes = ['', 'phone', 'email', 'handle', 'crypto', 'url', 'domain'];

function searchParams(query: URLSearchParams): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of filterNames) {
    const value = query.get(name)?.trim();
    if (value) params[name] = value;
  }
  return params;
}

export function searchPath(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return `/search?${query.toString()}`;
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

function searchForm(params: Record<string, string>): HTMLFormElement {
  const box = h('input', { type: 'search', name: 'q', value: params.q ?? '', placeholder: 'Phone in any format, email, @handle or words', 'aria-label': 'Search', autocomplete: 'off', class: 'search-box' });
  const site = h('input', { name: 'site', value: params.site ?? '', placeholder: 'any site' });
  const country = h('input', { name: 'country', value: params.country ?? '', placeholder: 'e.g. US', maxlength: 2, size: 4 });
  const type = h('select', { name: 'type' }, ...indicatorTypes.map((value) => h('option', { value, selected: value === (params.type ?? '') }, value || 'any type')));
  const from = h('input', { type: 'date', name: 'from', value: params.from ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: params.to ?? '' });
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h('div', { class: 'search-row' }, box, h('button', { type: 'submit', class: 'primary' }, 'Search')),
    h('div', { class: 'filters' }, field('Site', site), field('Country', country), field('Indicator type', type), field('Seen from', from), field('to', to)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const name of filterNames) {
      const value = String(data.get(name) ?? '').trim();
      if (value) next[name] = value;
    }
    navigate(searchPath(next));
  });
  return form;
}

function readAsLine(answer: SearchAnswer): HTMLElement | null {
  if (answer.readAs.length === 0) return null;
  return h('p', { class: 'read-as', 'data-testid': 'read-as' }, 'Read as: ', ...answer.readAs.flatMap((reading, index) => [index > 0 ? ' and ' : '', h('strong', {}, reading.as), ' ', h('code', {}, reading.value)]));
}

function facetList(title: string, name: string, counts: readonly FacetCount[], params: Record<string, string>): HTMLElement | null {
  if (counts.length === 0) return null;
  return h(
    'div',
    { class: 'facet' },
    h('h3', {}, title),
    h(
      'ul',
      {},
      ...counts.slice(0, 12).map((count) => {
        const active = params[name] === count.value;
        const next = { ...params, [name]: active ? '' : count.value };
        return h('li', {}, h('a', { href: searchPath(next), class: active ? 'facet-active' : '', 'aria-pressed': active ? 'true' : 'false' }, count.value), ' ', h('span', { class: 'count' }, count.count.toLocaleString('en')));
      }),
    ),
  );
}

function watchQueryButton(params: Record<string, string>, status: HTMLElement): HTMLButtonElement {
  return button('Watch this search', async () => {
    try {
      const name = params.q ?? 'search';
      await api('POST', apiUrl('/watchlists'), { name, query: params });
      replaceChildren(status, notice(`Saved to your watchlists as “${name}”.`));
    } catch (error) {
      replaceChildren(status, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  });
}

export async function searchPage(context: PageContext): Promise<Node> {
  const params = searchParams(context.query);
  const offset = Math.max(0, Number(context.query.get('offset') ?? 0) || 0);
  const root = h('div', { class: 'page search-page' }, pageHeading('Search'), searchForm(params));
  if (Object.keys(params).length === 0) {
    root.append(h('p', { class: 'hint' }, 'Paste a phone number in any format (+1 702 555 0141, (702) 555-0141), an email, a handle (@name or telegram:name) or words.'));
    return root;
  }
  const answer = await getJson<SearchAnswer>(apiUrl('/search', { ...params, limit: pageSize, offset }));
  const status = h('div', { class: 'status-line' });
  const tools = h('div', { class: 'result-tools' }, h('p', { class: 'total' }, `${answer.total.toLocaleString('en')}${answer.totalIsLowerBound ? '+' : ''} ads`));
  if (hasRole(context.me, 'analyst')) tools.append(watchQueryButton(params, status), exportLinks(params));
  const facets = answer.facets;
  root.append(
    readAsLine(answer) ?? '',
    tools,
    status,
    h(
      'div',
      { class: 'results-layout' },
      facets
        ? h('aside', { class: 'facets', 'aria-label': 'Refine' }, facetList('Sites', 'site', facets.sites, params), facetList('Countries', 'country', facets.countries, params), facetList('Indicator types', 'type', facets.types, params))
        : h('aside', {}),
      h(
        'div',
        { class: 'results' },
        searchHits(answer.hits),
        pagination({ offset, limit: pageSize, total: answer.total, lowerBound: answer.totalIsLowerBound, href: (next) => searchPath({ ...params, offset: next > 0 ? String(next) : undefined }) }),
      ),
    ),
  );
  return root;
}

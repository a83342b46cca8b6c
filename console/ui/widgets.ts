import { h, type Child } from './dom.js';

/** A page's heading: focused after navigation so keyboard and screen-reader users start there. */
export function pageHeading(text: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'page-header' }, h('h1', { tabindex: -1 }, text), ...extra);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

export function notice(text: string, kind: 'error' | 'info' = 'info'): HTMLElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** A table from column heads and rows of cells (strings or nodes). */
export function table(heads: readonly string[], rows: readonly Child[][], options: { className?: string; caption?: string } = {}): HTMLTableElement {
  return h(
    'table',
    { class: options.className ?? 'data' },
    options.caption ? h('caption', {}, options.caption) : null,
    h('thead', {}, h('tr', {}, ...heads.map((head) => h('th', { scope: 'col' }, head)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

/** A definition list of label → value pairs (capture metadata, hashes). */
export function facts(pairs: ReadonlyArray<[string, Child]>): HTMLDListElement {
  const list = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) list.append(h('dt', {}, label), h('dd', {}, value));
  return list;
}

/** Previous/next links and where the page is; hrefs come from the caller. */
export function pagination(options: { offset: number; limit: number; total: number; lowerBound?: boolean; href: (offset: number) => string }): HTMLElement {
  const { offset, limit, total } = options;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const pages = h('nav', { class: 'pagination', 'aria-label': 'Result pages' });
  if (offset > 0) pages.append(h('a', { href: options.href(Math.max(0, offset - limit)), rel: 'prev' }, '← Previous'));
  pages.append(h('span', {}, `${first}–${last} of ${total.toLocaleString('en')}${options.lowerBound ? '+' : ''}`));
  if (offset + limit < total) pages.append(h('a', { href: options.href(offset + limit), rel: 'next' }, 'Next →'));
  return pages;
}

import { link } from './html.js';

export interface PaginationParts {
  page: number;
  pages: number;
  /** URL of a page; `position` lets a site vary how it writes the same URL. */
  href(page: number, position: number): string;
  previousText: string;
  nextText: string;
}

/** prev / first / a window around the current page / last / next, as listing pages usually show. */
export function paginationNav(parts: PaginationParts): string {
  const { page, pages } = parts;
  const items: string[] = [];
  let position = 0;
  if (page > 1) items.push(link(parts.href(page - 1, position++), `« ${parts.previousText}`, 'rel="prev"'));
  const shown = new Set([1, pages]);
  for (let near = page - 2; near <= page + 2; near++) if (near >= 1 && near <= pages) shown.add(near);
  let last = 0;
  for (const number of [...shown].sort((a, b) => a - b)) {
    if (number > last + 1) items.push('<span class="gap">…</span>');
    items.push(number === page ? `<span class="current">${number}</span>` : link(parts.href(number, position++), String(number)));
    last = number;
  }
  if (page < pages) items.push(link(parts.href(page + 1, position++), `${parts.nextText} »`, 'rel="next"'));
  return `<nav class="pagination">\n${items.join('\n')}\n</nav>`;
}

/** A page number from a query: absent means 1; anything but 1..max is no page at all. */
export function pageNumber(query: URLSearchParams, max: number): number | undefined {
  const raw = query.get('page');
  if (raw === null) return 1;
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  const page = Number(raw);
  return page >= 1 && page <= max ? page : undefined;
}

import { apiUrl } from './api-client.js';
import { h } from './dom.js';

export const exportFormats = [
  { format: 'csv', label: 'CSV' },
  { format: 'jsonl', label: 'JSONL' },
  { format: 'stix', label: 'STIX 2.1' },
  { format: 'maltego', label: 'Maltego' },
] as const;

/** Download links for the whole result set of a search (the server streams the attachment). */
export function exportLinks(params: Record<string, string>): HTMLElement {
  return h(
    'div',
    { class: 'exports', role: 'group', 'aria-label': 'Export these results' },
    h('span', {}, 'Export:'),
    ...exportFormats.map(({ format, label }) => h('a', { href: apiUrl('/export', { ...params, format }), download: '', class: 'button-link', 'data-format': format }, label)),
  );
}

import { apiUrl, getJson } from '../api-client.js';
import type { AuditEntry } from '../api-types.js';
import { button, h, replaceChildren } from '../dom.js';
import { formatTime } from '../format.js';
import type { PageContext } from '../page-context.js';
import { notice, pageHeading, pagination, table } from '../widgets.js';

const pageSize = 50;

function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  return typeof details === 'string' ? details : JSON.stringify(details);
}

export async function auditPage(context: PageContext): Promise<Node> {
  const offset = Math.max(0, Number(context.query.get('offset') ?? 0) || 0);
  const answer = await getJson<{ entries: AuditEntry[]; total: number }>(apiUrl('/audit', { limit: pageSize, offset }));
  const verifyOutput = h('div', { 'aria-live': 'polite' });
  const verify = button('Verify the chain', async () => {
    try {
      const result = await getJson<{ ok: boolean; entries: number; brokenAt?: number }>(apiUrl('/audit/verify'));
      replaceChildren(verifyOutput, result.ok ? notice(`Chain intact: ${result.entries} entries, each hash matches.`) : notice(`Chain broken at entry ${result.brokenAt}: the log was edited.`, 'error'));
    } catch (error) {
      replaceChildren(verifyOutput, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  });
  return h(
    'div',
    { class: 'page audit-page' },
    pageHeading('Audit log'),
    h('p', { class: 'hint' }, 'Append-only; each entry’s hash covers the one before, so an edited or removed entry breaks the chain.'),
    h('div', { class: 'actions' }, verify),
    verifyOutput,
    h(
      'div',
      { class: 'table-scroll' },
      table(
        ['#', 'When', 'User', 'Action', 'Target', 'Details', 'Hash'],
        answer.entries.map((entry) => [String(entry.seq), formatTime(entry.at), entry.username ?? '—', entry.action, entry.target ?? '', h('span', { class: 'details' }, detailsText(entry.details)), h('code', { class: 'hash', title: entry.hash }, entry.hash.slice(0, 12))]),
        { className: 'data audit' },
      ),
    ),
    pagination({ offset, limit: pageSize, total: answer.total, href: (next) => `/audit?offset=${next}` }),
  );
}

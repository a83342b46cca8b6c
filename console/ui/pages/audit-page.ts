import { apiUrl, getJson } from '../api-client.js';
import type { AuditEntry, AuditVerification } from '../api-types.js';
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
  const anchor = h('input', { name: 'anchor', placeholder: 'optional: a head kept from before (SEQ:HASH)', 'aria-label': 'Anchor', autocomplete: 'off', spellcheck: 'false', class: 'anchor-input' });
  const verify = button('Verify the chain', async () => {
    try {
      const anchorText = anchor.value.trim();
      const result = await getJson<AuditVerification>(apiUrl('/audit/verify', anchorText ? { anchor: anchorText } : {}));
      const checked = anchorText ? ' The anchor holds.' : '';
      replaceChildren(
        verifyOutput,
        result.ok ? notice(`Chain intact: ${result.entries} entries, each hash matches.${checked}`) : notice(`Chain broken at entry ${result.brokenAt}: ${result.reason ?? 'the log was edited'}.`, 'error'),
        result.head
          ? h('p', { class: 'hint' }, 'Head, to keep outside the console (a case file, an email); verifying against it later shows whether entries were removed: ', h('code', { class: 'audit-head' }, result.head))
          : null,
      );
    } catch (error) {
      replaceChildren(verifyOutput, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  });
  return h(
    'div',
    { class: 'page audit-page' },
    pageHeading('Audit log'),
    h('p', { class: 'hint' }, 'Append-only; each entry’s hash covers the one before, so an edited or removed entry breaks the chain. Removing the newest entries leaves a shorter chain that still holds: keep the head each verification shows, and verify against it later.'),
    h('div', { class: 'actions' }, anchor, verify),
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

import { apiUrl, getJson, segment } from '../api-client.js';
import type { DomainAnswer, RegistrationContact, RegistrationSnapshot, ReverseRegistrationMatch } from '../api-types.js';
import { button, h, replaceChildren, type Child } from '../dom.js';
import { formatDay, formatTime, plural } from '../format.js';
import { domainLink } from '../indicator-links.js';
import type { PageContext } from '../page-context.js';
import { empty, notice, pageHeading, section, table } from '../widgets.js';
import { searchPath } from './search-page.js';

interface Column {
  head: string;
  /** The field path the server names in `changed` ("registrant.email", "nameservers"). */
  field: string;
  cell(snapshot: RegistrationSnapshot): Child;
}

/** Registrant fields reverse WHOIS can pivot on, by the query parameter of /reverse. */
const pivotFields = { email: 'email', phone: 'phone', name: 'name', organization: 'org' } as const;
type PivotField = keyof typeof pivotFields;

function contactValue(contact: RegistrationContact | null, field: PivotField, pivot: (field: PivotField, value: string) => Child): Child {
  const value = contact?.[field];
  if (value) return pivot(field, value);
  if (contact?.redacted?.includes(field)) return h('span', { class: 'muted' }, 'redacted');
  return '—';
}

function columns(pivot: (field: PivotField, value: string) => Child): Column[] {
  return [
    { head: 'Observed', field: 'observedAt', cell: (snap) => formatTime(snap.observedAt) },
    { head: 'Source', field: 'source', cell: (snap) => h('span', { title: snap.server }, snap.source) },
    { head: 'Registrar', field: 'registrar', cell: (snap) => snap.record.registrar?.name ?? '—' },
    { head: 'Created', field: 'createdAt', cell: (snap) => formatDay(snap.record.createdAt) },
    { head: 'Expires', field: 'expiresAt', cell: (snap) => formatDay(snap.record.expiresAt) },
    { head: 'Status', field: 'status', cell: (snap) => snap.record.status.join(', ') || '—' },
    { head: 'Name servers', field: 'nameservers', cell: (snap) => snap.record.nameservers.join(', ') || '—' },
    { head: 'Registrant name', field: 'registrant.name', cell: (snap) => contactValue(snap.record.registrant, 'name', pivot) },
    { head: 'Organisation', field: 'registrant.organization', cell: (snap) => contactValue(snap.record.registrant, 'organization', pivot) },
    { head: 'Email', field: 'registrant.email', cell: (snap) => contactValue(snap.record.registrant, 'email', pivot) },
    { head: 'Phone', field: 'registrant.phone', cell: (snap) => contactValue(snap.record.registrant, 'phone', pivot) },
    { head: 'Country', field: 'registrant.country', cell: (snap) => snap.record.registrant?.country ?? '—' },
    { head: 'Privacy', field: 'privacyProxy', cell: (snap) => (snap.record.privacyProxy ? `${snap.record.privacyProxy.kind}${snap.record.privacyProxy.service ? `: ${snap.record.privacyProxy.service}` : ''}` : '—') },
  ];
}

/** A cell changed when the server names its field, a part of it, or the whole it belongs to. */
function isChanged(snapshot: RegistrationSnapshot, field: string): boolean {
  return (snapshot.changed ?? []).some((changed) => changed === field || changed.startsWith(`${field}.`) || field.startsWith(`${changed}.`));
}

function historyTable(snapshots: readonly RegistrationSnapshot[], pivot: (field: PivotField, value: string) => Child): HTMLElement {
  if (snapshots.length === 0) return empty('No WHOIS or RDAP record has been collected for this domain.');
  const cols = columns(pivot);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data history' },
      h('caption', {}, 'Newest first. Highlighted cells changed since the record before.'),
      h('thead', {}, h('tr', {}, ...cols.map((col) => h('th', { scope: 'col' }, col.head)))),
      h(
        'tbody',
        {},
        ...snapshots.map((snapshot) =>
          h('tr', {}, ...cols.map((col) => (isChanged(snapshot, col.field) ? h('td', { class: 'changed', title: `changed: ${col.field}` }, col.cell(snapshot)) : h('td', {}, col.cell(snapshot))))),
        ),
      ),
    ),
  );
}

function dnsTable(answer: DomainAnswer): HTMLElement {
  if (answer.dns.length === 0) return empty('No DNS lookup recorded.');
  return table(
    ['Observed', 'A', 'AAAA', 'MX', 'NS', 'TXT'],
    answer.dns.map((snap) => [formatTime(snap.observedAt), snap.a.join(', ') || '—', snap.aaaa.join(', ') || '—', snap.mx.map((mx) => `${mx.priority} ${mx.exchange}`).join(', ') || '—', snap.ns.join(', ') || '—', snap.txt.join(' | ') || '—']),
  );
}

function reverseList(matches: readonly ReverseRegistrationMatch[]): HTMLElement {
  if (matches.length === 0) return empty('No other domain.');
  return h('ul', { class: 'reverse-matches' }, ...matches.map((match) => h('li', {}, domainLink(match.domain), ` as ${match.roles.join(', ')} · ${match.current ? 'holds it now' : `until ${formatDay(match.ranges[match.ranges.length - 1]?.until)}`}`)));
}

function adsCount(answer: DomainAnswer): Child {
  const mentioning = answer.adsMentioning ?? 0;
  return h(
    'span',
    {},
    `${plural(answer.ads, 'ad')} hosted on it · `,
    mentioning > 0 ? h('a', { href: searchPath({ q: answer.domain }) }, `${plural(mentioning, 'ad')} mentioning it`) : 'no ad mentions it',
  );
}

export async function domainPage(context: PageContext): Promise<Node> {
  const domain = context.params.domain!;
  const answer = await getJson<DomainAnswer>(apiUrl(`/domains/${segment(domain)}`));
  const reverseOutput = h('div', { class: 'reverse-output', 'aria-live': 'polite' });
  const showReverse = async (field: PivotField, value: string) => {
    replaceChildren(reverseOutput, h('p', { class: 'muted' }, 'Looking up…'));
    try {
      const result = await getJson<{ matches: ReverseRegistrationMatch[] }>(apiUrl('/reverse', { [pivotFields[field]]: value }));
      replaceChildren(reverseOutput, h('h3', {}, `Domains whose registration holds ${field} “${value}”`), reverseList(result.matches));
    } catch (error) {
      replaceChildren(reverseOutput, notice(error instanceof Error ? error.message : String(error), 'error'));
    }
  };
  const pivot = (field: PivotField, value: string): Child => button(value, () => void showReverse(field, value), { class: 'link-button pivot', title: `reverse WHOIS: other domains with this ${field}` });
  const pivotRows = answer.pivots.map((entry) => {
    const field = (Object.keys(pivotFields) as PivotField[]).find((name) => entry.field.endsWith(name)) ?? 'email';
    return [entry.field, pivot(field, entry.value), plural(entry.domains, 'domain')];
  });
  return h(
    'div',
    { class: 'page domain-page' },
    pageHeading(answer.domain, h('p', { class: 'subtitle' }, adsCount(answer))),
    section('Registration history (WHOIS / RDAP)', historyTable(answer.registrations, pivot)),
    section('Reverse WHOIS', pivotRows.length === 0 ? empty('No registrant value to pivot on.') : table(['Field', 'Value (click for its domains)', 'Domains holding it'], pivotRows), reverseOutput),
    section('DNS', dnsTable(answer)),
  );
}

/**
 * Free-text WHOIS (port 43) to the normalised RegistrationRecord. One reader handles the formats
 * seen across ~100 registries: ICANN "Key: value" lines, RIPE-style objects linked by nic-hdl
 * (.fr, .eu...), indented sections (.uk "Registrant:\n    Name"), [bracketed] keys (.jp) and
 * "Registrant:" followed by unlabelled lines. The answering server, when known, picks quirks
 * (server-quirks-data.ts); without it the reader still does well on unknown servers.
 */
import type { ContactRole, PrivacyProxy, RegistrationContact, RegistrationRecord } from '@indicia/core';
import { assembleContact } from './contact-assembly.js';
import { collectFields, type CollectedFields } from './field-collection.js';
import { flatSectionLabel } from './label-vocabulary-data.js';
import { normaliseLabel } from './label-classification.js';
import { emptyRawContact, rawContactIsEmpty, type RawContact } from './raw-contact.js';
import { recordDatesOf } from './record-dates.js';
import { domainOf, nameserverHosts, registrarNameOf, statusesOf, urlOf } from './record-values.js';
import { hostOfReferral } from './referral-server.js';
import { readResponseLines } from './response-lines.js';
import { notWhoisReason, saysNotFound, saysRateLimited, saysReserved } from './response-signs.js';
import { quirksOf } from './server-quirks-data.js';
import { WhoisParseError } from './whois-parse-error.js';

export interface ParseWhoisOptions {
  /** The domain asked about: names the record when the response does not. */
  readonly domain?: string;
  /** The WHOIS server that answered ("whois.nic.fr"): selects per-server quirks. */
  readonly server?: string;
}

const roles: readonly ContactRole[] = ['registrant', 'admin', 'tech'];

/** Parses one WHOIS response; throws WhoisParseError when the text is not a WHOIS answer. */
export function parseWhois(text: string, options: ParseWhoisOptions = {}): RegistrationRecord {
  const notWhois = notWhoisReason(text);
  if (notWhois !== null) throw new WhoisParseError(notWhois.message, { failure: notWhois.failure });
  const quirks = quirksOf(options.server);
  const lines = readResponseLines(quirks.prepare?.(text) ?? text, { isFlatSectionLabel: (label) => flatSectionLabel.test(normaliseLabel(label)) });
  const collected = collectFields(lines);
  const first = (field: Parameters<CollectedFields['record']['get']>[0]): string[] => collected.record.get(field) ?? [];
  const domain = firstNonNull(first('domain'), domainOf);
  const { createdAt, updatedAt, expiresAt } = recordDatesOf(
    {
      createdAt: first('createdAt'),
      updatedAt: first('updatedAt'),
      updatedAtParagraphs: collected.recordParagraphs.get('updatedAt') ?? [],
      expiresAt: first('expiresAt'),
      status: first('status'),
    },
    { monthFirst: quirks.monthFirst === true },
  );
  const status = unique(first('status').flatMap(statusesOf));
  const nameservers = unique(first('nameserver').flatMap(nameserverHosts));
  const registrar = registrarOf(collected);
  const contacts = contactsOf(collected);

  // A registrar line alone can come from a disclaimer; dates, name servers or contacts cannot.
  const hasData = createdAt !== null || expiresAt !== null || nameservers.length > 0 || roles.some((role) => contacts.byRole[role] !== null);
  let registered = hasData || registrar !== null;
  if (!hasData) {
    const contentLines = lines.map((line) => line.text).join('\n');
    if (saysRateLimited(text)) throw new WhoisParseError('the server refused the query: rate limited', { failure: 'rate-limited' });
    if (quirks.notFound?.test(text) === true || saysNotFound(text)) registered = false;
    else if (status.length > 0 || updatedAt !== null) registered = !statusSaysAvailable(status);
    else if (saysReserved(contentLines)) registered = true;
    else if (domain === null && registrar === null) throw new WhoisParseError('the response holds no domain data and no "not found" answer', { failure: 'no-registration-data' });
  } else if (quirks.notFound?.test(text) === true) registered = false;
  if (registered && status.some((value) => /^(?:available|free|no object found|not registered)$/i.test(value))) registered = false;

  return {
    domain: domain ?? (options.domain === undefined ? null : (domainOf(options.domain) ?? null)),
    registered,
    registrar,
    createdAt,
    updatedAt,
    expiresAt,
    status,
    nameservers,
    registrant: contacts.byRole.registrant,
    admin: contacts.byRole.admin,
    tech: contacts.byRole.tech,
    privacyProxy: contacts.privacyProxy,
  };
}

function statusSaysAvailable(status: readonly string[]): boolean {
  return status.some((value) => /^(?:available|free|no object found|not registered)$/i.test(value));
}

function firstNonNull<T>(values: readonly string[], read: (value: string) => T | null): T | null {
  for (const value of values) {
    const result = read(value);
    if (result !== null) return result;
  }
  return null;
}

function unique(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

function registrarOf(collected: CollectedFields): RegistrationRecord['registrar'] {
  const named = firstNonNull(collected.record.get('registrar') ?? [], registrarNameOf);
  const id = (collected.record.get('registrarId') ?? [])[0] ?? named?.id ?? null;
  const url = firstNonNull(collected.record.get('registrarUrl') ?? [], urlOf) ?? named?.url ?? null;
  const whoisServer = firstNonNull(collected.record.get('whoisServer') ?? [], hostOfReferral);
  if (named === null && id === null && url === null && whoisServer === null) return null;
  return { name: named?.name ?? null, id, url, whoisServer };
}

interface Contacts {
  readonly byRole: Record<ContactRole, RegistrationContact | null>;
  readonly privacyProxy: PrivacyProxy | null;
}

/** Each role's contact: its labelled values, completed by the RIPE-style object its reference names. */
function contactsOf(collected: CollectedFields): Contacts {
  const byRole: Record<ContactRole, RegistrationContact | null> = { registrant: null, admin: null, tech: null };
  let privacyProxy: PrivacyProxy | null = null;
  for (const role of roles) {
    const raw = resolvedContact(collected, role);
    if (raw === null) continue;
    const assembled = assembleContact(raw);
    if (assembled === null) continue;
    byRole[role] = assembled.contact;
    const proxy = assembled.privacyProxy;
    if (proxy !== null && (privacyProxy === null || (privacyProxy.kind === 'redacted' && proxy.kind === 'proxy-service'))) privacyProxy = proxy;
  }
  return { byRole, privacyProxy };
}

const handleShape = /^(?=.*\d)[A-Z0-9][A-Z0-9_.-]*$/i;

function resolvedContact(collected: CollectedFields, role: ContactRole): RawContact | null {
  const labelled = collected.contacts.get(role) ?? null;
  const reference = collected.references.get(role);
  if (reference === undefined) return labelled;
  const contact = labelled ?? emptyRawContact();
  const object = collected.objects.get(reference.toUpperCase());
  if (object !== undefined) mergeInto(contact, object);
  else if (handleShape.test(reference) && !reference.includes('@')) contact.handle ??= reference;
  else if (contact.name === null) contact.name = reference;
  return rawContactIsEmpty(contact) ? null : contact;
}

function mergeInto(target: RawContact, source: RawContact): void {
  target.handle ??= source.handle;
  target.name ??= source.name;
  target.organization ??= source.organization;
  target.email ??= source.email;
  target.phone ??= source.phone;
  target.fax ??= source.fax;
  if (target.street.length === 0) target.street.push(...source.street);
  target.city ??= source.city;
  target.state ??= source.state;
  target.postalCode ??= source.postalCode;
  target.country ??= source.country;
  target.type ??= source.type;
}


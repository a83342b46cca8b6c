import { domainToASCII } from 'node:url';
import { type ContactRole, type PrivacyProxy, type RegistrationContact, type RegistrationRecord } from '@indicia/core';
import { registrationPhoneE164 } from '../contact-phone.js';
import { redactionOf } from '../redaction.js';
import { readJCard } from './jcard.js';
import { RdapFormatError } from './rdap-errors.js';
import { redactedContactFields, type ContactField } from './rdap-redactions.js';
import { contactOfJCard, type VCardContact } from './vcard-contact.js';

type Json = Record<string, unknown>;

/** Parses an RDAP response body; anything but a JSON object throws RdapFormatError. */
export function parseRdapJson(text: string, source: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RdapFormatError(`RDAP response from ${source} is not valid JSON`, { cause: error });
  }
  if (!isObject(value)) throw new RdapFormatError(`RDAP response from ${source} is not a JSON object`);
  return value;
}

/**
 * An RDAP domain object (RFC 9083 §5.3) as a RegistrationRecord: events, status, nameservers,
 * the registrar and the registrant/administrative/technical entities (nested ones too), their
 * jCards, and redactions (RFC 9537 `redacted`, and values that are redactions or privacy-service
 * stand-ins), which never reach the identity fields.
 */
export function rdapDomainRecord(response: Json, source: string): RegistrationRecord {
  if (response['objectClassName'] !== undefined && response['objectClassName'] !== 'domain') {
    throw new RdapFormatError(`RDAP response from ${source} is a ${JSON.stringify(response['objectClassName'])} object, not a domain`);
  }
  if (typeof response['ldhName'] !== 'string' && typeof response['unicodeName'] !== 'string') {
    throw new RdapFormatError(`RDAP response from ${source} has no ldhName: not a domain object`);
  }
  const entities = flattenEntities(response['entities'], source);
  const redactedFields = redactedContactFields(response['redacted']);
  const privacy: PrivacyProxy[] = [];
  const contactFor = (rdapRole: string, role: ContactRole): RegistrationContact | null => {
    const entity = entities.find((candidate) => rolesOf(candidate).includes(rdapRole));
    const declared = redactedFields.get(role) ?? new Set<ContactField>();
    if (declared.size > 0) privacy.push({ kind: 'redacted', service: null });
    if (entity === undefined && declared.size === 0) return null;
    return registrationContact(entity ?? {}, declared, privacy, source);
  };
  const contacts = { registrant: contactFor('registrant', 'registrant'), admin: contactFor('administrative', 'admin'), tech: contactFor('technical', 'tech') };
  return {
    domain: nameOf(response),
    registered: true,
    registrar: registrarOf(entities.find((entity) => rolesOf(entity).includes('registrar')), source),
    createdAt: eventDate(response, 'registration'),
    updatedAt: eventDate(response, 'last changed'),
    expiresAt: eventDate(response, 'expiration'),
    status: stringsOf(response['status']).map(eppStatus),
    nameservers: nameserversOf(response['nameservers']),
    ...contacts,
    privacyProxy: privacy.find((entry) => entry.kind === 'proxy-service') ?? privacy[0] ?? null,
  };
}

/** The record of a domain the registry does not know (HTTP 404). */
export function unregisteredRecord(domain: string): RegistrationRecord {
  return { domain, registered: false, registrar: null, createdAt: null, updatedAt: null, expiresAt: null, status: [], nameservers: [], registrant: null, admin: null, tech: null, privacyProxy: null };
}

/** An entity's contact as the jCard gives it (no redaction handling): for entity lookups and tests. */
export function rdapEntityContact(entity: Json, source: string): VCardContact | null {
  if (entity['vcardArray'] === undefined) return null;
  try {
    return contactOfJCard(readJCard(entity['vcardArray']));
  } catch (error) {
    throw new RdapFormatError(`RDAP entity ${JSON.stringify(entity['handle'] ?? null)} from ${source}: ${(error as Error).message}`, { cause: error });
  }
}

function registrationContact(entity: Json, declared: ReadonlySet<ContactField>, privacy: PrivacyProxy[], source: string): RegistrationContact {
  const vcard = rdapEntityContact(entity, source);
  const redacted = new Set<string>(declared);
  const privacyBefore = privacy.length;
  /** A value that stands in for the contact (a redaction, a proxy service) is named, never kept. */
  const identity = (field: ContactField, value: string | null | undefined): string | null => {
    if (value === null || value === undefined || declared.has(field)) return null;
    const standIn = redactionOf(value);
    if (standIn === null) return value;
    redacted.add(field);
    privacy.push(standIn);
    return null;
  };
  const country = identity('country', vcard?.country);
  let email = identity('email', vcard?.email)?.toLowerCase() ?? null;
  if (email !== null && !email.includes('@')) {
    // A web form's URL where the email belongs (ICANN's temporary specification): a stand-in.
    redacted.add('email');
    privacy.push({ kind: 'redacted', service: null });
    email = null;
  }
  const phoneText = identity('phone', vcard?.phone);
  const faxText = identity('fax', vcard?.fax);
  const contact: RegistrationContact = {
    handle: identity('handle', typeof entity['handle'] === 'string' ? entity['handle'] : null),
    name: identity('name', vcard?.name),
    organization: identity('organization', vcard?.organization),
    email,
    phone: phoneText === null ? null : (registrationPhoneE164(phoneText, country) ?? phoneText),
    fax: faxText === null ? null : (registrationPhoneE164(faxText, country) ?? faxText),
    street: identity('street', vcard?.street),
    city: identity('city', vcard?.city),
    state: identity('state', vcard?.state),
    postalCode: identity('postalCode', vcard?.postalCode),
    country,
    redacted: [],
  };
  if (privacy.slice(privacyBefore).some((standIn) => standIn.kind === 'proxy-service')) {
    // A privacy service's contact is the service's throughout ("Registration Private" beside
    // "Domains By Proxy, LLC"): no field of it identifies the registrant.
    for (const field of proxiedFields) {
      if (contact[field] !== null) redacted.add(field);
      contact[field] = null;
    }
  }
  return { ...contact, redacted: [...redacted] };
}

/** The fields cleared when a contact turns out to be a privacy service's: its address and country are the service's too. */
const proxiedFields = ['name', 'organization', 'email', 'phone', 'fax', 'street', 'city', 'state', 'postalCode', 'country'] as const;

function registrarOf(entity: Json | undefined, source: string): RegistrationRecord['registrar'] {
  if (entity === undefined) return null;
  const vcard = rdapEntityContact(entity, source);
  const ianaId = arrayOf(entity['publicIds']).find((id) => isObject(id) && typeof id['type'] === 'string' && /iana registrar id/i.test(id['type']));
  const id = isObject(ianaId) && typeof ianaId['identifier'] === 'string' ? ianaId['identifier'] : typeof entity['handle'] === 'string' ? entity['handle'] : null;
  const link = arrayOf(entity['links']).find((candidate) => isObject(candidate) && typeof candidate['href'] === 'string' && (candidate['rel'] === 'about' || candidate['type'] === 'text/html'));
  return {
    name: vcard?.name ?? vcard?.organization ?? null,
    id,
    url: vcard?.url ?? (isObject(link) ? (link['href'] as string) : null),
    whoisServer: typeof entity['port43'] === 'string' ? entity['port43'].toLowerCase() : null,
  };
}

/** Entities and the entities nested in them, depth first; a contact can hide one level down (under the registrar). */
function flattenEntities(entities: unknown, source: string, depth = 0): Json[] {
  if (entities === undefined) return [];
  if (!Array.isArray(entities)) throw new RdapFormatError(`RDAP response from ${source}: entities is not an array`);
  if (depth > 4) return [];
  return entities.flatMap((entity: unknown) => {
    if (!isObject(entity)) throw new RdapFormatError(`RDAP response from ${source}: an entity is not an object`);
    return [entity, ...flattenEntities(entity['entities'], source, depth + 1)];
  });
}

function rolesOf(entity: Json): string[] {
  return stringsOf(entity['roles']).map((role) => role.toLowerCase());
}

function nameOf(response: Json): string | null {
  const ldh = response['ldhName'];
  if (typeof ldh === 'string' && ldh !== '') return ldh.toLowerCase().replace(/\.$/, '');
  const unicode = response['unicodeName'];
  return typeof unicode === 'string' ? domainToASCII(unicode.toLowerCase()) || null : null;
}

function nameserversOf(nameservers: unknown): string[] {
  const names = arrayOf(nameservers).map((nameserver) => {
    if (!isObject(nameserver)) return null;
    if (typeof nameserver['ldhName'] === 'string') return nameserver['ldhName'].toLowerCase().replace(/\.$/, '');
    return typeof nameserver['unicodeName'] === 'string' ? domainToASCII(nameserver['unicodeName'].toLowerCase()) || null : null;
  });
  return [...new Set(names.filter((name): name is string => name !== null && name !== ''))];
}

/** The first event of that action, as an ISO instant; a date without a zone is read as UTC. */
function eventDate(response: Json, action: string): string | null {
  for (const event of arrayOf(response['events'])) {
    if (!isObject(event) || event['eventAction'] !== action || typeof event['eventDate'] !== 'string') continue;
    const text = event['eventDate'].trim();
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || !/T\d/.test(text) ? text : `${text}Z`;
    const time = Date.parse(zoned);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}

/**
 * RDAP writes EPP statuses as words (RFC 8056): "client transfer prohibited" becomes EPP's
 * "clientTransferProhibited", and "active" is EPP's "ok", so records from RDAP and WHOIS agree.
 */
function eppStatus(status: string): string {
  const words = status.trim().split(/\s+/);
  if (words.length === 1 && words[0]!.toLowerCase() === 'active') return 'ok';
  return words.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
}

function stringsOf(value: unknown): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === 'string');
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

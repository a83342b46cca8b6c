import { domainToASCII } from 'node:url';
import { maxRawRegistrationChars, type PrivacyProxy, type RegistrationContact, type RegistrationRecord } from '@indicia/core';
import { registrationPhoneE164 } from '../contact-phone.js';
import { redactionOf } from '../redaction.js';
import type { ProviderSnapshot } from './registration-provider.js';

/**
 * A WHOIS History API record as RegistrationRecord. The record's shape follows WhoisXML's
 * documentation (https://whois-history.whoisxmlapi.com/api/documentation/output-format) and
 * their Go client's models (github.com/whois-api-llc/whois-history-go, models.go):
 *   { domainName, createdDateISO8601, updatedDateISO8601, expiresDateISO8601, audit {createdDate,
 *     updatedDate}, nameServers[], whoisServer, registrarName, status[] ("clientHold
 *     (https://www.icann.org/epp#clientHold)"), rawText, cleanText, registrantContact,
 *     administrativeContact, technicalContact { name, organization, street, city, state,
 *     postalCode, country, countryCode?, email, telephone, telephoneExt, fax, faxExt, rawText } }
 * Every field may be missing or an empty string: the API keeps what it could parse. So the
 * record is read leniently, field by field, and anything unreadable becomes null.
 */
export function snapshotFromWhoisXmlRecord(value: unknown, receivedAt: string): ProviderSnapshot {
  const source = objectOf(value);
  const audit = objectOf(source.audit);
  const observedAt = instantOf(audit.createdDate) ?? instantOf(audit.updatedDate) ?? receivedAt;
  const lastObservedAt = instantOf(audit.updatedDate) ?? observedAt;
  const raw = JSON.stringify(value);
  return { observedAt, lastObservedAt, record: registrationRecordOf(source), raw: raw.length > maxRawRegistrationChars ? raw.slice(0, maxRawRegistrationChars) : raw };
}

function registrationRecordOf(source: Record<string, unknown>): RegistrationRecord {
  const proxies: PrivacyProxy[] = [];
  const registrant = contactOf(source.registrantContact, proxies);
  const admin = contactOf(source.administrativeContact, proxies);
  const tech = contactOf(source.technicalContact, proxies);
  const registrarName = textOf(source.registrarName);
  const whoisServer = textOf(source.whoisServer)?.toLowerCase() ?? null;
  const registrarId = textOf(source.registrarIANAID) ?? (typeof source.registrarIANAID === 'number' ? String(source.registrarIANAID) : null);
  return {
    domain: domainOf(source.domainName),
    registered: true,
    registrar: registrarName === null && whoisServer === null && registrarId === null ? null : { name: registrarName, id: registrarId, url: null, whoisServer },
    createdAt: instantOf(source.createdDateISO8601),
    updatedAt: instantOf(source.updatedDateISO8601),
    expiresAt: instantOf(source.expiresDateISO8601),
    status: statusesOf(source.status),
    nameservers: nameserversOf(source.nameServers),
    registrant,
    admin,
    tech,
    // A service standing in says more than a bare redaction, so it wins when both appear.
    privacyProxy: proxies.find((proxy) => proxy.kind === 'proxy-service') ?? proxies[0] ?? null,
  };
}

/** WhoisXML's contact field → ours; the identity fields are the ones checked for redactions. */
const contactFields = [
  ['name', 'name'],
  ['organization', 'organization'],
  ['email', 'email'],
  ['telephone', 'phone'],
  ['fax', 'fax'],
  ['street', 'street'],
  ['city', 'city'],
  ['state', 'state'],
  ['postalCode', 'postalCode'],
] as const;

function contactOf(value: unknown, proxies: PrivacyProxy[]): RegistrationContact | null {
  const source = objectOf(value);
  const countryCode = textOf(source.countryCode);
  const countryText = countryCode !== null && /^[A-Za-z]{2}$/.test(countryCode) ? countryCode.toUpperCase() : textOf(source.country);
  const countryRedaction = countryText === null ? null : redactionOf(countryText);
  const country = countryRedaction === null ? countryText : null;
  const contact: RegistrationContact = { handle: null, name: null, organization: null, email: null, phone: null, fax: null, street: null, city: null, state: null, postalCode: null, country, redacted: [] };
  if (countryRedaction !== null) {
    contact.redacted.push('country');
    proxies.push(countryRedaction);
  }
  for (const [theirs, ours] of contactFields) {
    const text = textOf(source[theirs]);
    if (text === null) continue;
    const redaction = redactionOf(text);
    if (redaction !== null) {
      contact.redacted.push(ours);
      proxies.push(redaction);
      continue;
    }
    contact[ours] = ours === 'email' ? text.toLowerCase() : ours === 'phone' || ours === 'fax' ? (registrationPhoneE164(text, country) ?? text) : text;
  }
  const empty = contact.redacted.length === 0 && contactFields.every(([, ours]) => contact[ours] === null) && contact.country === null;
  return empty ? null : contact;
}

function statusesOf(value: unknown): string[] {
  const entries = Array.isArray(value) ? value.map(textOf) : [textOf(value)];
  const statuses: string[] = [];
  for (const entry of entries) {
    if (entry === null) continue;
    // "clientHold (https://www.icann.org/epp#clientHold)" or "clientHold https://icann.org/epp#clientHold"
    const withoutUrls = entry.replace(/\(?\s*https?:\/\/\S+?\)?(?=\s|$)/g, ' ').trim();
    // Streaming records give all codes in one string; registry words ("Registered until renewal date.") stay whole.
    const words = withoutUrls.split(/[\s,]+/).filter(Boolean);
    const allEppCodes = words.every((word) => /^[a-z]+(?:[A-Z][a-z]*)*$/.test(word));
    for (const status of allEppCodes ? words : [withoutUrls]) if (status !== '' && !statuses.includes(status)) statuses.push(status);
  }
  return statuses;
}

function nameserversOf(value: unknown): string[] {
  const hosts = (Array.isArray(value) ? value : []).map(textOf).filter((host): host is string => host !== null);
  return [...new Set(hosts.map((host) => host.toLowerCase().replace(/\.+$/, '')))].filter(Boolean);
}

export function domainOf(value: unknown): string | null {
  const text = textOf(value);
  if (text === null) return null;
  const ascii = domainToASCII(text.toLowerCase().replace(/\.+$/, ''));
  return ascii === '' ? null : ascii;
}

/**
 * An ISO 8601 instant in UTC from WhoisXML's dates: "1997-09-15T00:00:00-07:00" (the *ISO8601
 * fields) or "2018-06-17 11:23:51.000 UTC" (audit dates).
 */
export function instantOf(value: unknown): string | null {
  const text = textOf(value);
  if (text === null) return null;
  const normalised = text.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, '$1T$2').replace(/\s*UTC$/i, 'Z');
  // Only ISO forms: Date.parse reads loose text ("2020 September-13") in the machine's time zone.
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(normalised);
  if (iso === null) return null;
  // A time without a zone is taken as UTC, which is what the APIs' own dates are.
  const time = Date.parse(iso[2] === undefined ? `${iso[1]}T00:00:00Z` : `${iso[1]}T${iso[2]}${iso[3] ?? 'Z'}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

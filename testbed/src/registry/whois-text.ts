import { thickRegistryTlds } from './registry-data.js';
import type { RegistrationWorld } from './registration-world.js';
import type { RegistrationPeriod, RegistryDomain, TestbedContact, TestbedRegistrar } from './registration-types.js';

/** The status every testbed domain has (registrars lock their domains against transfer). */
export const domainStatuses = ['clientTransferProhibited', 'clientDeleteProhibited'] as const;

const icannRoles = ['Registrant', 'Admin', 'Tech'] as const;

export type WhoisRole = 'registry' | 'registrar';

/**
 * A WHOIS answer (RFC 3912 text, CRLF lines) in the ICANN 2013 RAA layout. The registry of a thick
 * TLD (.test) and every registrar's server give the whole record; a thin registry (.example,
 * .com, .net, .org) gives registrar, dates, status and nameservers, and names the registrar's
 * WHOIS server for the contacts.
 */
export function whoisAnswer(world: RegistrationWorld, query: string, at: Date, role: WhoisRole): string {
  const name = domainOfQuery(query);
  const domain = world.domain(name);
  const period = domain === undefined ? null : world.periodAt(domain, at);
  if (domain === undefined || period === null) return lines([`No match for domain "${name.toUpperCase()}".`, ...footer(at)]);
  const registrar = world.registrar(domain.registrarId);
  const tld = domain.domain.slice(domain.domain.lastIndexOf('.') + 1);
  const thick = role === 'registrar' || thickRegistryTlds.has(tld);
  return lines([
    ...headerLines(domain, registrar, period, role),
    ...domainStatuses.map((status) => `Domain Status: ${status} https://icann.org/epp#${status}`),
    ...(thick ? contactLines(domain, period) : []),
    ...domain.dns.ns.map((server) => `Name Server: ${server.toUpperCase()}`),
    'DNSSEC: unsigned',
    'URL of the ICANN Whois Inaccuracy Complaint Form: https://www.icann.org/wicf/',
    ...footer(at),
  ]);
}

/** "example.test", "domain example.test" (Verisign style) or "=example.test". */
export function domainOfQuery(query: string): string {
  return query.trim().replace(/^(?:domain\s+|=\s*)/i, '').trim().toLowerCase().replace(/\.$/, '');
}

function headerLines(domain: RegistryDomain, registrar: TestbedRegistrar, period: RegistrationPeriod, role: WhoisRole): string[] {
  const expiryLabel = role === 'registrar' || thickRegistryTlds.has(domain.domain.slice(domain.domain.lastIndexOf('.') + 1))
    ? 'Registrar Registration Expiration Date'
    : 'Registry Expiry Date';
  return [
    `Domain Name: ${domain.domain.toUpperCase()}`,
    `Registry Domain ID: ${registryDomainId(domain)}`,
    `Registrar WHOIS Server: ${registrar.whoisServer}`,
    `Registrar URL: ${registrar.url}`,
    `Updated Date: ${whoisDate(period.updatedAt)}`,
    `Creation Date: ${whoisDate(domain.createdAt)}`,
    `${expiryLabel}: ${whoisDate(domain.expiresAt)}`,
    `Registrar: ${registrar.name}`,
    `Registrar IANA ID: ${registrar.ianaId}`,
    `Registrar Abuse Contact Email: ${registrar.abuseEmail}`,
    `Registrar Abuse Contact Phone: ${eppPhone(registrar.abusePhone)}`,
  ];
}

function contactLines(domain: RegistryDomain, period: RegistrationPeriod): string[] {
  const contact: TestbedContact = period.contact;
  const redacted = period.privacy?.kind === 'redacted';
  const out: string[] = [];
  for (const label of icannRoles) {
    out.push(
      `Registry ${label} ID: ${redacted ? 'REDACTED FOR PRIVACY' : contactHandle(domain, period)}`,
      `${label} Name: ${contact.name}`,
      `${label} Organization: ${contact.organization}`,
      `${label} Street: ${contact.street}`,
      `${label} City: ${contact.city}`,
      `${label} State/Province: ${contact.state}`,
      `${label} Postal Code: ${contact.postalCode}`,
      `${label} Country: ${contact.country}`,
      `${label} Phone: ${redacted ? contact.phone : eppPhone(contact.phone)}`,
      `${label} Phone Ext:`,
      `${label} Fax:`,
      `${label} Fax Ext:`,
      `${label} Email: ${contact.email}`,
    );
  }
  return out;
}

function footer(at: Date): string[] {
  return [
    `>>> Last update of WHOIS database: ${whoisDate(at.toISOString())} <<<`,
    '',
    'For more information on Whois status codes, please visit https://icann.org/epp',
    '',
    'The data in this WHOIS database is synthetic: it describes the Indicia testbed, not real registrations.',
  ];
}

/** "2019-03-04T05:06:07Z": ICANN's format, whole seconds. */
export function whoisDate(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

/** EPP's "+CC.NUMBER" from E.164 (NANP has a one-digit country code; the testbed's others two). */
export function eppPhone(e164: string): string {
  const codeLength = e164.startsWith('+1') ? 1 : 2;
  return `+${e164.slice(1, 1 + codeLength)}.${e164.slice(1 + codeLength)}`;
}

export function registryDomainId(domain: RegistryDomain): string {
  return `${hash(domain.domain)}_DOMAIN_${domain.domain.slice(domain.domain.lastIndexOf('.') + 1).toUpperCase()}-TESTBED`;
}

/** A ROID-style contact handle, stable for the same registrant (so handles link only the same contact). */
export function contactHandle(domain: RegistryDomain, period: RegistrationPeriod): string {
  const key = period.registrantId ?? (period.privacy ? `privacy-${period.privacy.kind}` : `iana-${domain.registrarId}`);
  return `C${hash(key)}-TESTBED`;
}

function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value.toString(10);
}

function lines(list: string[]): string {
  return `${list.join('\r\n')}\r\n`;
}

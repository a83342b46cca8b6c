import { domainToUnicode } from 'node:url';
import type { RegistrationWorld } from './registration-world.js';
import type { RegistrationPeriod, RegistryDomain, TestbedContact, TestbedRegistrar } from './registration-types.js';
import { contactHandle, domainStatuses, eppPhone, registryDomainId } from './whois-text.js';

type Json = Record<string, unknown>;

const conformance = ['rdap_level_0', 'icann_rdap_response_profile_1', 'icann_rdap_technical_implementation_guide_1', 'redacted'];
const rdapRoles = [['registrant', 'Registrant'], ['administrative', 'Admin'], ['technical', 'Tech']] as const;

/** RDAP status words (RFC 8056 maps EPP codes to them). */
const rdapStatus: Record<(typeof domainStatuses)[number], string> = {
  clientTransferProhibited: 'client transfer prohibited',
  clientDeleteProhibited: 'client delete prohibited',
};

/** An RFC 9083 domain object as of `at`, or null when the world has no such domain then. */
export function rdapDomain(world: RegistrationWorld, name: string, at: Date, baseUrl: string): Json | null {
  const domain = world.domain(name);
  const period = domain === undefined ? null : world.periodAt(domain, at);
  if (domain === undefined || period === null) return null;
  const self = `${baseUrl}domain/${domain.domain}`;
  const unicode = domainToUnicode(domain.domain);
  const redacted = period.privacy?.kind === 'redacted';
  return {
    rdapConformance: conformance,
    objectClassName: 'domain',
    handle: registryDomainId(domain),
    ldhName: domain.domain,
    ...(unicode !== domain.domain ? { unicodeName: unicode } : {}),
    links: [{ value: self, rel: 'self', href: self, type: 'application/rdap+json' }],
    status: domainStatuses.map((status) => rdapStatus[status]),
    events: [
      { eventAction: 'registration', eventDate: domain.createdAt },
      { eventAction: 'expiration', eventDate: domain.expiresAt },
      { eventAction: 'last changed', eventDate: period.updatedAt },
      { eventAction: 'last update of RDAP database', eventDate: at.toISOString() },
    ],
    nameservers: domain.dns.ns.map((server) => ({ objectClassName: 'nameserver', ldhName: server })),
    secureDNS: { delegationSigned: false },
    entities: [registrarEntity(world.registrar(domain.registrarId)), ...rdapRoles.map(([role]) => contactEntity(domain, period, role))],
    ...(redacted ? { redacted: rdapRoles.flatMap(([role, label]) => redactions(role, label)) } : {}),
    notices: [
      { title: 'Terms of Use', description: ['The data in this RDAP service is synthetic: it describes the Indicia testbed, not real registrations.'] },
      { title: 'Status Codes', description: ['For more information on domain status codes, please visit https://icann.org/epp'], links: [{ value: self, rel: 'related', href: 'https://icann.org/epp', type: 'text/html' }] },
    ],
  };
}

/** The RFC 9083 error body. */
export function rdapError(errorCode: number, title: string, description: string): Json {
  return { rdapConformance: conformance, errorCode, title, description: [description] };
}

function registrarEntity(registrar: TestbedRegistrar): Json {
  return {
    objectClassName: 'entity',
    handle: registrar.ianaId,
    roles: ['registrar'],
    publicIds: [{ type: 'IANA Registrar ID', identifier: registrar.ianaId }],
    vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', registrar.name]]],
    links: [{ value: registrar.url, rel: 'about', href: registrar.url, type: 'text/html' }],
    entities: [
      {
        objectClassName: 'entity',
        roles: ['abuse'],
        vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Abuse Contact'], ['tel', { type: ['voice'] }, 'uri', `tel:${eppPhone(registrar.abusePhone)}`], ['email', {}, 'text', registrar.abuseEmail]]],
      },
    ],
  };
}

/**
 * A contact entity with its jCard (RFC 7095). A GDPR-redacted one keeps only the country and
 * region, with an empty fn (RFC 9537's empty-value method): the `redacted` member says what went.
 */
function contactEntity(domain: RegistryDomain, period: RegistrationPeriod, role: string): Json {
  const contact: TestbedContact = period.contact;
  const redacted = period.privacy?.kind === 'redacted';
  const card: unknown[] = [['version', {}, 'text', '4.0']];
  if (redacted) {
    card.push(['fn', {}, 'text', ''], ['adr', { cc: contact.country }, 'text', ['', '', '', '', contact.state, '', '']]);
  } else {
    card.push(
      ['fn', {}, 'text', contact.name],
      ['org', {}, 'text', contact.organization],
      ['adr', { cc: contact.country }, 'text', ['', '', contact.street, contact.city, contact.state, contact.postalCode, '']],
      ['tel', { type: ['voice'] }, 'uri', `tel:${eppPhone(contact.phone)}`],
      ['email', {}, 'text', contact.email],
    );
  }
  return {
    objectClassName: 'entity',
    ...(redacted ? {} : { handle: contactHandle(domain, period) }),
    roles: [role],
    vcardArray: ['vcard', card],
  };
}

function redactions(role: string, label: string): Json[] {
  const entity = `$.entities[?(@.roles[0]=='${role}')]`;
  const property = (name: string) => `${entity}.vcardArray[1][?(@[0]=='${name}')]`;
  const reason = { description: 'Server policy' };
  return [
    { name: { type: `Registry ${label} ID` }, prePath: `${entity}.handle`, method: 'removal', reason },
    { name: { type: `${label} Name` }, postPath: `${property('fn')}[3]`, pathLang: 'jsonpath', method: 'emptyValue', reason },
    { name: { type: `${label} Organization` }, prePath: property('org'), method: 'removal', reason },
    { name: { type: `${label} Street` }, postPath: `${property('adr')}[3][:3]`, method: 'emptyValue', reason },
    { name: { type: `${label} City` }, postPath: `${property('adr')}[3][3]`, method: 'emptyValue', reason },
    { name: { type: `${label} Postal Code` }, postPath: `${property('adr')}[3][5]`, method: 'emptyValue', reason },
    { name: { type: `${label} Phone` }, prePath: property('tel'), method: 'removal', reason },
    { name: { type: `${label} Email` }, prePath: property('email'), method: 'removal', reason },
  ];
}

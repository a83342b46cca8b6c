/**
 * Synthetic RDAP responses in the shapes real servers give (a Verisign-style thin registry that
 * links to the registrar, a registrar with contacts, RFC 9537 redactions, a privacy service), for
 * the record and client tests. Reserved names and fictional numbers only.
 */
type Json = Record<string, unknown>;

const vcard = (...properties: unknown[][]): unknown[] => ['vcard', [['version', {}, 'text', '4.0'], ...properties]];

/** A thin registry's answer: registrar, dates, status, nameservers, and a related link to the registrar's RDAP. */
export function thinRegistryResponse(domain: string, registrarRdapBase: string | null): Json {
  return {
    objectClassName: 'domain',
    handle: '2336799_DOMAIN_COM-VRSN',
    ldhName: domain.toUpperCase(),
    rdapConformance: ['rdap_level_0', 'icann_rdap_technical_implementation_guide_0'],
    links: [
      { value: `https://rdap.registry.example/domain/${domain}`, rel: 'self', href: `https://rdap.registry.example/domain/${domain}`, type: 'application/rdap+json' },
      ...(registrarRdapBase === null ? [] : [{ value: `${registrarRdapBase}domain/${domain}`, rel: 'related', href: `${registrarRdapBase}domain/${domain}`, type: 'application/rdap+json' }]),
    ],
    status: ['client delete prohibited', 'client transfer prohibited', 'client update prohibited'],
    entities: [
      {
        objectClassName: 'entity',
        handle: '9999',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '9999' }],
        vcardArray: vcard(['fn', {}, 'text', 'Example Registrar, Inc.']),
        entities: [{ objectClassName: 'entity', roles: ['abuse'], vcardArray: vcard(['fn', {}, 'text', ''], ['tel', { type: 'voice' }, 'uri', 'tel:+1.7025550100'], ['email', {}, 'text', 'abuse@registrar.example'])}],
      },
    ],
    events: [
      { eventAction: 'registration', eventDate: '2019-04-01T10:00:00Z' },
      { eventAction: 'expiration', eventDate: '2027-04-01T10:00:00Z' },
      { eventAction: 'last changed', eventDate: '2024-03-02T08:30:00Z' },
      { eventAction: 'last update of RDAP database', eventDate: '2025-01-01T00:00:00Z' },
    ],
    secureDNS: { delegationSigned: false },
    nameservers: [
      { objectClassName: 'nameserver', ldhName: 'NS1.EXAMPLE-DNS.NET' },
      { objectClassName: 'nameserver', ldhName: 'NS2.EXAMPLE-DNS.NET.' },
    ],
    notices: [{ title: 'Terms of Use', description: ['Service subject to Terms of Use.'] }],
  };
}

/** The registrar's answer: contacts (one identity, one redacted, one nested and partly RFC 9537-redacted). */
export function registrarResponse(domain: string): Json {
  return {
    objectClassName: 'domain',
    ldhName: domain,
    rdapConformance: ['rdap_level_0', 'redacted'],
    status: ['client transfer prohibited'],
    events: [{ eventAction: 'registration', eventDate: '2019-04-01T10:00:05' }],
    entities: [
      {
        objectClassName: 'entity',
        handle: 'C-1001',
        roles: ['registrant'],
        vcardArray: vcard(
          ['fn', {}, 'text', 'Jane Roe'],
          ['org', {}, 'text', 'Roe Staffing Ltd'],
          ['adr', {}, 'text', ['', 'Suite 5', '12 Example Street', 'Las Vegas', 'NV', '89101', 'US']],
          ['tel', { type: 'voice' }, 'uri', 'tel:+1.7025550142'],
          ['tel', { type: 'fax' }, 'uri', 'tel:+1.7025550143'],
          ['email', {}, 'text', 'Jane.Roe@Example.NET'],
        ),
      },
      {
        objectClassName: 'entity',
        roles: ['administrative'],
        vcardArray: vcard(['fn', {}, 'text', 'REDACTED FOR PRIVACY'], ['email', {}, 'text', 'https://registrar.example/contact-domain-owner']),
      },
      {
        objectClassName: 'entity',
        handle: '9999',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '9999' }],
        links: [{ rel: 'about', href: 'https://registrar.example/', type: 'text/html' }],
        port43: 'WHOIS.REGISTRAR.EXAMPLE',
        vcardArray: vcard(['fn', {}, 'text', 'Example Registrar, Inc.']),
        entities: [
          {
            objectClassName: 'entity',
            roles: ['technical'],
            vcardArray: vcard(['fn', {}, 'text', 'Hosting Team'], ['org', {}, 'text', 'Example Hosting']),
          },
        ],
      },
    ],
    redacted: [
      { name: { type: 'Tech Email' }, prePath: "$.entities[?(@.roles[0]=='technical')].vcardArray[1][?(@[0]=='email')]", method: 'removal', reason: { type: 'Server policy' } },
      { name: { description: 'Admin voice' }, prePath: "$.entities[?(@.roles[0]=='administrative')].vcardArray[1][?(@[0]=='tel')]", method: 'removal' },
      { name: { type: 'Registry Domain ID' }, prePath: '$.handle', method: 'removal' },
    ],
  };
}

/** A registrar answer whose registrant is a privacy/proxy service's stand-in. */
export function proxiedRegistrarResponse(domain: string): Json {
  return {
    objectClassName: 'domain',
    ldhName: domain,
    entities: [
      {
        objectClassName: 'entity',
        roles: ['registrant'],
        vcardArray: vcard(
          ['fn', {}, 'text', 'Registration Private'],
          ['org', {}, 'text', 'Domains By Proxy, LLC'],
          ['adr', {}, 'text', ['', '', 'DomainsByProxy.com', 'Tempe', 'Arizona', '85284', 'US']],
          ['tel', {}, 'uri', 'tel:+1.4805550199'],
          ['email', {}, 'text', `${domain}@domainsbyproxy.com`],
        ),
      },
    ],
  };
}

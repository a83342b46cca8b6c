import type { TestbedRegistrar } from './registration-types.js';

/** Fictional registrars (ids from 9901 up: far from the ids IANA has assigned so far). */
export const testbedRegistrars: readonly TestbedRegistrar[] = [
  registrar('Harbor Names, Inc.', '9901', 'harbornames'),
  registrar('Lantern Domains LLC', '9902', 'lanterndomains'),
  registrar('Meridian Registry Services Ltd', '9903', 'meridianregistry'),
  registrar('Quokka Web Names Pty Ltd', '9904', 'quokkawebnames'),
];

/** The registrar of record of IANA's reserved names (example.com and the like). */
export const ianaReservedRegistrar: TestbedRegistrar = {
  name: 'RESERVED-Internet Assigned Numbers Authority',
  ianaId: '376',
  url: 'http://res-dom.iana.example',
  whoisServer: 'whois.iana-reserved.test',
  abuseEmail: 'abuse@iana-reserved.test',
  abusePhone: '+13105550150',
};

function registrar(name: string, ianaId: string, slug: string): TestbedRegistrar {
  return {
    name,
    ianaId,
    url: `https://www.${slug}.test`,
    whoisServer: `whois.${slug}.test`,
    abuseEmail: `abuse@${slug}.test`,
    abusePhone: `+1808555${String(Number(ianaId) % 100 + 100).padStart(4, '0')}`,
  };
}

/** The WHOIS host names of the registries (every one is answered by the testbed's registry server). */
export const registryWhoisHosts: Readonly<Record<string, string>> = {
  test: 'whois.nic.test',
  example: 'whois.nic.example',
  com: 'whois.verisign-grs.test',
  net: 'whois.verisign-grs.test',
  org: 'whois.publicinterestregistry.test',
};

/** TLDs whose registry keeps contacts itself (thick); the others refer to the registrar's server. */
export const thickRegistryTlds: ReadonlySet<string> = new Set(['test']);

export const sharedHosting = {
  name: 'Shared Hosting Co.',
  nameservers: ['ns1.shared-hosting.test', 'ns2.shared-hosting.test'],
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
} as const;

/** The one forwarding contact every proxy-service record shows, as a real privacy service does. */
export const privacyProxyContact = {
  name: 'Private Registration',
  organization: 'Domains By Proxy, LLC',
  email: 'forward@domainsbyproxy.example',
  phone: '+14805550142',
  street: 'DomainsByProxy.example, 100 Privacy Way',
  city: 'Tempe',
  state: 'Arizona',
  postalCode: '85284',
  country: 'US',
} as const;

/** How GDPR-redacting registries write a withheld contact (ICANN Temporary Specification wording). */
export const redactedValue = 'REDACTED FOR PRIVACY';
export const redactedEmailNotice =
  'Please query the RDDS service of the Registrar of Record identified in this output for information on how to contact the Registrant, Admin, or Tech contact of the queried domain name.';

export const ianaContact = {
  name: 'Internet Assigned Numbers Authority',
  organization: 'Internet Assigned Numbers Authority',
  email: 'iana@iana-reserved.test',
  phone: '+13105550151',
  street: '12025 Waterfront Drive, Suite 300',
  city: 'Los Angeles',
  state: 'CA',
  postalCode: '90094',
  country: 'US',
} as const;

export const registrantFirstNames = [
  'Marek', 'Jonas', 'Viktor', 'Anton', 'Pavel', 'Dmitri', 'Tomas', 'Luca', 'Mateo', 'Oskar', 'Felix', 'Ruben', 'Emil',
  'Hugo', 'Karl', 'Leon', 'Nikolai', 'Stefan', 'Bruno', 'Carlos', 'Dario', 'Elias', 'Frank', 'Gustav', 'Hector',
  'Ingrid', 'Jana', 'Klara', 'Lidia', 'Marta', 'Nadia', 'Oksana', 'Petra', 'Renata', 'Silvia', 'Tereza', 'Ursula',
  'Vesna', 'Wanda', 'Xenia',
] as const;

export const registrantLastNames = [
  'Novak', 'Horvat', 'Kowalski', 'Petrov', 'Ivanov', 'Moreau', 'Rossi', 'Silva', 'Jansen', 'Berg', 'Lindqvist', 'Kovac',
  'Marin', 'Popescu', 'Nagy', 'Dvorak', 'Hoffmann', 'Keller', 'Vogel', 'Meyer', 'Romano', 'Costa', 'Ferreira', 'Brandt',
  'Larsen', 'Nilsen', 'Varga', 'Toth', 'Kral', 'Zeman', 'Baker', 'Carter', 'Dalton', 'Ellis', 'Foster', 'Garner',
  'Harlow', 'Irwin', 'Jarvis', 'Kendall',
] as const;

export const organizationSuffixes = ['Media Ltd', 'Holdings LLC', 'Promotions Ltd', 'Talent Group', 'Consulting LLC', 'Events Pty Ltd', 'Digital Ltd', 'Ventures LLC'] as const;

export const streetNames = ['Harbour', 'Station', 'Mill', 'Church', 'Park', 'Victoria', 'Queen', 'Market', 'Bridge', 'Elm', 'Oak', 'Maple'] as const;

/** Places a registrant of each country lives (city, state or county, postal code). */
export const registrantPlaces: Readonly<Record<string, ReadonlyArray<readonly [string, string, string]>>> = {
  US: [['Las Vegas', 'NV', '89101'], ['Los Angeles', 'CA', '90012'], ['Chicago', 'IL', '60601'], ['Miami', 'FL', '33101'], ['New York', 'NY', '10001']],
  GB: [['London', 'Greater London', 'EC1A 1BB'], ['Manchester', 'Greater Manchester', 'M1 1AE'], ['Leeds', 'West Yorkshire', 'LS1 1UR'], ['Glasgow', 'Glasgow City', 'G1 1XQ']],
  AU: [['Sydney', 'NSW', '2000'], ['Melbourne', 'VIC', '3000'], ['Brisbane', 'QLD', '4000'], ['Perth', 'WA', '6000']],
};

/**
 * NANP 555-01xx numbers under area codes no operator uses: phones of registrants who are nobody's
 * ad contact can never collide with an ad's number. UK drama mobiles (07700 900xxx) extend them.
 */
export const registrantOnlyAreaCodes = ['617', '206', '303', '503', '602', '615', '512', '614', '901', '919'] as const;

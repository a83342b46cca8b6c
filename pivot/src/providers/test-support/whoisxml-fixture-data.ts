import type { FakeWhoisXmlData } from './fake-whoisxml.js';

/**
 * Synthetic WHOIS History records in WhoisXML's documented shape: one operator (a shared email
 * and a fictional NANP phone) behind several .example domains, a registrant that changes over
 * time, and a privacy-proxied domain. Reserved names and fictional numbers only.
 */
export const fakeApiKey = 'at_fakefakefakefakefakefakefake12';

const operator = {
  name: 'Dana Vale',
  organization: 'Velvet Staffing Ltd',
  street: '12 Harbour Row',
  city: 'Las Vegas',
  state: 'NV',
  postalCode: '89101',
  country: 'UNITED STATES',
  countryCode: 'US',
  email: 'Recruit.Velvet@example.com',
  telephone: '17025550142',
  telephoneExt: '',
  fax: '',
  rawText: 'Registrant Name: Dana Vale',
};

const proxied = {
  name: 'REDACTED FOR PRIVACY',
  organization: 'WhoisGuard, Inc.',
  street: 'P.O. Box 0823-03411',
  city: 'Panama',
  country: 'PANAMA',
  countryCode: 'PA',
  email: 'a1b2c3@whoisguard.com',
  telephone: '+507.8365503',
};

/** A WHOIS History record in WhoisXML's shape; seen.first/last are audit dates ("2021-03-05 08:00:00.000 UTC"). */
export function whoisXmlHistoryRecord(domainName: string, seen: { first: string; last: string }, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    domainName,
    domainType: 'added',
    createdDateISO8601: '2021-03-04T10:00:00-07:00',
    updatedDateISO8601: seen.first.replace(' ', 'T').replace(' UTC', 'Z'),
    expiresDateISO8601: '2026-03-04T10:00:00-07:00',
    createdDateRaw: '2021-03-04',
    audit: { createdDate: seen.first, updatedDate: seen.last },
    nameServers: ['NS1.PARKED.EXAMPLE.', 'ns2.parked.example'],
    whoisServer: 'WHOIS.REGISTRAR.EXAMPLE',
    registrarName: 'Example Registrar, LLC',
    status: ['clientTransferProhibited (https://www.icann.org/epp#clientTransferProhibited)', 'clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited'],
    rawText: `Domain Name: ${domainName.toUpperCase()}`,
    cleanText: `Domain Name: ${domainName}`,
    ...fields,
  };
}

export const fakeWhoisXmlData: FakeWhoisXmlData = {
  apiKey: fakeApiKey,
  history: {
    // The registrant changed: a nominee first, the operator since 2023.
    'velvet-nights.example': [
      whoisXmlHistoryRecord('velvet-nights.example', { first: '2021-03-05 08:00:00.000 UTC', last: '2022-12-30 08:00:00.000 UTC' }, {
        registrantContact: { name: 'Sam Nominee', email: 'sam.nominee@example.net', telephone: '+1.2135550177', country: 'UNITED STATES', countryCode: 'US' },
      }),
      whoisXmlHistoryRecord('velvet-nights.example', { first: '2023-01-10 09:30:00.000 UTC', last: '2024-06-01 09:30:00.000 UTC' }, {
        registrantContact: operator,
        administrativeContact: { ...operator, name: 'REDACTED FOR PRIVACY' },
        technicalContact: {},
      }),
    ],
    'velvet-jobs.example': [whoisXmlHistoryRecord('velvet-jobs.example', { first: '2022-05-01 00:00:00.000 UTC', last: '2024-05-01 00:00:00.000 UTC' }, { registrantContact: operator })],
    'velvet-models.example': [whoisXmlHistoryRecord('velvet-models.example', { first: '2022-07-01 00:00:00.000 UTC', last: '2024-05-01 00:00:00.000 UTC' }, { registrantContact: operator })],
    'velvet-agency.example': [whoisXmlHistoryRecord('velvet-agency.example', { first: '2023-02-01 00:00:00.000 UTC', last: '2024-05-01 00:00:00.000 UTC' }, { administrativeContact: operator })],
    'hidden-host.example': [whoisXmlHistoryRecord('hidden-host.example', { first: '2023-02-01 00:00:00.000 UTC', last: '2024-05-01 00:00:00.000 UTC' }, { registrantContact: proxied })],
    'unrelated.example': [
      whoisXmlHistoryRecord('unrelated.example', { first: '2020-01-01 00:00:00.000 UTC', last: '2020-06-01 00:00:00.000 UTC' }, {
        registrantContact: { name: 'Lee Other', email: 'lee@example.org', telephone: '+1.3125550199', countryCode: 'US' },
      }),
    ],
  },
};

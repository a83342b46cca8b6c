import type { RegistrationContact } from '@indicia/core';
import type { DnsSnapshot, RegistrationSnapshot } from '@indicia/indexer';
import { sharedEmail } from './fixture-ads.js';

function contact(email: string): RegistrationContact {
  return { handle: null, name: 'Oleg Example', organization: 'Golden Horizon Ltd', email, phone: '+17025550134', fax: null, street: null, city: null, state: null, postalCode: null, country: 'US', redacted: [] };
}

function snapshot(id: string, domain: string, observedAt: string, email: string): RegistrationSnapshot {
  return {
    id,
    domain,
    observedAt,
    source: 'whois',
    server: 'whois.nic.test',
    record: {
      domain,
      registered: true,
      registrar: { name: 'Example Registrar', id: '9999', url: null, whoisServer: null },
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: observedAt,
      expiresAt: '2030-01-01T00:00:00.000Z',
      status: ['clientTransferProhibited'],
      nameservers: ['ns1.hosting.example'],
      registrant: contact(email),
      admin: null,
      tech: null,
      privacyProxy: null,
    },
    raw: `Domain Name: ${domain}\n`,
    rawSha256: id.padStart(64, '0').slice(-64),
  };
}

/** velvet-nights.test changed its registrant email between two looks; abroad-jobs.test had the first email too. */
export const fixtureRegistrations: RegistrationSnapshot[] = [
  snapshot('1', 'velvet-nights.test', '2024-05-01T00:00:00.000Z', sharedEmail),
  snapshot('2', 'velvet-nights.test', '2024-06-01T00:00:00.000Z', 'new.owner@example.com'),
  snapshot('3', 'abroad-jobs.test', '2024-05-02T00:00:00.000Z', sharedEmail),
];

export const fixtureDns: DnsSnapshot[] = [
  { id: 'dns-1', domain: 'velvet-nights.test', observedAt: '2024-05-01T00:00:00.000Z', resolver: '127.0.0.1:5353', a: ['192.0.2.10'], aaaa: [], mx: [], ns: ['ns1.hosting.example'], txt: [], errors: [] },
];

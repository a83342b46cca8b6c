import { RegistrationRecordSchema, type RegistrationContact, type RegistrationRecord } from '@indicia/core';
import type { GraphAd } from '../graph/graph-input.js';

/**
 * A small synthetic world for the link graph and export tests, with its ground truth:
 * - operator A: two ads share a phone, one shares an email with a third ad on another site; its
 *   domain lena10vip.example (linked from an ad) and second-op.example share a registrant email;
 *   lena10vip's registrant changes and changes back;
 * - operator B: one ad whose phone is the registrant phone (EPP style) of b-site.example;
 * - a lone ad on the same site whose only link is to the site itself;
 * - two privacy-proxied domains whose proxy name leaked into the name field;
 * - lena10vip.example and b-site.example share an IP (weak).
 */

export const fixtureAds: GraphAd[] = [
  {
    adId: 'a1', url: 'https://velvet-nights.test/ad/1', site: 'velvet-nights.test', title: 'Lena, new in town', firstSeen: '2024-02-01T10:00:00.000Z', lastSeen: '2024-02-03T10:00:00.000Z',
    indicators: [
      { type: 'phone', value: '+17025550134' },
      { type: 'handle', value: 'lena_10', platform: 'telegram' },
      { type: 'url', value: 'https://lena10vip.example/book' },
      { type: 'crypto', value: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', chain: 'bitcoin' },
    ],
  },
  {
    adId: 'a2', url: 'https://velvet-nights.test/ad/2', site: 'velvet-nights.test', title: 'Lena VIP', firstSeen: '2024-01-15T08:00:00.000Z', lastSeen: '2024-02-10T08:00:00.000Z',
    indicators: [{ type: 'phone', value: '+17025550134' }, { type: 'email', value: 'Lena@Mailbox.example' }],
  },
  {
    adId: 'a3', url: 'https://jobs-board.test/post/9', site: 'jobs-board.test', title: 'Hostess wanted', firstSeen: '2024-03-01T00:00:00.000Z', lastSeen: '2024-03-02T00:00:00.000Z',
    indicators: [{ type: 'email', value: 'lena@mailbox.example' }],
  },
  {
    adId: 'b1', url: 'https://velvet-nights.test/ad/3', site: 'velvet-nights.test', title: 'Sofia', firstSeen: '2024-02-05T00:00:00.000Z', lastSeen: '2024-02-06T00:00:00.000Z',
    indicators: [{ type: 'phone', value: '+13125550100' }],
  },
  {
    adId: 'c1', url: 'https://velvet-nights.test/ad/4', site: 'velvet-nights.test', title: 'Mia', firstSeen: '2024-02-07T00:00:00.000Z', lastSeen: '2024-02-08T00:00:00.000Z',
    indicators: [{ type: 'phone', value: '+12135550111' }, { type: 'url', value: 'https://velvet-nights.test/contact' }, { type: 'domain', value: 'velvet-nights.test' }],
  },
];

export function contact(fields: Partial<RegistrationContact>): RegistrationContact {
  return { handle: null, name: null, organization: null, email: null, phone: null, fax: null, street: null, city: null, state: null, postalCode: null, country: null, redacted: [], ...fields };
}

export function record(fields: Partial<RegistrationRecord>): RegistrationRecord {
  return RegistrationRecordSchema.parse({
    domain: null, registered: true, registrar: { name: 'Example Registrar, Inc.', id: '9999', url: null }, createdAt: null, updatedAt: null, expiresAt: null,
    status: [], nameservers: [], registrant: null, admin: null, tech: null, privacyProxy: null, ...fields,
  });
}

const boss = contact({ name: 'Ivan Example', email: 'boss@ops.example', phone: '+17025550188', country: 'US' });
const proxied = record({
  registrant: contact({ name: 'Domains By Proxy, LLC', redacted: ['email', 'phone'] }),
  privacyProxy: { kind: 'proxy-service', service: 'Domains By Proxy, LLC' },
});

export const fixtureRegistrations = [
  { domain: 'lena10vip.example', observedAt: '2024-01-01T00:00:00.000Z', source: 'whois' as const, record: record({ domain: 'lena10vip.example', registrant: boss, nameservers: ['ns1.hosting.example'] }) },
  { domain: 'lena10vip.example', observedAt: '2024-03-01T00:00:00.000Z', source: 'whois' as const, record: record({ domain: 'lena10vip.example', registrant: contact({ email: 'new@ops.example' }), nameservers: ['ns1.hosting.example'] }) },
  { domain: 'lena10vip.example', observedAt: '2024-05-01T00:00:00.000Z', source: 'whois' as const, record: record({ domain: 'lena10vip.example', registrant: boss, nameservers: ['ns1.hosting.example'] }) },
  { domain: 'second-op.example', observedAt: '2024-02-01T00:00:00.000Z', source: 'rdap' as const, record: record({ domain: 'second-op.example', registrant: contact({ email: 'boss@ops.example' }), tech: contact({ email: 'REDACTED FOR PRIVACY' }) }) },
  { domain: 'b-site.example', observedAt: '2024-02-01T00:00:00.000Z', source: 'whois' as const, record: record({ domain: 'b-site.example', registrant: contact({ phone: '+1.3125550100', organization: 'Sofia <Holdings> "Ltd"' }), nameservers: ['ns1.hosting.example'] }) },
  { domain: 'proxied-one.example', observedAt: '2024-02-01T00:00:00.000Z', source: 'whois' as const, record: proxied },
  { domain: 'proxied-two.example', observedAt: '2024-02-01T00:00:00.000Z', source: 'whois' as const, record: proxied },
];

export const fixtureDns = [
  { domain: 'lena10vip.example', observedAt: '2024-02-01T00:00:00.000Z', a: ['192.0.2.10'], aaaa: ['2001:db8::10'], ns: ['ns1.hosting.example.'], mx: [{ exchange: 'mx.hosting.example', priority: 10 }] },
  { domain: 'b-site.example', observedAt: '2024-02-01T00:00:00.000Z', a: ['192.0.2.10'], aaaa: [], ns: [], mx: [] },
];

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEnvelope, silentLogger, type RegistrationContact, type RegistrationRecord, type StageContext } from '@indicia/core';
import { createRegistrationIndexStage } from '../registrations/registration-index-stages.js';
import type { IndexStore } from '../index-store.js';
import type { DnsSnapshot, RegistrationSnapshot } from '../registrations/registration-history.js';
import { withStore } from './index-store-contract.js';

function contact(fields: Partial<RegistrationContact>): RegistrationContact {
  return { handle: null, name: null, organization: null, email: null, phone: null, fax: null, street: null, city: null, state: null, postalCode: null, country: null, redacted: [], ...fields };
}

function record(domain: string, registrant: RegistrationContact | null, extra: Partial<RegistrationRecord> = {}): RegistrationRecord {
  return {
    domain,
    registered: true,
    registrar: { name: 'Example Registrar, Inc.', id: '9999', url: 'http://registrar.example', whoisServer: null },
    createdAt: '2024-01-02T03:04:05.000Z',
    updatedAt: null,
    expiresAt: '2027-01-02T03:04:05.000Z',
    status: ['clientTransferProhibited'],
    nameservers: ['ns1.hosting.example', 'ns2.hosting.example'],
    registrant,
    admin: null,
    tech: null,
    privacyProxy: null,
    ...extra,
  };
}

let sequence = 0;
function snapshot(domain: string, observedAt: string, registrant: RegistrationContact | null, extra: Partial<RegistrationRecord> = {}): RegistrationSnapshot {
  sequence++;
  return { id: `snap-${sequence}-${domain}`, domain, observedAt, source: 'whois', server: 'whois.nic.test', record: record(domain, registrant, extra), raw: `Domain Name: ${domain}\n`, rawSha256: `${sequence}`.padStart(64, '0') };
}

const ring = contact({ name: 'Oleg Example', organization: 'Golden Horizon Ltd', email: 'Ring.Ops@Registrant.example', phone: '+17025550134' });
const renamed = contact({ name: 'Oleg Example', organization: 'Golden Horizon Ltd', email: 'new.ops@registrant.example', phone: '+17025550134' });
const stranger = contact({ name: 'Someone Else', organization: null, email: 'buyer@elsewhere.example', phone: '+17025550199' });
const proxied = contact({ name: null, organization: null, email: null, phone: null, redacted: ['name', 'organization', 'email', 'phone'] });

const dns = (domain: string, observedAt: string, a: string[]): DnsSnapshot => ({
  id: `dns-${++sequence}`,
  domain,
  observedAt,
  resolver: '127.0.0.1:5353',
  a,
  aaaa: [],
  mx: [{ exchange: `mail.${domain}`, priority: 10 }],
  ns: ['ns1.hosting.example'],
  txt: ['v=spf1 -all'],
  errors: [],
});

const stageContext: StageContext = { runId: 'run-contract', log: silentLogger(), emit: async () => assert.fail('the index stage publishes nothing') };

/** Reverse WHOIS and history: the same answers from every store. */
export function describeRegistrationContract(makeStore: () => Promise<IndexStore>): void {
  describe('registration history', () => {
    it('keeps every snapshot, oldest first, and a redelivered one only once', () =>
      withStore(makeStore, async (store) => {
        const first = snapshot('ring-one.example', '2026-01-01T00:00:00.000Z', ring);
        const second = snapshot('ring-one.example', '2026-03-01T00:00:00.000Z', renamed);
        await store.registrations.recordRegistrations([second, first]);
        await store.registrations.recordRegistrations([first]);
        const history = await store.registrations.registrationHistory('RING-ONE.example');
        assert.deepEqual(history.map((s) => s.id), [first.id, second.id]);
        assert.deepEqual(history[0], first);
        assert.deepEqual(await store.registrations.lastObserved('ring-one.example'), { registration: '2026-03-01T00:00:00.000Z', dns: null });
        assert.deepEqual(await store.registrations.lastObserved('never.example'), { registration: null, dns: null });
      }));

    it('the index stage keys a snapshot by what was observed: a provider record sent again in a new message is kept once', () =>
      withStore(makeStore, async (store) => {
        const stage = createRegistrationIndexStage(store);
        const { id: _id, ...imported } = { ...snapshot('imported.example', '2019-05-01T00:00:00.000Z', ring), source: 'whoisxml' as const, server: 'whoisxml' };
        const origin = { runId: 'run-contract', producer: 'contract' };
        await stage.handle(createEnvelope('whois.recorded', imported, origin), stageContext);
        await stage.handle(createEnvelope('whois.recorded', imported, origin), stageContext);
        await stage.handle(createEnvelope('whois.recorded', { ...imported, observedAt: '2020-05-01T00:00:00.000Z' }, origin), stageContext);
        const history = await store.registrations.registrationHistory('imported.example');
        assert.deepEqual(history.map((s) => s.observedAt), ['2019-05-01T00:00:00.000Z', '2020-05-01T00:00:00.000Z']);
      }));

    it("keeps a WHOIS lookup's earlier answers (the thin registry's before the registrar's) with its snapshot", () =>
      withStore(makeStore, async (store) => {
        const referred: RegistrationSnapshot = {
          ...snapshot('thin-registry.example', '2026-01-01T00:00:02.000Z', ring),
          server: 'whois.registrar.example',
          chain: [{ server: 'whois.nic.example', raw: 'Domain Name: THIN-REGISTRY.EXAMPLE\nRegistrar WHOIS Server: whois.registrar.example\n', rawSha256: 'a'.repeat(64), queriedAt: '2026-01-01T00:00:01.000Z' }],
        };
        const direct = snapshot('thin-registry.example', '2026-02-01T00:00:00.000Z', ring);
        await store.registrations.recordRegistrations([referred, direct]);
        const history = await store.registrations.registrationHistory('thin-registry.example');
        assert.deepEqual(history, [referred, direct]);
        assert.equal(history[1]!.chain, undefined, 'a snapshot from one server has no chain');
        const all: RegistrationSnapshot[] = [];
        for await (const stored of store.registrations.allRegistrations()) if (stored.domain === 'thin-registry.example') all.push(stored);
        assert.deepEqual(all.map((stored) => stored.chain?.map((answer) => answer.server) ?? []), [['whois.nic.example'], []]);
      }));

    it('answers reverse WHOIS with every domain and the time ranges the value was held', () =>
      withStore(makeStore, async (store) => {
        await store.registrations.recordRegistrations([
          snapshot('ring-one.example', '2026-01-01T00:00:00.000Z', ring),
          snapshot('ring-one.example', '2026-02-01T00:00:00.000Z', ring),
          snapshot('ring-one.example', '2026-03-01T00:00:00.000Z', renamed),
          snapshot('ring-two.example', '2026-01-15T00:00:00.000Z', ring, { admin: ring }),
          snapshot('sold.example', '2026-01-01T00:00:00.000Z', ring),
          snapshot('sold.example', '2026-02-10T00:00:00.000Z', stranger),
          snapshot('unrelated.example', '2026-01-01T00:00:00.000Z', stranger),
        ]);
        const byEmail = await store.registrations.reverse({ field: 'email', value: ' ring.ops@REGISTRANT.example ' });
        assert.deepEqual(byEmail, [
          { domain: 'ring-two.example', roles: ['registrant', 'admin'], ranges: [{ from: '2026-01-15T00:00:00.000Z', lastSeen: '2026-01-15T00:00:00.000Z', until: null }], current: true },
          { domain: 'ring-one.example', roles: ['registrant'], ranges: [{ from: '2026-01-01T00:00:00.000Z', lastSeen: '2026-02-01T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' }], current: false },
          { domain: 'sold.example', roles: ['registrant'], ranges: [{ from: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-01T00:00:00.000Z', until: '2026-02-10T00:00:00.000Z' }], current: false },
        ]);
        const byPhone = await store.registrations.reverse({ field: 'phone', value: '+17025550134' });
        assert.deepEqual(byPhone.map((m) => [m.domain, m.current]), [['ring-one.example', true], ['ring-two.example', true], ['sold.example', false]]);
        const byName = await store.registrations.reverse({ field: 'name', value: 'oleg   EXAMPLE' });
        assert.equal(byName.length, 3);
        const byOrg = await store.registrations.reverse({ field: 'organization', value: 'golden horizon ltd', roles: ['admin'] });
        assert.deepEqual(byOrg.map((m) => m.domain), ['ring-two.example']);
        assert.deepEqual(await store.registrations.reverse({ field: 'email', value: 'nobody@nowhere.example' }), []);
      }));

    it('never matches redacted or privacy-proxied contacts', () =>
      withStore(makeStore, async (store) => {
        await store.registrations.recordRegistrations([
          snapshot('private-one.example', '2026-01-01T00:00:00.000Z', proxied, { privacyProxy: { kind: 'proxy-service', service: 'Domains By Proxy, LLC' } }),
          snapshot('private-two.example', '2026-01-01T00:00:00.000Z', proxied, { privacyProxy: { kind: 'redacted', service: null } }),
        ]);
        assert.deepEqual(await store.registrations.reverse({ field: 'organization', value: 'Domains By Proxy, LLC' }), []);
        assert.deepEqual(await store.registrations.reverse({ field: 'name', value: 'REDACTED FOR PRIVACY' }), []);
        const summary = await store.registrations.registrationSummary();
        assert.deepEqual(summary, { domains: 2, registrationSnapshots: 2, dnsSnapshots: 0 });
      }));

    it('keeps DNS snapshots by domain and time, and streams every snapshot for the graph', () =>
      withStore(makeStore, async (store) => {
        const early = dns('ring-one.example', '2026-01-01T00:00:00.000Z', ['192.0.2.10']);
        const late = dns('ring-one.example', '2026-02-01T00:00:00.000Z', ['192.0.2.11']);
        await store.registrations.recordDns([late, early, late]);
        assert.deepEqual(await store.registrations.dnsHistory('ring-one.example'), [early, late]);
        assert.equal((await store.registrations.lastObserved('ring-one.example')).dns, '2026-02-01T00:00:00.000Z');
        const many = Array.from({ length: 1203 }, (_, i) => snapshot(`d${i}.example`, '2026-01-01T00:00:00.000Z', i % 2 === 0 ? ring : stranger));
        await store.registrations.recordRegistrations(many);
        const streamed: string[] = [];
        for await (const s of store.registrations.allRegistrations()) streamed.push(s.id);
        assert.deepEqual(new Set(streamed), new Set(many.map((s) => s.id)));
        assert.equal(streamed.length, many.length);
        const dnsStreamed: string[] = [];
        for await (const s of store.registrations.allDns()) dnsStreamed.push(s.id);
        assert.deepEqual(dnsStreamed.sort(), [early.id, late.id].sort());
        const domains = await store.registrations.observedDomains();
        assert.equal(domains.length, many.length + 1, 'every domain once, DNS-only ones too');
        assert.deepEqual(domains, [...domains].sort());
        assert.ok(domains.includes('ring-one.example') && domains.includes('d1202.example'));
        assert.equal((await store.registrations.reverse({ field: 'email', value: ring.email! })).length, 602);
      }));
  });
}

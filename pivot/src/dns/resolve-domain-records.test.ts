import { strict as assert } from 'node:assert';
import { createSocket, type Socket } from 'node:dgram';
import { after, before, describe, it } from 'node:test';
import { DnsRecordedSchema, RetryableError, UsageError } from '@indicia/core';
import { registrationTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { resolveDomainRecords } from './resolve-domain-records.js';

const seed = 3;
const ads = 300;
const truth = registrationTruth({ seed, ads });

describe('resolveDomainRecords', () => {
  let testbed: RunningTestbed;
  /** A UDP port that reads queries and never answers: a dead resolver. */
  let silent: Socket;
  let silentResolver: string;
  before(async () => {
    testbed = await startTestbed({ seed, ads });
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
    silentResolver = `127.0.0.1:${silent.address().port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await testbed.close();
  });

  it('records A, AAAA, MX, NS and TXT of every testbed domain with the time and the resolver', async () => {
    for (const domain of truth.domains) {
      const before = Date.now();
      const recorded = await resolveDomainRecords(domain.domain.toUpperCase(), { resolvers: [testbed.dnsServer], timeoutMs: 2000, tries: 2 });
      DnsRecordedSchema.parse(recorded);
      assert.equal(recorded.domain, domain.domain);
      assert.equal(recorded.resolver, testbed.dnsServer);
      assert.ok(Date.parse(recorded.observedAt) >= before - 1000);
      assert.deepEqual(recorded.a, [...domain.dns.a].sort());
      assert.deepEqual(recorded.aaaa, [...domain.dns.aaaa].sort());
      assert.deepEqual(recorded.ns, [...domain.dns.ns].sort());
      assert.deepEqual(recorded.mx, [...domain.dns.mx].sort((x, y) => x.priority - y.priority));
      assert.deepEqual(recorded.txt, [...domain.dns.txt].sort());
      assert.deepEqual(recorded.errors, []);
    }
  });

  it('gives empty lists for NXDOMAIN and NODATA, not errors', async () => {
    const missing = await resolveDomainRecords('unheard-of.test', { resolvers: [testbed.dnsServer] });
    assert.deepEqual([missing.a, missing.aaaa, missing.mx, missing.ns, missing.txt, missing.errors], [[], [], [], [], [], []]);
    const www = await resolveDomainRecords(`www.${truth.domains[0]!.domain}`, { resolvers: [testbed.dnsServer] });
    assert.deepEqual(www.a, truth.domains[0]!.dns.a);
    assert.deepEqual([www.mx, www.ns, www.txt, www.errors], [[], [], [], []]);
  });

  it('throws a retryable error naming the resolver when every query times out', async () => {
    await assert.rejects(
      resolveDomainRecords('velvet-nights.test', { resolvers: [silentResolver], timeoutMs: 150, tries: 1 }),
      (error: unknown) => error instanceof RetryableError && error.message.includes(silentResolver) && error.message.includes('ETIMEOUT'),
    );
  });

  it('moves on to the next resolver when one does not answer at all', async () => {
    // A generous timeout: the live resolver must answer within it even on a loaded machine.
    const recorded = await resolveDomainRecords('velvet-nights.test', { resolvers: [silentResolver, testbed.dnsServer], timeoutMs: 1000, tries: 1 });
    assert.equal(recorded.resolver, testbed.dnsServer);
    assert.deepEqual(recorded.ns, truth.sharedHosting.nameservers);
  });

  it('refuses a resolver that is not an address, and an empty name', async () => {
    await assert.rejects(resolveDomainRecords('velvet-nights.test', { resolvers: ['dns.example:53'] }), UsageError);
    await assert.rejects(resolveDomainRecords(' ', { resolvers: [testbed.dnsServer] }), UsageError);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { attachStage, createEnvelope, InMemoryTransport, silentLogger, type WhoisRecorded } from '@indicia/core';
import { registrationTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { pivotConfig } from './pivot-config.js';
import { createPivotLookups } from './pivot-lookups.js';
import { createPivotStage } from './pivot-stage.js';
import { FakeWhoisXml } from './providers/test-support/fake-whoisxml.js';
import { fakeApiKey, whoisXmlHistoryRecord } from './providers/test-support/whoisxml-fixture-data.js';

/**
 * The pivot stage's history import against the testbed's registries and the WhoisXML fake: one
 * import per domain however many sightings arrive at once, and only on the first look.
 */
describe('provider history import: once per domain', () => {
  const seed = 4;
  const ads = 20;
  const domains = registrationTruth({ seed, ads }).domains.map((entry) => entry.domain).slice(0, 5);
  let testbed: RunningTestbed;
  let fake: FakeWhoisXml;

  before(async () => {
    testbed = await startTestbed({ seed, ads, logRequests: false });
    const first = domains[0]!;
    fake = await FakeWhoisXml.start({
      data: {
        apiKey: fakeApiKey,
        history: {
          [first]: [
            whoisXmlHistoryRecord(first, { first: '2019-01-01 00:00:00.000 UTC', last: '2019-06-01 00:00:00.000 UTC' }, { registrantContact: { name: 'Sam Nominee', email: 'sam.nominee@example.net' } }),
            whoisXmlHistoryRecord(first, { first: '2020-01-01 00:00:00.000 UTC', last: '2020-06-01 00:00:00.000 UTC' }, { registrantContact: { name: 'Lee Other', email: 'lee@example.org' } }),
          ],
        },
      },
    });
  });
  after(async () => {
    await fake.close();
    await testbed.close();
  });

  async function run(seenBefore: boolean) {
    const settings = pivotConfig.resolve({
      flags: {
        rdapServers: { test: testbed.rdapUrl },
        whoisServers: { '*': testbed.whois.registry },
        whoisConnect: testbed.whois.connect,
        dnsResolvers: [testbed.dnsServer],
        lookupIntervalMs: 0,
        pivotRefresh: 0,
        whoisxmlApiKey: fakeApiKey,
        whoisxmlUrl: fake.origin,
      },
    }).values;
    const lookups = createPivotLookups(settings);
    const stage = createPivotStage({
      registration: lookups.registration,
      dns: null,
      skipReason: lookups.skipReason,
      lastObserved: async () => ({ registration: seenBefore ? '2024-01-01T00:00:00.000Z' : null, dns: null }),
      refreshIntervalMs: 0,
    });
    const transport = new InMemoryTransport();
    const recorded: WhoisRecorded[] = [];
    transport.subscribe('whois.recorded', async (message) => void recorded.push(message.payload), { group: 'test', concurrency: 1 });
    attachStage(stage, transport, { runId: 'once', log: silentLogger(), concurrency: 16 });
    // Every domain seen three times at once: the later sightings join the lookups under way.
    for (let round = 0; round < 3; round += 1) {
      for (const domain of domains) await transport.publish(createEnvelope('domain.seen', { domain, via: 'url', captureId: `c-${round}`, adId: null }, { runId: 'once', producer: 'test' }));
    }
    await transport.drain();
    await transport.close();
    return { recorded, counts: stage.counts() };
  }

  it('imports each domain once, even when it is seen several times at once', async () => {
    const before = fake.requests.length;
    const { recorded, counts } = await run(false);
    assert.equal(fake.requests.length - before, domains.length);
    const imported = recorded.filter((snapshot) => snapshot.source === 'whoisxml');
    assert.deepEqual(imported.map((snapshot) => [snapshot.domain, snapshot.observedAt, snapshot.record.registrant?.email]), [
      [domains[0], '2019-01-01T00:00:00.000Z', 'sam.nominee@example.net'],
      [domains[0], '2020-01-01T00:00:00.000Z', 'lee@example.org'],
    ]);
    assert.equal(recorded.length - imported.length, domains.length, 'and one own lookup per domain');
    assert.equal(counts.providerHistory.domainsImported, domains.length);
    assert.equal(counts.providerHistory.snapshotsImported, 2);
  });

  it('does not ask the provider for a domain the history already holds', async () => {
    const before = fake.requests.length;
    const { recorded, counts } = await run(true);
    assert.equal(fake.requests.length, before);
    assert.equal(recorded.length, domains.length);
    assert.equal(counts.providerHistory.domainsImported, 0);
  });
});

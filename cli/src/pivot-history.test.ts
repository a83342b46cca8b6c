import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEnvelope, InMemoryTransport, silentLogger } from '@indicia/core';
import { SqliteIndexStore } from '@indicia/indexer';
import { pivotConfig } from '@indicia/pivot';
import { registrationTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { tempDir } from './test-support/run-cli.js';
import { attachPivotStages } from './pivot-stages.js';
import { testbedPivotSettings } from './testbed-pivot.js';

const seed = 3;
const adCount = 300;

/**
 * The pivot stage against the testbed's real WHOIS, RDAP and DNS servers, twice: once with the
 * registries' clock before the records changed, once now. The history must then answer reverse
 * WHOIS as the truth says: every domain of a shared registrant, with when each held the value.
 */
describe('pivot history and reverse WHOIS on the testbed registries', () => {
  const truth = registrationTruth({ seed, ads: adCount });
  const dir = tempDir('pivot-history');
  let testbed: RunningTestbed;
  let store: SqliteIndexStore;
  const firstLook = '2023-06-01T00:00:00.000Z';

  async function lookAtEveryDomain(): Promise<void> {
    const transport = new InMemoryTransport();
    const settings = pivotConfig.resolve({ flags: { ...testbedPivotSettings(testbed), pivotRefresh: 0 } }).values;
    const stage = attachPivotStages(transport, { settings, store, runId: 'history', log: silentLogger() });
    const deadLetters: string[] = [];
    transport.onDeadLetter((dead) => deadLetters.push(dead.error));
    for (const { domain } of truth.domains) await transport.publish(createEnvelope('domain.seen', { domain, via: 'url', captureId: `c-${domain}`, adId: null }, { runId: 'history', producer: 'test' }));
    await transport.drain();
    await transport.close();
    assert.deepEqual(deadLetters, []);
    assert.equal(stage.counts().registrationsRecorded, truth.domains.length);
  }

  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
    store = SqliteIndexStore.open(join(dir.path, 'index.sqlite'));
    testbed.registry.setClock(firstLook);
    await lookAtEveryDomain();
    testbed.registry.setClock(null);
    await lookAtEveryDomain();
  });
  after(async () => {
    await store.close();
    await testbed.close();
    dir.remove();
  });

  it('keeps every snapshot: two per domain, RDAP for .test and WHOIS (through the registrar referral) for the rest', async () => {
    const summary = await store.registrations.registrationSummary();
    assert.equal(summary.registrationSnapshots, 2 * truth.domains.length);
    assert.equal(summary.dnsSnapshots, 2 * truth.domains.length);
    for (const { domain } of truth.domains) {
      const history = await store.registrations.registrationHistory(domain);
      assert.equal(history.length, 2, domain);
      assert.equal(history[1]!.source, domain.endsWith('.test') ? 'rdap' : 'whois', domain);
    }
  });

  it('finds every domain a shared registrant held, with the time ranges of the truth', async () => {
    const now = new Date().toISOString();
    const shared = truth.reverseWhois.filter((entry) => new Set(entry.holdings.map((h) => h.domain)).size > 1);
    assert.ok(shared.length >= 3, `the truth has shared registrants (${shared.length})`);
    let checked = 0;
    for (const entry of truth.reverseWhois) {
      const matches = await store.registrations.reverse({ field: entry.field, value: entry.value });
      // What two looks (at firstLook and now) can see of the truth: holdings valid at either instant.
      const visible = entry.holdings.filter((h) => [firstLook, now].some((at) => h.validFrom <= at && (h.validTo === null || at < h.validTo)));
      const expected = [...new Set(visible.map((h) => h.domain))].sort();
      assert.deepEqual(matches.map((m) => m.domain).sort(), expected, `${entry.field} ${entry.value}`);
      for (const match of matches) {
        const heldNow = visible.some((h) => h.domain === match.domain && h.validFrom <= now && h.validTo === null);
        assert.equal(match.current, heldNow, `${match.domain} holds ${entry.field} now`);
        if (!heldNow) assert.notEqual(match.ranges.at(-1)!.until, null, `${match.domain}: a range that ended says when it was seen gone`);
      }
      checked++;
    }
    assert.ok(checked > 0);
  });

  it('never matches a privacy service or a redaction', async () => {
    const proxied = await store.registrations.reverse({ field: 'email', value: truth.privacyProxyEmail });
    assert.deepEqual(proxied, []);
    assert.deepEqual(await store.registrations.reverse({ field: 'organization', value: 'Domains By Proxy, LLC' }), []);
  });
});

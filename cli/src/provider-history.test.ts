import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEnvelope, createLogger, InMemoryTransport } from '@indicia/core';
import { SqliteIndexStore } from '@indicia/indexer';
import { fakeApiKey, FakeWhoisXml, pivotConfig, whoisXmlHistoryRecord, type FakeWhoisXmlBehaviour, type PivotStageCounts } from '@indicia/pivot';
import { registrationTruth, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { tempDir } from './test-support/run-cli.js';
import { attachPivotStages } from './pivot-stages.js';
import { testbedPivotSettings } from './testbed-pivot.js';

const seed = 2;
const adCount = 40;
// Far beyond any deadline used here: "finished before the provider would have answered" holds on a loaded machine.
const verySlowMs = 60_000;

/**
 * The pivot stage with WhoisXML API on, against the testbed's registries and a local fake of
 * WhoisXML: the first look at a domain imports its history from before Indicia looked; a slow,
 * failing or refusing provider is counted and warned about, and every domain's own lookup is
 * recorded all the same.
 */
describe('provider history import in the pivot stage', () => {
  const truth = registrationTruth({ seed, ads: adCount });
  const domains = truth.domains.map((entry) => entry.domain);
  const withHistory = domains[0]!;
  const alsoWithHistory = domains[1]!;
  const dir = tempDir('provider-history');
  let testbed: RunningTestbed;
  let fake: FakeWhoisXml;
  let runs = 0;

  before(async () => {
    testbed = await startTestbed({ seed, ads: adCount });
    fake = await FakeWhoisXml.start({
      data: {
        apiKey: fakeApiKey,
        history: {
          [withHistory]: [
            whoisXmlHistoryRecord(withHistory, { first: '2019-02-01 10:00:00.000 UTC', last: '2020-12-01 10:00:00.000 UTC' }, {
              registrantContact: { name: 'Sam Nominee', email: 'sam.nominee@example.net', telephone: '+1.2135550177', countryCode: 'US' },
            }),
            whoisXmlHistoryRecord(withHistory, { first: '2021-01-15 10:00:00.000 UTC', last: '2021-06-01 10:00:00.000 UTC' }, {
              registrantContact: { name: 'Sam Nominee', organization: 'Nominee Holdings', email: 'sam.nominee@example.net', countryCode: 'US' },
            }),
          ],
          [alsoWithHistory]: [whoisXmlHistoryRecord(alsoWithHistory, { first: '2020-05-05 00:00:00.000 UTC', last: '2021-05-05 00:00:00.000 UTC' }, { registrantContact: { name: 'Lee Other', email: 'lee@example.org', countryCode: 'US' } })],
        },
      },
    });
  });
  after(async () => {
    await fake.close();
    await testbed.close();
    dir.remove();
  });

  /** Every testbed domain seen once, through the stages a crawl attaches, into a store of its own (or the one given). */
  async function lookAtEveryDomain(provider: Record<string, unknown>, given?: SqliteIndexStore) {
    const store = given ?? SqliteIndexStore.open(join(dir.path, `index-${++runs}.sqlite`));
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
    const settings = pivotConfig.resolve({ flags: { ...testbedPivotSettings(testbed), pivotRefresh: 0, whoisxmlApiKey: fakeApiKey, whoisxmlUrl: fake.origin, ...provider } }).values;
    const transport = new InMemoryTransport();
    const stage = attachPivotStages(transport, { settings, store, runId: `provider-${runs}`, log });
    const deadLetters: string[] = [];
    transport.onDeadLetter((dead) => deadLetters.push(dead.error));
    const started = Date.now();
    for (const domain of domains) await transport.publish(createEnvelope('domain.seen', { domain, via: 'url', captureId: `c-${domain}`, adId: null }, { runId: 'provider', producer: 'test' }));
    await transport.drain();
    await transport.close();
    return { store, counts: stage.counts(), deadLetters, elapsedMs: Date.now() - started, lines };
  }

  it('imports the provider history the first time a domain is looked up: the history starts with its snapshots, source whoisxml', async () => {
    const requestsBefore = fake.requests.length;
    const run = await lookAtEveryDomain({});
    try {
      assert.deepEqual(run.deadLetters, []);
      assert.equal(run.counts.registrationsRecorded, domains.length, 'every domain had its own lookup');
      assert.deepEqual(run.counts.providerHistory, { domainsImported: domains.length, snapshotsImported: 3, unavailable: { deadline: 0, disabled: 0, paused: 0, 'rate-limited': 0, failing: 0 }, rejected: 0 });

      const history = await run.store.registrations.registrationHistory(withHistory);
      assert.deepEqual(history.map((snapshot) => [snapshot.source, snapshot.observedAt]), [
        ['whoisxml', '2019-02-01T10:00:00.000Z'],
        ['whoisxml', '2021-01-15T10:00:00.000Z'],
        [withHistory.endsWith('.test') ? 'rdap' : 'whois', history[2]!.observedAt],
      ]);
      assert.equal(history[0]!.server, 'whoisxml');
      assert.equal(history[0]!.record.registrant?.email, 'sam.nominee@example.net');
      assert.equal(history[0]!.record.registrant?.phone, '+12135550177');
      assert.equal(JSON.parse(history[0]!.raw).domainName, withHistory, "the provider's JSON is the raw response");
      assert.match(history[0]!.rawSha256, /^[0-9a-f]{64}$/);
      assert.ok(history[2]!.observedAt > '2024-01-01', "Indicia's own look is now");
      const other = await run.store.registrations.registrationHistory(domains[5]!);
      assert.deepEqual(other.map((snapshot) => snapshot.source === 'whoisxml'), [false], 'a domain the provider has no records of gets only its own lookup');

      // The imported past answers reverse WHOIS over the collected history, with when it held the value.
      const [held] = await run.store.registrations.reverse({ field: 'email', value: 'sam.nominee@example.net' });
      assert.equal(held?.domain, withHistory);
      assert.equal(held?.ranges[0]?.from, '2019-02-01T10:00:00.000Z');
      assert.equal(held?.current, false);

      const asked = fake.requests.slice(requestsBefore);
      assert.equal(asked.length, domains.length, 'one WHOIS History request per domain');
      assert.ok(asked.every((request) => request.api === 'history' && request.params.mode === 'purchase'));

      // A domain already in the history is not imported again (a refresh costs no credits).
      const again = await lookAtEveryDomain({}, run.store);
      assert.equal(again.counts.registrationsRecorded, domains.length);
      assert.equal(again.counts.providerHistory.domainsImported, 0);
      assert.equal(fake.requests.length, requestsBefore + domains.length);
      assert.equal((await run.store.registrations.registrationHistory(withHistory)).filter((snapshot) => snapshot.source === 'whoisxml').length, 2);
    } finally {
      await run.store.close();
    }
  });

  it('says at start that the import is on, and never logs the key', async () => {
    const run = await lookAtEveryDomain({});
    await run.store.close();
    const start = run.lines.find((line) => typeof line.msg === 'string' && line.msg.startsWith('  provider history:'));
    assert.match(String(start?.msg), new RegExp(`provider history: WhoisXML API WHOIS History \\(${fake.origin.replace(/\./g, '\\.')}\\) imported the first time`));
    assert.doesNotMatch(JSON.stringify(run.lines), new RegExp(fakeApiKey));
  });

  const failures: Array<{ name: string; behaviour: FakeWhoisXmlBehaviour; settings?: Record<string, unknown>; check: (counts: PivotStageCounts) => void }> = [
    {
      name: 'slow (past the deadline)',
      behaviour: { kind: 'slow', delayMs: verySlowMs },
      settings: { providerTimeoutMs: 300 },
      check: (counts) => assert.equal(counts.providerHistory.unavailable.deadline, domains.length),
    },
    {
      name: 'failing (HTTP 500)',
      behaviour: { kind: 'failing', status: 500 },
      settings: { whoisxmlBreakerFailureThreshold: 3 },
      check: ({ providerHistory: { unavailable } }) => {
        assert.ok(unavailable.failing >= 3, `failing ${unavailable.failing}`);
        assert.ok(unavailable.paused >= 1, 'the breaker opened and later imports were not even tried');
        assert.equal(unavailable.failing + unavailable.paused, domains.length);
      },
    },
    {
      name: 'refusing the key (HTTP 401)',
      behaviour: { kind: 'refusing', status: 401, message: 'Invalid API key' },
      check: (counts) => assert.equal(counts.providerHistory.unavailable.disabled, domains.length),
    },
    {
      name: 'out of credits (HTTP 403)',
      behaviour: { kind: 'refusing', status: 403, message: 'Access restricted. Check credits balance or enter the correct API key.' },
      check: (counts) => assert.equal(counts.providerHistory.unavailable.disabled, domains.length),
    },
  ];
  for (const failure of failures) {
    it(`a provider ${failure.name} is counted and warned about once, and every domain's own lookup is recorded in bounded time`, async () => {
      fake.behave(failure.behaviour);
      const run = await lookAtEveryDomain(failure.settings ?? {}).finally(() => fake.behave({ kind: 'normal' }));
      try {
        assert.ok(run.elapsedMs < verySlowMs / 4, `the run took ${run.elapsedMs} ms`);
        assert.deepEqual(run.deadLetters, []);
        assert.equal(run.counts.failed, 0);
        assert.equal(run.counts.registrationsRecorded, domains.length);
        assert.equal(run.counts.dnsRecorded, domains.length);
        assert.equal(run.counts.providerHistory.domainsImported, 0);
        failure.check(run.counts);
        for (const domain of domains) {
          const history = await run.store.registrations.registrationHistory(domain);
          assert.deepEqual(history.map((snapshot) => snapshot.source === 'whoisxml'), [false], domain);
        }
        const warnings = run.lines.filter((line) => line.level === 40 && line.msg !== undefined && String(line.msg).startsWith('registration history not imported'));
        assert.ok(warnings.length >= 1 && warnings.length <= 2, `one warning per kind of failure (${warnings.length})`);
        // The start-up lines name reserved suffixes (example.com) as words, not as domains seen.
        const logged = JSON.stringify(run.lines.filter((line) => Number(line.level) >= 30 && !/^(pivot:| {2})/.test(String(line.msg))));
        for (const domain of domains) assert.ok(!logged.includes(domain), `${domain} is not logged at info or above`);
        assert.ok(!logged.includes(fakeApiKey));
      } finally {
        await run.store.close();
      }
      await fake.whenIdle();
    });
  }
});

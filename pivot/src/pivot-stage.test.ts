import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEnvelope, silentLogger, type DomainSeen, type StageContext } from '@indicia/core';
import { createPivotStage, type RegistrationLookup } from './pivot-stage.js';

const week = 7 * 24 * 3600_000;
const now = new Date('2026-06-01T12:00:00.000Z');
const anHourAgo = new Date(now.getTime() - 3600_000).toISOString();

/** A stage whose history says the domain was looked at an hour ago, counting the lookups it makes. */
function stageWithHistory() {
  const looked: string[] = [];
  const registration: RegistrationLookup = {
    async lookup(domain) {
      looked.push(domain);
      return { source: 'whois', server: 'whois.nic.test', record: null as never, raw: '', rawSha256: '0'.repeat(64) };
    },
  };
  const stage = createPivotStage({
    registration,
    dns: null,
    lastObserved: async () => ({ registration: anHourAgo, dns: null }),
    refreshIntervalMs: week,
    now: () => now,
  });
  const ctx: StageContext = { runId: 'run', log: silentLogger(), emit: async () => {} };
  const see = (extra: Partial<DomainSeen> = {}) =>
    stage.handle(createEnvelope('domain.seen', { domain: 'ring.test', via: 'site', captureId: 'c', adId: null, ...extra }, { runId: 'run', producer: 'test' }), ctx);
  return { looked, see, stage };
}

describe('pivot stage: how old is too old', () => {
  it("a crawl's sighting leaves it to the stage's refresh interval", async () => {
    const { looked, see, stage } = stageWithHistory();
    await see();
    assert.deepEqual(looked, []);
    assert.equal(stage.counts().fresh, 1);
  });

  it("a refresh request's --older-than replaces the interval, both ways", async () => {
    const { looked, see } = stageWithHistory();
    await see({ refreshOlderThanMs: 2 * 3600_000 });
    assert.deepEqual(looked, [], 'looked at an hour ago is newer than two hours');
    await see({ refreshOlderThanMs: 30 * 60_000 });
    assert.deepEqual(looked, ['ring.test'], 'an hour ago is older than 30 minutes, though fresh by the weekly interval');
  });
});

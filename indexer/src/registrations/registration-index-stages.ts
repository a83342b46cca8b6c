import { deterministicId, type Envelope, type Stage, type WhoisRecorded } from '@indicia/core';
import type { IndexStore } from '../index-store.js';

/**
 * The index side of the pivot stage's output: each whois.recorded and dns.recorded message becomes
 * a snapshot in the store's history, keyed so a redelivery adds nothing. Snapshots are few (one per
 * domain per refresh interval): written one by one.
 */

/**
 * A registration snapshot is identified by what was observed — the domain, by whom, where and when,
 * and the answer's hash — not by its envelope: a provider's history imported twice (a crash
 * between the import and its commit) then lands on the same snapshots.
 */
export function registrationSnapshotIdFor(recorded: WhoisRecorded): string {
  return deterministicId('registration', recorded.domain, recorded.source, recorded.server, recorded.observedAt, recorded.rawSha256);
}

export function createRegistrationIndexStage(store: IndexStore): Stage<'whois.recorded'> {
  return {
    name: 'index-registrations',
    consumes: 'whois.recorded',
    produces: [],
    async handle(message: Envelope<'whois.recorded'>): Promise<void> {
      await store.registrations.recordRegistrations([{ id: registrationSnapshotIdFor(message.payload), ...message.payload }]);
    },
  };
}

export function createDnsIndexStage(store: IndexStore): Stage<'dns.recorded'> {
  return {
    name: 'index-dns',
    consumes: 'dns.recorded',
    produces: [],
    async handle(message: Envelope<'dns.recorded'>): Promise<void> {
      await store.registrations.recordDns([{ id: message.id, ...message.payload }]);
    },
  };
}

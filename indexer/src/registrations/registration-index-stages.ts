import type { Envelope, Stage } from '@indicia/core';
import type { IndexStore } from '../index-store.js';

/**
 * The index side of the pivot stage's output: each whois.recorded and dns.recorded message becomes
 * a snapshot in the store's history, keyed by the message's envelope id so a redelivery adds
 * nothing. Snapshots are few (one per domain per refresh interval): written one by one.
 */
export function createRegistrationIndexStage(store: IndexStore): Stage<'whois.recorded'> {
  return {
    name: 'index-registrations',
    consumes: 'whois.recorded',
    produces: [],
    async handle(message: Envelope<'whois.recorded'>): Promise<void> {
      await store.registrations.recordRegistrations([{ id: message.id, ...message.payload }]);
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

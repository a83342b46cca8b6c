import type { Stage } from '@indicia/core';
import { createDnsIndexStage, createRegistrationIndexStage, type IndexStore } from '@indicia/indexer';

/** Snapshots are few (one per domain per refresh interval) and written one by one. */
export const historyIndexConcurrency = 4;

/** The stages that write the pivot stage's snapshots to a store's history: embedded beside the pivot, or in the index worker. */
export function createHistoryIndexStages(store: IndexStore): { registrations: Stage<'whois.recorded'>; dns: Stage<'dns.recorded'> } {
  return { registrations: createRegistrationIndexStage(store), dns: createDnsIndexStage(store) };
}

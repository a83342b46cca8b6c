import { attachStage, type Logger, type Transport } from '@indicia/core';
import { createDnsIndexStage, createRegistrationIndexStage, type IndexStore } from '@indicia/indexer';
import { createPivotLookups, createPivotStage, type PivotSettings, type PivotStageCounts } from '@indicia/pivot';

export interface PivotStagesOptions {
  settings: PivotSettings;
  /** Where the snapshots go, and what the refresh interval is measured against. */
  store: IndexStore;
  runId: string;
  log: Logger;
  /** Where a refreshed RDAP bootstrap is kept (the data directory). */
  cacheDir?: string;
}

/**
 * domain.seen → pivot (WHOIS/RDAP and DNS, once per domain per refresh interval) → the store's
 * history, on one transport: the wiring a crawl and `indicia pivot refresh` share. Says at start
 * what the lookups will do (or why they are off).
 */
export function attachPivotStages(transport: Transport, options: PivotStagesOptions): { counts(): PivotStageCounts } {
  const { settings, store, runId, log } = options;
  const lookups = createPivotLookups(settings, { cacheDir: options.cacheDir });
  for (const line of lookups.describe()) log.info(line);
  const pivotStage = createPivotStage({
    registration: lookups.registration,
    dns: lookups.dns,
    skipReason: lookups.skipReason,
    lastObserved: (domain) => store.registrations.lastObserved(domain),
    refreshIntervalMs: settings.pivotRefresh,
  });
  // Lookups wait on the network, not the CPU: several domains at once, each server paced by its client.
  attachStage(pivotStage, transport, { runId, log, concurrency: 16 });
  attachStage(createRegistrationIndexStage(store), transport, { runId, log, concurrency: 4 });
  attachStage(createDnsIndexStage(store), transport, { runId, log, concurrency: 4 });
  return pivotStage;
}

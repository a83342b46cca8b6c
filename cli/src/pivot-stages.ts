import { attachStage, type Logger, type Stage, type Transport } from '@indicia/core';
import type { IndexStore, LastObserved } from '@indicia/indexer';
import { createPivotLookups, createPivotStage, type PivotSettings, type PivotStageCounts } from '@indicia/pivot';
import { createHistoryIndexStages, historyIndexConcurrency } from './history-index-stages.js';

export type PivotStage = Stage<'domain.seen'> & { counts(): PivotStageCounts };

export interface PivotStageFromSettingsOptions {
  settings: PivotSettings;
  /** When a domain was last looked at, as the history holds it: what the refresh interval is measured from. */
  lastObserved: (domain: string) => Promise<LastObserved>;
  /** Where a refreshed RDAP bootstrap is kept (the data directory); the bundled snapshot otherwise. */
  cacheDir?: string;
  /** Told, line by line at start, what the lookups will do (or why they are off). */
  announce: (line: string) => void;
}

/** Lookups wait on the network, not the CPU: several domains at once, each server paced by its client. */
export const pivotConcurrency = 16;

/** The pivot stage built from its settings, as a crawl, `pivot refresh` and `indicia worker pivot` run it. */
export function createPivotStageFromSettings(options: PivotStageFromSettingsOptions): PivotStage {
  const { settings } = options;
  const lookups = createPivotLookups(settings, { cacheDir: options.cacheDir });
  for (const line of lookups.describe()) options.announce(line);
  return createPivotStage({
    registration: lookups.registration,
    dns: lookups.dns,
    skipReason: lookups.skipReason,
    lastObserved: options.lastObserved,
    refreshIntervalMs: settings.pivotRefresh,
  });
}

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
  const { store, runId, log } = options;
  const pivotStage = createPivotStageFromSettings({
    settings: options.settings,
    lastObserved: (domain) => store.registrations.lastObserved(domain),
    cacheDir: options.cacheDir,
    announce: (line) => log.info(line),
  });
  attachStage(pivotStage, transport, { runId, log, concurrency: pivotConcurrency });
  const history = createHistoryIndexStages(store);
  attachStage(history.registrations, transport, { runId, log, concurrency: historyIndexConcurrency });
  attachStage(history.dns, transport, { runId, log, concurrency: historyIndexConcurrency });
  return pivotStage;
}

import { createEnvelope, InMemoryTransport, newRunId, type Logger } from '@indicia/core';
import type { IndexStore } from '@indicia/indexer';
import { parseDuration, pivotConfig, type PivotStageCounts } from '@indicia/pivot';
import { attachPivotStages } from '../pivot-stages.js';

export interface PivotRefreshOptions {
  store: IndexStore;
  /** Look again at domains whose last snapshot is at least this old ("0" for all). */
  olderThan: string;
  log: Logger;
  onDeadLetter: (reason: string) => void;
}

/**
 * Looks again at every domain in the history whose last snapshot is old enough, through the same
 * pivot stage a crawl runs: the WHOIS history grows between crawls, so a registrant change shows
 * up as a range that ends.
 */
export async function refreshPivots(options: PivotRefreshOptions): Promise<PivotStageCounts & { domains: number }> {
  const settings = pivotConfig.resolve({ flags: { pivotRefresh: parseDuration(options.olderThan) }, env: process.env }).values;
  const domains = await options.store.registrations.observedDomains();
  const transport = new InMemoryTransport();
  const runId = newRunId();
  const pivot = attachPivotStages(transport, { settings, store: options.store, runId, log: options.log });
  transport.onDeadLetter((dead) => options.onDeadLetter(dead.error));
  for (const domain of domains) await transport.publish(createEnvelope('domain.seen', { domain, via: 'site', captureId: `refresh-${runId}`, adId: null }, { runId, producer: 'pivot-refresh' }));
  await transport.drain();
  await transport.close();
  return { ...pivot.counts(), domains: domains.length };
}

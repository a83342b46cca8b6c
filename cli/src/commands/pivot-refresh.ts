import { attachStage, createEnvelope, InMemoryTransport, newRunId, type Logger } from '@indicia/core';
import { createDnsIndexStage, createRegistrationIndexStage, type IndexStore } from '@indicia/indexer';
import { createPivotLookups, createPivotStage, parseDuration, pivotConfig, type PivotStageCounts } from '@indicia/pivot';

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
  const domains = new Set<string>();
  for await (const snapshot of options.store.registrations.allRegistrations()) domains.add(snapshot.domain);
  for await (const snapshot of options.store.registrations.allDns()) domains.add(snapshot.domain);
  const transport = new InMemoryTransport();
  const lookups = createPivotLookups(settings);
  for (const line of lookups.describe()) options.log.info(line);
  const stage = createPivotStage({ ...lookups, lastObserved: (domain) => options.store.registrations.lastObserved(domain), refreshIntervalMs: settings.pivotRefresh });
  const runId = newRunId();
  attachStage(stage, transport, { runId, log: options.log, concurrency: 8 });
  attachStage(createRegistrationIndexStage(options.store), transport, { runId, log: options.log });
  attachStage(createDnsIndexStage(options.store), transport, { runId, log: options.log });
  transport.onDeadLetter((dead) => options.onDeadLetter(dead.error));
  for (const domain of domains) await transport.publish(createEnvelope('domain.seen', { domain, via: 'site', captureId: `refresh-${runId}`, adId: null }, { runId, producer: 'pivot-refresh' }));
  await transport.drain();
  await transport.close();
  return { ...stage.counts(), domains: domains.size };
}

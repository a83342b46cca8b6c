import type { Command } from 'commander';
import { createEnvelope, createLogger, InMemoryTransport, newRunId, UsageError, type Logger } from '@indicia/core';
import type { IndexStore } from '@indicia/indexer';
import { parseDuration, providerHistorySummary, type PivotStageCounts } from '@indicia/pivot';
import { resolveDataDir } from '../data-dir.js';
import { openIndexStore } from '../open-index-store.js';
import { resolvePivotSettings } from '../pivot-settings.js';

export interface PivotRefreshOptions {
  store: IndexStore;
  /** Look again at domains whose last snapshot is at least this old ("0" for all). */
  olderThan: string;
  log: Logger;
  onDeadLetter: (reason: string) => void;
  /** A crawl's JSON config file, for its WHOIS/RDAP/DNS servers (the environment beats it). */
  config?: string;
  /** The data directory, where a refreshed RDAP bootstrap is kept (`indicia rdap bootstrap --refresh`). */
  cacheDir?: string;
}

/**
 * Looks again at every domain in the history whose last snapshot is old enough, through the same
 * pivot stage a crawl runs: the WHOIS history grows between crawls, so a registrant change shows
 * up as a range that ends. The store may be the embedded SQLite index or Elasticsearch.
 */
export async function refreshPivots(options: PivotRefreshOptions): Promise<PivotStageCounts & { domains: number }> {
  const settings = { ...(await resolvePivotSettings({ config: options.config })), pivotRefresh: parseDuration(options.olderThan) };
  // Loaded when used: the stages pull in the index stores, which `indicia --help` need not load.
  const { attachPivotStages } = await import('../pivot-stages.js');
  const domains = await options.store.registrations.observedDomains();
  const transport = new InMemoryTransport();
  const runId = newRunId();
  const pivot = attachPivotStages(transport, { settings, store: options.store, runId, log: options.log, cacheDir: options.cacheDir });
  transport.onDeadLetter((dead) => options.onDeadLetter(dead.error));
  for (const domain of domains) await transport.publish(createEnvelope('domain.seen', { domain, via: 'site', captureId: `refresh-${runId}`, adId: null }, { runId, producer: 'pivot-refresh' }));
  await transport.drain();
  await transport.close();
  return { ...pivot.counts(), domains: domains.length };
}

interface PivotRefreshFlags {
  olderThan: string;
  data?: string;
  es?: string;
  kafka?: string;
  config?: string;
  verbose?: boolean;
}

/** `indicia pivot refresh`: registered under the `pivot` command. */
export function registerPivotRefreshCommand(pivot: Command): void {
  pivot
    .command('refresh')
    .description('Look again at the WHOIS/RDAP registration and DNS of every domain in the history, so registrant changes between crawls are recorded')
    .option('--older-than <duration>', 'only domains whose last snapshot is at least this old (0: all)', '1d')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'refresh the distributed index\'s history in this Elasticsearch instead (env INDICIA_ES)')
    .option('--kafka <host:port>', 'with --es: hand the domains to the pivot workers (indicia worker pivot) on this Kafka instead of looking them up here')
    .option('--config <file>', 'a crawl\'s JSON config file: its WHOIS/RDAP/DNS settings apply')
    .option('--verbose', 'write the JSON log lines to stderr')
    .addHelpText(
      'after',
      `
Servers come from the same settings as a crawl's (INDICIA_WHOIS_SERVERS, INDICIA_RDAP_SERVERS,
INDICIA_DNS_RESOLVERS..., or --config). With --es the lookups run here and the snapshots go
straight to Elasticsearch. With --es and --kafka nothing is looked up here: each domain due is
published as domain.seen (keyed by domain) for the pivot workers, which look it up with their own
settings, applying --older-than in place of their own --pivot-refresh; the index workers record
the snapshots. Follow the work with \`indicia status --kafka ...\`.

Examples:
  $ indicia pivot refresh
  $ indicia pivot refresh --older-than 0
  $ indicia pivot refresh --es http://127.0.0.1:9200
  $ indicia pivot refresh --es http://127.0.0.1:9200 --kafka 127.0.0.1:9092 --older-than 7d`,
    )
    .action(async (flags: PivotRefreshFlags) => {
      if (flags.kafka !== undefined) await refreshThroughWorkers(flags);
      else await refreshHere(flags);
    });
}

async function refreshHere(flags: PivotRefreshFlags): Promise<void> {
  const store = await openIndexStore({ data: flags.data, es: flags.es });
  let deadLetters = 0;
  try {
    const counts = await refreshPivots({
      store,
      olderThan: flags.olderThan,
      config: flags.config,
      ...(flags.es === undefined ? { cacheDir: resolveDataDir(flags.data) } : {}),
      log: createLogger({ level: flags.verbose ? 'debug' : 'warn' }),
      onDeadLetter: (reason) => {
        deadLetters++;
        process.stderr.write(`  ✗ ${reason}\n`);
      },
    });
    process.stdout.write(`${counts.domains} domains in the history: ${counts.registrationsRecorded} WHOIS/RDAP and ${counts.dnsRecorded} DNS snapshots recorded, ${counts.fresh} still fresh, ${counts.skipped} skipped, ${deadLetters} failed\n`);
    const providerHistory = providerHistorySummary(counts.providerHistory);
    if (providerHistory) process.stdout.write(`  ${providerHistory}\n`);
    if (counts.skipped > 0) process.stdout.write('  skipped: reserved names (.test, .example, example.com) with no server configured for them; set INDICIA_WHOIS_SERVERS / INDICIA_RDAP_SERVERS (indicia testbed serve prints the testbed\'s)\n');
  } finally {
    await store.close();
  }
}

async function refreshThroughWorkers(flags: PivotRefreshFlags): Promise<void> {
  if (flags.data !== undefined) throw new UsageError('--kafka refreshes the distributed index: give --es URL (or INDICIA_ES), not --data');
  const olderThanMs = parseDuration(flags.olderThan);
  const { resolveDistributed } = await import('../distributed/distributed-config.js');
  const { submitPivotRefresh } = await import('../distributed/submit-pivot-refresh.js');
  const distributed = resolveDistributed({ kafka: flags.kafka, es: flags.es }, { needsEs: true });
  const store = await openIndexStore({ es: distributed.es!, esPrefix: distributed.esPrefix });
  try {
    const submission = await submitPivotRefresh({ store, olderThanMs, distributed });
    process.stdout.write(
      `${submission.domains} domains in the history; ${submission.published} ${olderThanMs === 0 ? '(all)' : `last looked at ${flags.olderThan} ago or more`} handed to the pivot workers as run ${submission.id} (topic ${submission.topic})\n` +
        `  follow with: indicia status --kafka ${distributed.kafka.join(',')} --es ${distributed.es}\n`,
    );
  } finally {
    await store.close();
  }
}

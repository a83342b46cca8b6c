import { ElasticsearchIndexStore } from '@indicia/indexer';
import { pivotConfig } from '@indicia/pivot';
import type { WorkerFlags } from '../commands/worker.js';
import { prepareDataDir, resolveDataDir } from '../data-dir.js';
import { resolvePivotSettings } from '../pivot-settings.js';
import { createPivotStageFromSettings, pivotConcurrency } from '../pivot-stages.js';
import { resolveDistributed } from './distributed-config.js';
import { runWorker } from './run-worker.js';
import { workerLogger } from './worker-logger.js';

/**
 * `indicia worker pivot`: domain.seen → WHOIS/RDAP and DNS lookups → whois.recorded and dns.recorded,
 * with the same settings and stage as a crawl's pivot; when a domain was last looked at comes
 * from the Elasticsearch history the index workers write.
 */
export async function runPivotWorker(flags: WorkerFlags): Promise<void> {
  const distributed = resolveDistributed(flags, { needsEs: true });
  const log = workerLogger(flags, 'pivot');
  const settings = await resolvePivotSettings(flags);
  const concurrency = flags.concurrency ?? pivotConcurrency;
  log.info({ config: pivotConfig.redact(settings), concurrency, es: distributed.es, esPrefix: distributed.esPrefix, kafka: distributed.kafka }, 'effective configuration');
  // Read only: when each domain was last looked at. The snapshots travel to the index workers.
  const store = await ElasticsearchIndexStore.open({ node: distributed.es!, indexPrefix: distributed.esPrefix, refresh: 'none', log });
  let cacheDir: string | undefined;
  if (flags.data !== undefined) {
    cacheDir = resolveDataDir(flags.data);
    prepareDataDir(cacheDir);
  }
  const stage = createPivotStageFromSettings({
    settings,
    lastObserved: (domain) => store.registrations.lastObserved(domain),
    cacheDir,
    announce: (line) => process.stderr.write(`worker pivot: ${line}\n`),
  });
  await runWorker({
    kind: 'pivot',
    stages: [{ stage, concurrency }],
    distributed,
    log,
    // A busy registry (429, WHOIS rate limit) is asked again after 1, 2, 4 and 8 s before the domain is dead-lettered.
    retries: { maxAttempts: 5, retryBaseMs: 1000 },
    describe: () => {
      const counts = stage.counts();
      return `lookups done ${counts.registrationsRecorded} WHOIS/RDAP, ${counts.dnsRecorded} DNS · still fresh ${counts.fresh} · skipped ${counts.skipped} · failed ${counts.failed} · ${counts.domainsSeen} domains seen`;
    },
    close: () => store.close(),
  });
}

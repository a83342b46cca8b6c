import { ElasticsearchIndexStore, createIndexStage } from '@indicia/indexer';
import type { WorkerFlags } from '../commands/worker.js';
import { createHistoryIndexStages, historyIndexConcurrency } from '../history-index-stages.js';
import { resolveDistributed } from './distributed-config.js';
import { runWorker } from './run-worker.js';
import { workerLogger } from './worker-logger.js';

/** Ads gathered into one bulk request by the index worker, by default. */
const defaultIndexBatch = 256;

/** `indicia worker index`: ad.extracted, whois.recorded and dns.recorded into Elasticsearch. */
export async function runIndexWorker(flags: WorkerFlags): Promise<void> {
  const distributed = resolveDistributed(flags, { needsEs: true });
  const log = workerLogger(flags, 'index');
  const batch = flags.indexConcurrency ?? defaultIndexBatch;
  log.info({ es: distributed.es, esPrefix: distributed.esPrefix, batch, kafka: distributed.kafka }, 'effective configuration');
  // Writes become searchable within the indices' refresh interval (1 s) instead of each bulk
  // waiting for a refresh, which would cap a worker at one batch per interval.
  const store = await ElasticsearchIndexStore.open({ node: distributed.es!, indexPrefix: distributed.esPrefix, refresh: 'none', log });
  const history = createHistoryIndexStages(store);
  await runWorker({
    kind: 'index',
    stages: [
      // The index stage gathers the messages in hand into one bulk request: as many in hand as a batch.
      { stage: createIndexStage(store, { batchSize: batch }), concurrency: batch },
      // The pivot workers' snapshots, each `create`d under a deterministic id: a redelivery adds nothing.
      { stage: history.registrations, concurrency: historyIndexConcurrency },
      { stage: history.dns, concurrency: historyIndexConcurrency },
    ],
    distributed,
    log,
    close: () => store.close(),
  });
}

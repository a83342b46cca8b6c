import { createEnvelope, newRunId, silentLogger } from '@indicia/core';
import { KafkaTransport } from '@indicia/bus';
import type { IndexStore } from '@indicia/indexer';
import type { DistributedSettings } from './distributed-config.js';

export interface PivotRefreshSubmission {
  id: string;
  /** Domains in the history. */
  domains: number;
  /** Of them, those whose last snapshot was old enough: published as domain.seen. */
  published: number;
  topic: string;
}

export interface SubmitPivotRefreshOptions {
  /** The distributed index whose history is refreshed. */
  store: IndexStore;
  /** Publish the domains whose registration or DNS snapshot is at least this old (0: every domain). */
  olderThanMs: number;
  distributed: DistributedSettings & { kafka: string[] };
  now?: () => Date;
}

/** lastObserved reads in flight while choosing the domains due: each is one small search. */
const lastObservedConcurrency = 16;

/**
 * `indicia pivot refresh --es URL --kafka H:P`: hands the domains of the Elasticsearch history whose
 * last look is old enough to the pivot workers as domain.seen, keyed by domain like a crawl's, so
 * each goes to the worker that holds that domain. Each message carries `--older-than`, which the
 * workers apply in place of their own refresh interval; the index workers record the snapshots.
 */
export async function submitPivotRefresh(options: SubmitPivotRefreshOptions): Promise<PivotRefreshSubmission> {
  const { store, distributed } = options;
  const now = (options.now ?? (() => new Date()))().getTime();
  const domains = await store.registrations.observedDomains();
  const due = options.olderThanMs === 0 ? domains : await domainsOlderThan(store, domains, now - options.olderThanMs);
  const id = newRunId();
  const transport = await KafkaTransport.connect({ brokers: distributed.kafka, topicPrefix: distributed.topicPrefix, clientId: `pivot-refresh-${id}`, log: silentLogger() });
  try {
    await transport.start();
    await Promise.all(
      due.map((domain) =>
        transport.publish(createEnvelope('domain.seen', { domain, via: 'site', captureId: `refresh-${id}`, adId: null, refreshOlderThanMs: options.olderThanMs }, { runId: id, producer: 'pivot-refresh' })),
      ),
    );
  } finally {
    await transport.close();
  }
  return { id, domains: domains.length, published: due.length, topic: `${distributed.topicPrefix}.domain.seen` };
}

/** The domains with a part (registration or DNS) never looked at, or last looked at before `cutoff`. */
async function domainsOlderThan(store: IndexStore, domains: string[], cutoff: number): Promise<string[]> {
  const isOld = (at: string | null) => at === null || Date.parse(at) <= cutoff;
  const due: boolean[] = new Array<boolean>(domains.length).fill(false);
  let next = 0;
  const reader = async () => {
    while (next < domains.length) {
      const at = next++;
      const last = await store.registrations.lastObserved(domains[at]!);
      due[at] = isOld(last.registration) || isOld(last.dns);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lastObservedConcurrency, domains.length) }, reader));
  return domains.filter((_, at) => due[at]);
}

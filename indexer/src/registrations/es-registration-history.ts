import type { Client, estypes } from '@elastic/elasticsearch';
import { contactRoles, DeadLetterError, describeError, RetryableError, type ContactRole, type Logger } from '@indicia/core';
import { classifyReadFailure, isTransientFailure, isTransientStatus } from '../elasticsearch/es-failure.js';
import type { IndexNames } from '../elasticsearch/index-layout.js';
import { RetryBudget } from '../elasticsearch/retry-budget.js';
import { heldIdentitiesOf, identityKeyOf } from './identity-values.js';
import type { DnsSnapshot, LastObserved, RegistrationHistory, RegistrationSnapshot, RegistrationSummary, ReverseRegistrationMatch, ReverseRegistrationQuery } from './registration-history.js';
import { assembleReverseMatches, type DomainSnapshotRow, type HoldingRow } from './reverse-matches.js';

interface RegistrationDocument extends Omit<RegistrationSnapshot, 'domain'> {
  domain: string;
  held: string[];
}

interface DnsDocument {
  id: string;
  domain: string;
  observedAt: string;
  resolver: string;
  records: Omit<DnsSnapshot, 'id' | 'domain' | 'observedAt' | 'resolver'>;
}

export interface EsRegistrationHistoryOptions {
  client: Client;
  names: IndexNames;
  /** Writes visible to searches before they return (the store's 'wait_for'/'immediate'), or left to the refresh interval. */
  refresh: 'wait_for' | 'true' | undefined;
  retryBudgetMs: number;
  log: Logger;
}

/** Hits read per page (search_after), within Elasticsearch's default max_result_window. */
const pageSize = 1000;
const heldKey = (field: string, key: string) => `${field}\u0000${key}`;
const heldRoleKey = (role: string, field: string, key: string) => `${role}\u0000${field}\u0000${key}`;

/**
 * The registration history in Elasticsearch: `<prefix>-registrations` and `<prefix>-dns`, one
 * document per snapshot with the snapshot id as _id. Writes use `create`, so a redelivered
 * message (409) is a no-op; the same answers as the SQLite history (runIndexStoreContract).
 */
export class EsRegistrationHistory implements RegistrationHistory {
  constructor(private readonly options: EsRegistrationHistoryOptions) {}

  async recordRegistrations(snapshots: RegistrationSnapshot[]): Promise<void> {
    const documents = snapshots.map((snapshot): RegistrationDocument => {
      const held = heldIdentitiesOf(snapshot.record).flatMap((h) => [heldKey(h.field, h.key), heldRoleKey(h.role, h.field, h.key)]);
      return { ...snapshot, domain: snapshot.domain.toLowerCase(), held: [...new Set(held)] };
    });
    await this.createAll(this.options.names.registrations, documents, 'recording registration snapshots');
  }

  async recordDns(snapshots: DnsSnapshot[]): Promise<void> {
    const documents = snapshots.map(({ id, domain, observedAt, resolver, ...records }): DnsDocument => ({ id, domain: domain.toLowerCase(), observedAt, resolver, records }));
    await this.createAll(this.options.names.dns, documents, 'recording DNS snapshots');
  }

  async registrationHistory(domain: string): Promise<RegistrationSnapshot[]> {
    const documents = await this.readAll<RegistrationDocument>(this.options.names.registrations, { term: { domain: domain.toLowerCase() } }, 'reading registration history');
    return documents.map(snapshotOf);
  }

  async dnsHistory(domain: string): Promise<DnsSnapshot[]> {
    const documents = await this.readAll<DnsDocument>(this.options.names.dns, { term: { domain: domain.toLowerCase() } }, 'reading DNS history');
    return documents.map(dnsSnapshotOf);
  }

  async lastObserved(domain: string): Promise<LastObserved> {
    const latest = async (index: string): Promise<string | null> => {
      const response = await this.read('reading when a domain was last looked at', () =>
        this.options.client.search<{ observedAt: string }>({ index, size: 1, query: { term: { domain: domain.toLowerCase() } }, sort: [{ observedAt: 'desc' }], _source: ['observedAt'] }),
      );
      return response.hits.hits[0]?._source?.observedAt ?? null;
    };
    const [registration, dns] = await Promise.all([latest(this.options.names.registrations), latest(this.options.names.dns)]);
    return { registration, dns };
  }

  async reverse(query: ReverseRegistrationQuery): Promise<ReverseRegistrationMatch[]> {
    const roles: readonly ContactRole[] = query.roles ?? contactRoles;
    const key = identityKeyOf(query.field, query.value);
    const terms = roles.map((role) => heldRoleKey(role, query.field, key));
    const matching = await this.readAll<{ id: string; domain: string; observedAt: string; held: string[] }>(
      this.options.names.registrations,
      { terms: { held: terms } },
      'searching registration history',
      ['id', 'domain', 'observedAt', 'held'],
    );
    if (matching.length === 0) return [];
    const holding: HoldingRow[] = matching.flatMap((doc) => roles.filter((role) => doc.held.includes(heldRoleKey(role, query.field, key))).map((role) => ({ snapshotId: doc.id, role })));
    const domains = [...new Set(matching.map((doc) => doc.domain))];
    const snapshots = await this.readAll<DomainSnapshotRow>(this.options.names.registrations, { terms: { domain: domains } }, 'searching registration history', ['id', 'domain', 'observedAt']);
    return assembleReverseMatches(holding, snapshots);
  }

  async observedDomains(): Promise<string[]> {
    const { client, names } = this.options;
    const domains: string[] = [];
    let after: Record<string, string | number | boolean | null> | undefined;
    // A composite aggregation pages through the distinct domains of both indices without reading a snapshot.
    for (;;) {
      const response = await this.read('listing the domains in the history', () =>
        client.search({ index: [names.registrations, names.dns], size: 0, aggs: { domains: { composite: { size: pageSize, sources: [{ domain: { terms: { field: 'domain' } } }], ...(after ? { after } : {}) } } } }),
      );
      const aggregate = response.aggregations?.domains as estypes.AggregationsCompositeAggregate | undefined;
      const buckets = (aggregate?.buckets ?? []) as Array<{ key: Record<string, string> }>;
      domains.push(...buckets.map((bucket) => bucket.key.domain!));
      if (buckets.length < pageSize || aggregate?.after_key === undefined) return domains;
      after = aggregate.after_key as Record<string, string>;
    }
  }

  async *allRegistrations(): AsyncIterable<RegistrationSnapshot> {
    for await (const page of this.pages<RegistrationDocument>(this.options.names.registrations, { match_all: {} }, 'reading registration history')) yield* page.map(snapshotOf);
  }

  async *allDns(): AsyncIterable<DnsSnapshot> {
    for await (const page of this.pages<DnsDocument>(this.options.names.dns, { match_all: {} }, 'reading DNS history')) yield* page.map(dnsSnapshotOf);
  }

  async registrationSummary(): Promise<RegistrationSummary> {
    const { names, client } = this.options;
    return this.read('summarising registration history', async () => {
      const [registrations, dns, domains] = await Promise.all([
        client.count({ index: names.registrations }),
        client.count({ index: names.dns }),
        client.search({ index: [names.registrations, names.dns], size: 0, aggs: { domains: { cardinality: { field: 'domain', precision_threshold: 40_000 } } } }),
      ]);
      const distinct = (domains.aggregations?.domains as estypes.AggregationsCardinalityAggregate | undefined)?.value ?? 0;
      return { domains: distinct, registrationSnapshots: registrations.count, dnsSnapshots: dns.count };
    });
  }

  /** `create` by id: an existing snapshot (409) is the same snapshot delivered again. */
  private async createAll(index: string, documents: ReadonlyArray<{ id: string }>, doing: string): Promise<void> {
    if (documents.length === 0) return;
    const budget = new RetryBudget({ budgetMs: this.options.retryBudgetMs, initialDelayMs: 200, maxDelayMs: 5000 });
    let pending = [...documents];
    for (;;) {
      let outcome: string;
      try {
        const response = await this.options.client.bulk({
          refresh: this.options.refresh,
          operations: pending.flatMap((document) => [{ create: { _index: index, _id: document.id } }, document]),
        });
        const transient: Array<{ id: string }> = [];
        response.items.forEach((item, i) => {
          const result = item.create!;
          if (result.status < 300 || result.status === 409) return;
          if (!isTransientStatus(result.status)) throw new DeadLetterError(`Elasticsearch refused a snapshot while ${doing}: ${result.error?.type ?? result.status} ${result.error?.reason ?? ''}`);
          transient.push(pending[i]!);
        });
        pending = transient;
        if (pending.length === 0) return;
        outcome = `${pending.length} snapshots answered 429/5xx`;
      } catch (error) {
        if (!isTransientFailure(error)) throw error;
        outcome = describeError(error);
      }
      this.options.log.warn({ index, reason: outcome }, `Elasticsearch unavailable while ${doing}; retrying`);
      if (!(await budget.pause())) throw new RetryableError(`Elasticsearch unavailable while ${doing} (gave up after ${budget.attempts} retries): ${outcome}`);
    }
  }

  private async readAll<T>(index: string, query: estypes.QueryDslQueryContainer, doing: string, fields?: string[]): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages<T>(index, query, doing, fields)) all.push(...page);
    return all;
  }

  /** Pages in (domain, observedAt, id) order with search_after: no scroll context to leak. */
  private async *pages<T>(index: string, query: estypes.QueryDslQueryContainer, doing: string, fields?: string[]): AsyncIterable<T[]> {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await this.read(doing, () =>
        this.options.client.search<T>({
          index,
          size: pageSize,
          query,
          sort: [{ domain: 'asc' }, { observedAt: 'asc' }, { id: 'asc' }],
          ...(fields ? { _source: fields } : {}),
          ...(after ? { search_after: after } : {}),
        }),
      );
      const hits = response.hits.hits;
      yield hits.map((hit) => hit._source!);
      if (hits.length < pageSize) return;
      after = hits.at(-1)!.sort;
    }
  }

  private async read<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw classifyReadFailure(error, doing);
    }
  }
}

function snapshotOf(document: RegistrationDocument): RegistrationSnapshot {
  const { held: _held, ...snapshot } = document;
  return snapshot;
}

function dnsSnapshotOf(document: DnsDocument): DnsSnapshot {
  return { id: document.id, domain: document.domain, observedAt: document.observedAt, resolver: document.resolver, ...document.records };
}

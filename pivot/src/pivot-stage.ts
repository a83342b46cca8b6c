import type { DnsRecorded, Envelope, Stage, StageContext, WhoisRecorded } from '@indicia/core';
import type { HistoryImport } from './provider-history-import.js';
import { emptyProviderHistoryCounts, type ProviderHistoryCounts } from './provider-history-counts.js';

/** A registration lookup (RDAP first, WHOIS otherwise): one snapshot of the domain now. */
export interface RegistrationLookup {
  lookup(domain: string): Promise<Omit<WhoisRecorded, 'domain' | 'observedAt'>>;
  /**
   * An external provider's records of the domain from before Indicia looked, asked the first
   * time the domain is looked up (the history holds no registration yet). Resolves within the
   * provider's deadline and never rejects for a provider failure: it says why instead.
   */
  importHistory?(domain: string): Promise<HistoryImport>;
}

/** A DNS lookup through the configured resolvers. */
export interface DnsLookup {
  resolve(domain: string): Promise<DnsRecorded>;
}

/** When a domain was last looked at, as the history holds it (the index store's lastObserved). */
export type LastObservedReader = (domain: string) => Promise<{ registration: string | null; dns: string | null }>;

export interface PivotStageOptions {
  /** Null: registration lookups are off (the start-up line says why). */
  registration: RegistrationLookup | null;
  dns: DnsLookup | null;
  lastObserved: LastObservedReader;
  /** A domain is looked at again once its last snapshot is this old; 0: every domain once more in this run. */
  refreshIntervalMs: number;
  /** Why a domain is not looked up (a reserved name no configured server answers for), or null. */
  skipReason?: (domain: string) => string | null;
  now?: () => Date;
}

export interface PivotStageCounts {
  domainsSeen: number;
  registrationsRecorded: number;
  dnsRecorded: number;
  /** Still fresh in the history (or looked at already in this run). */
  fresh: number;
  skipped: number;
  failed: number;
  /** The external provider's history imports, and why the ones without an answer had none. */
  providerHistory: ProviderHistoryCounts;
}

type Part = 'registration' | 'dns';

/**
 * The pivot stage: domain.seen → whois.recorded and dns.recorded. Each registrable domain is looked
 * up once per refresh interval, however many pages name it: the history decides across runs, and
 * within a run (where the index may not have stored the last snapshot yet) the stage remembers
 * what it looked at and joins a lookup already under way. Every snapshot is emitted, changed or
 * not: the history is the evidence that a record still held a value on a date.
 *
 * A failed lookup throws (retryable: the transport tries again later, then dead-letters it with
 * the reason); the other part's snapshot is kept, and a retry redoes only the part that failed.
 */
export function createPivotStage(options: PivotStageOptions): Stage<'domain.seen'> & { counts(): PivotStageCounts } {
  const now = options.now ?? (() => new Date());
  const lookedAt = new Map<string, number>();
  const underWay = new Map<string, Promise<void>>();
  const counts: Omit<PivotStageCounts, 'domainsSeen' | 'providerHistory'> = { registrationsRecorded: 0, dnsRecorded: 0, fresh: 0, skipped: 0, failed: 0 };
  const historyImport = options.registration?.importHistory ? createHistoryImporter(options.registration.importHistory.bind(options.registration)) : null;
  const seen = new Set<string>();
  const keyOf = (part: Part, domain: string) => `${part}\u0000${domain}`;
  // With no interval, a part looked at once in this run (a retry of the other part, say) is not looked at again.
  const lookedAtInRun = (at: number | undefined, intervalMs: number): boolean => at !== undefined && (intervalMs === 0 || isFresh(at, intervalMs));

  const isFresh = (at: string | number | null | undefined, intervalMs: number): boolean =>
    at !== null && at !== undefined && now().getTime() - (typeof at === 'number' ? at : Date.parse(at)) < intervalMs;

  async function lookUp(part: Part, domain: string, ctx: StageContext): Promise<void> {
    const key = keyOf(part, domain);
    const running = underWay.get(key);
    if (running) return running;
    const work = (async () => {
      if (part === 'registration') {
        const snapshot = await options.registration!.lookup(domain);
        await ctx.emit('whois.recorded', { domain, observedAt: now().toISOString(), ...snapshot });
        counts.registrationsRecorded++;
      } else {
        await ctx.emit('dns.recorded', await options.dns!.resolve(domain));
        counts.dnsRecorded++;
      }
      lookedAt.set(key, now().getTime());
    })();
    underWay.set(key, work);
    try {
      await work;
    } catch (error) {
      counts.failed++;
      throw error;
    } finally {
      underWay.delete(key);
    }
  }

  return {
    name: 'pivot',
    consumes: 'domain.seen',
    produces: ['whois.recorded', 'dns.recorded'],
    counts: () => ({ domainsSeen: seen.size, ...counts, providerHistory: historyImport?.counts() ?? emptyProviderHistoryCounts() }),
    async handle(message: Envelope<'domain.seen'>, ctx: StageContext): Promise<void> {
      const domain = message.payload.domain.toLowerCase();
      // A refresh request (pivot refresh --kafka) says how old is too old; a crawl's sighting leaves it to this stage.
      const intervalMs = message.payload.refreshOlderThanMs ?? options.refreshIntervalMs;
      seen.add(domain);
      const skip = options.skipReason?.(domain) ?? null;
      if (skip !== null) {
        counts.skipped++;
        ctx.log.debug({ reason: skip }, 'domain not looked up');
        return;
      }
      const wanted: Part[] = [];
      if (options.registration !== null) wanted.push('registration');
      if (options.dns !== null) wanted.push('dns');
      // A part under way is joined; one looked at in this run is fresh; for the rest, the history decides.
      const joining = wanted.filter((part) => underWay.has(keyOf(part, domain)));
      let unknown = wanted.filter((part) => !joining.includes(part) && !lookedAtInRun(lookedAt.get(keyOf(part, domain)), intervalMs));
      // Never looked at before: a provider's records from before Indicia looked come in first.
      let firstLook = false;
      if (unknown.length > 0) {
        const last = await options.lastObserved(domain);
        firstLook = unknown.includes('registration') && last.registration === null;
        unknown = unknown.filter((part) => !isFresh(last[part], intervalMs));
      }
      const due = [...joining, ...unknown];
      if (due.length === 0) {
        counts.fresh++;
        return;
      }
      // The import runs beside the lookups and ends by its deadline: a slow provider holds nothing up.
      const work: Array<Promise<void>> = due.map((part) => lookUp(part, domain, ctx));
      if (historyImport !== null && (firstLook || historyImport.started(domain))) work.push(historyImport.run(domain, ctx));
      const outcomes = await Promise.allSettled(work);
      const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    },
  };
}

/**
 * Imports each domain's provider history once per run (a redelivered or concurrent domain.seen
 * joins the import under way), emits its snapshots, and counts the imports that had no answer.
 * A failing provider is a warning, once per kind of failure, without the domain: the domain's own
 * lookup is unaffected.
 */
function createHistoryImporter(importHistory: (domain: string) => Promise<HistoryImport>) {
  const counts = emptyProviderHistoryCounts();
  const imports = new Map<string, Promise<void>>();
  const warned = new Set<string>();

  async function importOnce(domain: string, ctx: StageContext): Promise<void> {
    const answer = await importHistory(domain);
    if (answer.status === 'imported') {
      for (const snapshot of answer.snapshots) await ctx.emit('whois.recorded', { domain, ...snapshot });
      counts.domainsImported++;
      counts.snapshotsImported += answer.snapshots.length;
      return;
    }
    if (answer.status === 'rejected') counts.rejected++;
    else counts.unavailable[answer.kind]++;
    const kind = answer.status === 'rejected' ? 'rejected' : answer.kind;
    if (warned.has(kind)) {
      ctx.log.debug({ kind, reason: answer.reason }, 'registration history not imported');
      return;
    }
    warned.add(kind);
    ctx.log.warn({ kind, reason: answer.reason }, "registration history not imported (the domains' own lookups go on; later ones of this kind are counted, not logged)");
  }

  return {
    counts: (): ProviderHistoryCounts => ({ ...counts, unavailable: { ...counts.unavailable } }),
    started: (domain: string): boolean => imports.has(domain),
    run(domain: string, ctx: StageContext): Promise<void> {
      const running = imports.get(domain);
      if (running) return running;
      const work = importOnce(domain, ctx);
      imports.set(domain, work);
      // Only a failure to emit (the transport's) lets a retry import again; an answer is kept for the run.
      work.catch(() => imports.delete(domain));
      return work;
    },
  };
}

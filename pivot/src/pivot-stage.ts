import type { DnsRecorded, Envelope, Stage, StageContext, WhoisRecorded } from '@indicia/core';

/** A registration lookup (RDAP first, WHOIS otherwise, or a provider): one snapshot of the domain now. */
export interface RegistrationLookup {
  lookup(domain: string): Promise<Omit<WhoisRecorded, 'domain' | 'observedAt'>>;
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
  const counts: Omit<PivotStageCounts, 'domainsSeen'> = { registrationsRecorded: 0, dnsRecorded: 0, fresh: 0, skipped: 0, failed: 0 };
  const seen = new Set<string>();
  const keyOf = (part: Part, domain: string) => `${part}\u0000${domain}`;
  // With no interval, a part looked at once in this run (a retry of the other part, say) is not looked at again.
  const lookedAtInRun = (at: number | undefined): boolean => at !== undefined && (options.refreshIntervalMs === 0 || isFresh(at));

  const isFresh = (at: string | number | null | undefined): boolean =>
    at !== null && at !== undefined && now().getTime() - (typeof at === 'number' ? at : Date.parse(at)) < options.refreshIntervalMs;

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
    counts: () => ({ domainsSeen: seen.size, ...counts }),
    async handle(message: Envelope<'domain.seen'>, ctx: StageContext): Promise<void> {
      const domain = message.payload.domain.toLowerCase();
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
      let unknown = wanted.filter((part) => !joining.includes(part) && !lookedAtInRun(lookedAt.get(keyOf(part, domain))));
      if (unknown.length > 0) {
        const last = await options.lastObserved(domain);
        unknown = unknown.filter((part) => !isFresh(last[part]));
      }
      const due = [...joining, ...unknown];
      if (due.length === 0) {
        counts.fresh++;
        return;
      }
      const outcomes = await Promise.allSettled(due.map((part) => lookUp(part, domain, ctx)));
      const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    },
  };
}

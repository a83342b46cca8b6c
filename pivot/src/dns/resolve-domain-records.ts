import { getServers, Resolver } from 'node:dns/promises';
import { domainToASCII } from 'node:url';
import { RetryableError, UsageError, type DnsRecorded, type DnsRecordType } from '@indicia/core';

export interface DnsLookupOptions {
  /**
   * Resolvers to ask, in order ('ip' or 'ip:port', '[v6]:port'); the next is asked only when one
   * answers nothing at all (every type timed out or was refused). Empty or absent: the system's.
   */
  resolvers?: readonly string[];
  /** Per try, per query. Default 2000. */
  timeoutMs?: number;
  /** Tries per query (c-ares retransmits). Default 2. */
  tries?: number;
}

/** "No such name" and "no record of this type": an empty list, not a failure. */
const emptyAnswerCodes: ReadonlySet<string> = new Set(['ENODATA', 'ENOTFOUND']);
/** Codes that say the resolver itself is unreachable, not that the name has a problem. */
const unreachableCodes: ReadonlySet<string> = new Set(['ETIMEOUT', 'ECONNREFUSED']);

type Answers = Omit<DnsRecorded, 'domain' | 'observedAt' | 'resolver' | 'errors'>;

/**
 * A, AAAA, MX, NS and TXT of one domain through the configured resolvers, stamped with the time
 * and the resolver that answered. Failures other than "no such record" are kept per type in
 * `errors`; when every type times out (or is refused) on every resolver, a RetryableError names them.
 */
export async function resolveDomainRecords(domain: string, options: DnsLookupOptions = {}): Promise<DnsRecorded> {
  const name = domainToASCII(domain.trim().replace(/\.$/, '').toLowerCase());
  if (name === '') throw new UsageError(`dns lookup: not a domain name: "${domain}"`);
  const resolvers = options.resolvers !== undefined && options.resolvers.length > 0 ? [...options.resolvers] : [null];
  const unreachable: string[] = [];
  for (const server of resolvers) {
    const resolver = new Resolver({ timeout: options.timeoutMs ?? 2000, tries: options.tries ?? 2 });
    if (server !== null) useServer(resolver, server);
    const label = server ?? getServers()[0] ?? 'system';
    const { answers, errors } = await queryAll(resolver, name);
    if (errors.length === 5 && errors.every((error) => unreachableCodes.has(error.code))) {
      unreachable.push(`${label} (${[...new Set(errors.map((error) => error.code))].join(', ')})`);
      continue;
    }
    return { domain: name, observedAt: new Date().toISOString(), resolver: label, ...answers, errors };
  }
  throw new RetryableError(`dns lookup of ${name}: no answer from resolver ${unreachable.join('; ')}`);
}

function useServer(resolver: Resolver, server: string): void {
  try {
    resolver.setServers([server]);
  } catch (error) {
    throw new UsageError(`dns resolver "${server}" is not an ip or ip:port`, { cause: error });
  }
}

async function queryAll(resolver: Resolver, name: string): Promise<{ answers: Answers; errors: DnsRecorded['errors'] }> {
  const errors: DnsRecorded['errors'] = [];
  const settle = async <T>(type: DnsRecordType, query: Promise<T[]>): Promise<T[]> => {
    try {
      return await query;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw error;
      if (!emptyAnswerCodes.has(code)) errors.push({ type, code });
      return [];
    }
  };
  const [a, aaaa, mx, ns, txt] = await Promise.all([
    settle('A', resolver.resolve4(name)),
    settle('AAAA', resolver.resolve6(name)),
    settle('MX', resolver.resolveMx(name)),
    settle('NS', resolver.resolveNs(name)),
    settle('TXT', resolver.resolveTxt(name)),
  ]);
  const host = (value: string) => value.toLowerCase().replace(/\.$/, '');
  return {
    // Sorted, so two snapshots of unchanged records are equal whatever order the server rotates them in.
    answers: {
      a: a.sort(),
      aaaa: aaaa.sort(),
      mx: mx.map((record) => ({ exchange: host(record.exchange), priority: record.priority })).sort((x, y) => x.priority - y.priority || x.exchange.localeCompare(y.exchange)),
      ns: ns.map(host).sort(),
      txt: txt.map((chunks) => chunks.join('')).sort(),
    },
    errors: errors.sort((x, y) => x.type.localeCompare(y.type)),
  };
}

import { UsageError } from '@indicia/core';

/**
 * How a request reached the testbed: absolute-form through the proxy, inside a CONNECT tunnel,
 * through the SOCKS5 proxy (requests and refused CONNECTs), or directly.
 */
export type RequestVia = 'proxy' | 'connect' | 'socks' | 'origin';

export interface RequestLogEntry {
  host: string;
  /** Path and query as requested, e.g. `/ads?page=2`. */
  path: string;
  method: string;
  via: RequestVia;
  status: number;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface RequestFilter {
  host?: string;
  path?: string;
  via?: RequestVia;
  method?: string;
  status?: number;
}

/**
 * Every request served, for tests to assert on (e.g. zero direct requests). Entries are small
 * objects; benchmarks turn them off and keep only the per-route totals.
 */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private readonly totals: Record<RequestVia, number> = { proxy: 0, connect: 0, socks: 0, origin: 0 };

  constructor(private readonly keepEntries: boolean) {}

  record(entry: RequestLogEntry): void {
    this.totals[entry.via]++;
    if (this.keepEntries) this.entries.push(entry);
  }

  count(filter: RequestFilter = {}): number {
    const { host, path, via, method, status } = filter;
    if (host === undefined && path === undefined && method === undefined && status === undefined) {
      return via === undefined ? this.totals.proxy + this.totals.connect + this.totals.socks + this.totals.origin : this.totals[via];
    }
    if (!this.keepEntries) throw new UsageError('the request log is off (logRequests: false): only counts by `via` are kept');
    let count = 0;
    for (const entry of this.entries) {
      if (
        (host === undefined || entry.host === host) &&
        (path === undefined || entry.path === path) &&
        (via === undefined || entry.via === via) &&
        (method === undefined || entry.method === method) &&
        (status === undefined || entry.status === status)
      ) count++;
    }
    return count;
  }
}

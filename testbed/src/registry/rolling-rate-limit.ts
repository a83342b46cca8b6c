/**
 * Counts requests over the last second: the (limit+1)th and later within any one-second window
 * are refused, as busy WHOIS and RDAP servers do. A rolling window (not calendar seconds), so a
 * burst of requests is refused however the burst falls across a second boundary.
 */
export class RollingRateLimit {
  private readonly recent: number[] = [];

  /** `limit` undefined: never refuses. */
  constructor(private readonly limit: number | undefined) {
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  }

  /** Records one request; false when it is over the limit. */
  admit(now = Date.now()): boolean {
    if (this.limit === undefined) return true;
    while (this.recent.length > 0 && this.recent[0]! <= now - 1000) this.recent.shift();
    this.recent.push(now);
    return this.recent.length <= this.limit;
  }
}

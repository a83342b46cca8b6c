export interface LoginRateLimitOptions {
  /** Failures allowed before the first lock-out. Default 5. */
  maxFailures?: number;
  /** The first lock-out; each further failure doubles it. Default 30 s. */
  baseLockMs?: number;
  /** The longest lock-out. Default 1 hour. */
  maxLockMs?: number;
  /** Keys tracked at most (oldest dropped first), so a flood of usernames cannot exhaust memory. Default 10,000. */
  maxKeys?: number;
  now?: () => number;
}

interface Attempts {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/**
 * Failed logins per client IP and username: after `maxFailures` the pair is locked out for a time
 * that doubles with each further failure; a successful login clears it. Kept in memory: a restart
 * clears it, which costs an attacker a restart they cannot cause.
 */
export class LoginRateLimit {
  private readonly attempts = new Map<string, Attempts>();
  private readonly maxFailures: number;
  private readonly baseLockMs: number;
  private readonly maxLockMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: LoginRateLimitOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.baseLockMs = options.baseLockMs ?? 30_000;
    this.maxLockMs = options.maxLockMs ?? 3_600_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Seconds to wait before trying again, or null when the pair may try now. */
  retryAfterSeconds(ip: string, username: string): number | null {
    const entry = this.attempts.get(keyOf(ip, username));
    if (!entry) return null;
    const wait = entry.lockedUntil - this.now();
    return wait > 0 ? Math.ceil(wait / 1000) : null;
  }

  recordFailure(ip: string, username: string): void {
    const key = keyOf(ip, username);
    const at = this.now();
    const entry = this.attempts.get(key) ?? { failures: 0, lastFailureAt: at, lockedUntil: 0 };
    // A pair that has been quiet for longer than the longest lock-out starts again.
    if (at - entry.lastFailureAt > this.maxLockMs) entry.failures = 0;
    entry.failures++;
    entry.lastFailureAt = at;
    if (entry.failures >= this.maxFailures) entry.lockedUntil = at + Math.min(this.maxLockMs, this.baseLockMs * 2 ** (entry.failures - this.maxFailures));
    this.attempts.delete(key);
    this.attempts.set(key, entry);
    while (this.attempts.size > this.maxKeys) this.attempts.delete(this.attempts.keys().next().value!);
  }

  recordSuccess(ip: string, username: string): void {
    this.attempts.delete(keyOf(ip, username));
  }
}

function keyOf(ip: string, username: string): string {
  return `${ip}\u0000${username.trim().toLowerCase()}`;
}

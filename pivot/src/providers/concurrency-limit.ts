/**
 * At most `limit` calls run at once; the rest wait in order. A waiting call whose signal aborts
 * leaves the queue at once, so a caller's deadline covers the wait as well as the call.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<{ start: () => void; signal: AbortSignal | undefined; onAbort: () => void }> = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('concurrency limit must be at least 1');
  }

  get active(): number {
    return this.running;
  }

  async run<T>(work: () => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    await this.acquire(options.signal);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        signal,
        start: () => {
          signal?.removeEventListener('abort', entry.onAbort);
          this.running += 1;
          resolve();
        },
        onAbort: () => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private release(): void {
    this.running -= 1;
    this.waiting.shift()?.start();
  }
}

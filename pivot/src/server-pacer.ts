/**
 * Politeness towards WHOIS and RDAP servers: requests to one server run one at a time, and each
 * starts at least `minIntervalMs` after the previous one to that server started. Registries
 * throttle or block clients that query faster (PIR, Nominet, AFNIC, SIDN all do), and a blocked
 * client learns nothing for hours, so going slower is cheaper than being refused.
 */
export interface ServerPacerOptions {
  /** Minimum time between the starts of two requests to the same server, unless the server has its own entry. */
  minIntervalMs: number;
  /** Per-server minimum intervals (key: the server's name as passed to `run`). */
  perServerMs?: Readonly<Record<string, number>>;
}

export class ServerPacer {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly lastStart = new Map<string, number>();

  constructor(private readonly options: ServerPacerOptions) {}

  /** Runs `task` when `server` is free and its interval has passed; tasks for one server never overlap. */
  run<T>(server: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(server) ?? Promise.resolve();
    const result = previous.then(
      () => this.startWhenDue(server, task),
      () => this.startWhenDue(server, task),
    );
    // The chain must not keep a rejection around (it is the caller's to handle), only the order.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(server, tail);
    void tail.then(() => {
      if (this.tails.get(server) === tail) this.tails.delete(server);
    });
    return result;
  }

  private async startWhenDue<T>(server: string, task: () => Promise<T>): Promise<T> {
    const interval = this.options.perServerMs?.[server] ?? this.options.minIntervalMs;
    const last = this.lastStart.get(server);
    if (last !== undefined) {
      const wait = last + interval - Date.now();
      if (wait > 0) await sleep(wait);
    }
    this.lastStart.set(server, Date.now());
    return task();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

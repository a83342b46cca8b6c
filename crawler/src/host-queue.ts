import type { FrontierEntry } from './frontier.js';
import type { RobotsPolicy } from './robots-policy.js';

/** The URLs waiting for one origin, and what politeness needs to know about it. */
export class HostQueue {
  inFlight = 0;
  /** When the last request to this origin started (ms since epoch). */
  lastStartAt = Number.NEGATIVE_INFINITY;
  /** Listed among the origins the scheduler looks at. */
  active = false;
  /** null until robots.txt is known. */
  robots: RobotsPolicy | null = null;
  private entries: FrontierEntry[] = [];
  private head = 0;

  constructor(
    readonly origin: string,
    /** This origin's politeness limits (an onion origin has its own). */
    readonly pacing: { perHostConcurrency: number; perHostDelayMs: number },
  ) {}

  get size(): number {
    return this.entries.length - this.head;
  }

  push(entry: FrontierEntry): void {
    this.entries.push(entry);
  }

  /** Retries go first: they were next in line before they failed. */
  unshift(entry: FrontierEntry): void {
    if (this.head > 0) this.entries[--this.head] = entry;
    else this.entries.unshift(entry);
  }

  shift(): FrontierEntry | undefined {
    if (this.head >= this.entries.length) return undefined;
    const entry = this.entries[this.head++];
    // Compact now and then so a long-lived queue does not keep every URL it ever held.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return entry;
  }

  /** Removes and returns every queued entry. */
  takeAll(): FrontierEntry[] {
    const all = this.entries.slice(this.head);
    this.entries = [];
    this.head = 0;
    return all;
  }
}

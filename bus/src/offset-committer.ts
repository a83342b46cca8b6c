/** Commits offsets of one topic's partitions; rejects when Kafka refuses. */
export type CommitOffsets = (offsets: Array<{ partition: number; offset: string }>) => Promise<void>;

/**
 * Coalesces a consumer's commits: partitions note how far they are done, and one commit request at
 * a time carries the latest offset of every partition noted since the last one. A busy consumer
 * then commits about once per round trip to the broker, whatever its number of batches, and no
 * batch waits for its commit.
 */
export class OffsetCommitter {
  /** Next offset to consume (last done + 1), by partition, not yet sent. */
  private readonly noted = new Map<number, bigint>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly commit: CommitOffsets,
    /** A commit Kafka refused: those messages may be delivered again; the caller decides what to say. */
    private readonly onCommitFailed: (error: unknown) => void,
  ) {}

  /** Records that the partition is done up to and including `lastDoneOffset`. */
  note(partition: number, lastDoneOffset: string): void {
    const next = BigInt(lastDoneOffset) + 1n;
    if ((this.noted.get(partition) ?? -1n) < next) this.noted.set(partition, next);
    this.running ??= this.run();
  }

  get pending(): boolean {
    return this.running !== null;
  }

  /** Resolves once everything noted so far has been sent (committed, or reported as failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    while (this.noted.size > 0) {
      const offsets = [...this.noted].map(([partition, next]) => ({ partition, offset: next.toString() }));
      this.noted.clear();
      try {
        await this.commit(offsets);
      } catch (error) {
        this.onCommitFailed(error);
      }
    }
    this.running = null;
  }
}

/**
 * The messages of one partition's batch that are done with (handled, or dead-lettered) and how far
 * it is safe to commit: only up to the last message before the first one not done, so a crash never
 * skips a message whose handler had not finished, however the messages after it fared.
 *
 * Works by position in the batch rather than by offset arithmetic: offsets of a batch can have gaps
 * (compacted records, transaction markers).
 */
export class ContiguousOffsets {
  private readonly done: boolean[];
  private prefix = 0;

  constructor(private readonly offsets: readonly string[]) {
    this.done = offsets.map(() => false);
  }

  /** Marks the message at `index` done; returns the offset the committable prefix now ends at, or null if it did not move. */
  markDone(index: number): string | null {
    this.done[index] = true;
    const before = this.prefix;
    while (this.prefix < this.done.length && this.done[this.prefix]) this.prefix++;
    return this.prefix > before ? this.offsets[this.prefix - 1]! : null;
  }

  get allDone(): boolean {
    return this.prefix === this.done.length;
  }
}

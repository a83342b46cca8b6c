/**
 * A bounded set of the ids seen most recently: when it is full, adding an id forgets the oldest.
 * Map keeps insertion order, so the oldest is its first key.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value!);
  }
}

/**
 * The instant the registration servers answer as of. Default: the real time, so the current
 * records show; tests set it to see a domain's earlier records (history) or its absence before
 * creation.
 */
export class RegistryClock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed === null ? new Date() : new Date(this.fixed.getTime());
  }

  /** null returns to the real time. */
  set(at: Date | string | null): void {
    if (at === null) {
      this.fixed = null;
      return;
    }
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) throw new RangeError(`registry clock: not a date: ${String(at)}`);
    this.fixed = date;
  }
}

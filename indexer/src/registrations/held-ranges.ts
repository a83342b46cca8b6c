import type { HeldRange } from './registration-history.js';

/** One snapshot of a domain, reduced to what reverse WHOIS needs. */
export interface SnapshotHolding {
  observedAt: string;
  holds: boolean;
}

/**
 * The stretches of a domain's history during which its snapshots held a value, from its snapshots
 * in any order. A range starts at the first snapshot holding the value and ends at the first later
 * one that does not (`until`); the truth between two looks is unknown, so the range says both
 * when the value was last seen and when it was first seen gone.
 */
export function heldRangesOf(snapshots: readonly SnapshotHolding[]): HeldRange[] {
  const ordered = [...snapshots].sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  const ranges: HeldRange[] = [];
  let open: { from: string; lastSeen: string } | null = null;
  for (const snapshot of ordered) {
    if (snapshot.holds) {
      if (open === null) open = { from: snapshot.observedAt, lastSeen: snapshot.observedAt };
      else open.lastSeen = snapshot.observedAt;
    } else if (open !== null) {
      ranges.push({ ...open, until: snapshot.observedAt });
      open = null;
    }
  }
  if (open !== null) ranges.push({ ...open, until: null });
  return ranges;
}

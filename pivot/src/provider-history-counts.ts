import { unavailableKinds, type UnavailableKind } from './providers/with-deadline.js';

/** What the pivot stage's provider history imports did in a run. */
export interface ProviderHistoryCounts {
  /** Domains whose history the provider answered for (an empty history counts: the provider knew no records). */
  domainsImported: number;
  /** Snapshots recorded from the provider's answers. */
  snapshotsImported: number;
  /** Imports without an answer, by why: past the deadline, disabled (key refused, no credits), paused, rate limited, failing. */
  unavailable: Record<UnavailableKind, number>;
  /** Domains the provider refused to look up (a name it does not accept). */
  rejected: number;
}

export function emptyProviderHistoryCounts(): ProviderHistoryCounts {
  return {
    domainsImported: 0,
    snapshotsImported: 0,
    unavailable: Object.fromEntries(unavailableKinds.map((kind) => [kind, 0])) as Record<UnavailableKind, number>,
    rejected: 0,
  };
}

/** "provider history: 12 domains imported (30 snapshots), 2 without an answer (deadline 2)" for run summaries; null when the provider did nothing. */
export function providerHistorySummary(counts: ProviderHistoryCounts): string | null {
  const unanswered = Object.entries(counts.unavailable).filter(([, n]) => n > 0);
  const unansweredTotal = unanswered.reduce((sum, [, n]) => sum + n, 0);
  if (counts.domainsImported === 0 && unansweredTotal === 0 && counts.rejected === 0) return null;
  let line = `provider history: ${counts.domainsImported} domains imported (${counts.snapshotsImported} snapshots)`;
  if (unansweredTotal > 0) line += `, ${unansweredTotal} without an answer (${unanswered.map(([kind, n]) => `${kind} ${n}`).join(', ')})`;
  if (counts.rejected > 0) line += `, ${counts.rejected} names refused`;
  return line;
}

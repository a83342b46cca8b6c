/** A stretch of consecutive snapshots that all held a fact. */
export interface ObservationRun {
  firstObservedAt: string;
  lastObservedAt: string;
}

export interface Snapshot {
  observedAt: string;
  /** The facts this snapshot held (edge keys). */
  facts: Iterable<string>;
}

/**
 * For each fact, the runs of consecutive snapshots that held it. A registrant that changes A → B → A
 * gives A two runs, not one range spanning B's time: reverse WHOIS must not claim A held the
 * domain while B did. Snapshots are ordered by time here; ties keep their input order.
 */
export function observationRuns(snapshots: readonly Snapshot[]): Map<string, ObservationRun[]> {
  const ordered = snapshots
    .map((snapshot, index) => ({ snapshot, index, time: Date.parse(snapshot.observedAt) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const runs = new Map<string, ObservationRun[]>();
  let open = new Map<string, ObservationRun>();
  for (const { snapshot } of ordered) {
    const stillOpen = new Map<string, ObservationRun>();
    for (const fact of snapshot.facts) {
      if (stillOpen.has(fact)) continue;
      const run = open.get(fact) ?? { firstObservedAt: snapshot.observedAt, lastObservedAt: snapshot.observedAt };
      run.lastObservedAt = snapshot.observedAt;
      stillOpen.set(fact, run);
    }
    for (const [fact, run] of open) if (!stillOpen.has(fact)) closeRun(runs, fact, run);
    open = stillOpen;
  }
  for (const [fact, run] of open) closeRun(runs, fact, run);
  return runs;
}

function closeRun(runs: Map<string, ObservationRun[]>, fact: string, run: ObservationRun): void {
  const list = runs.get(fact);
  if (list === undefined) runs.set(fact, [run]);
  else list.push(run);
}

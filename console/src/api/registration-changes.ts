import type { RegistrationSnapshot } from '@indicia/indexer';

/** A registration snapshot with the fields that differ from the snapshot before it (none for the first). */
export type SnapshotWithChanges = RegistrationSnapshot & { changed: string[] };

/**
 * Newest first, each with the dotted paths of the record's fields ("registrant.email",
 * "nameservers") whose values differ from the previous (older) snapshot. Lists compare as sets.
 */
export function withChanges(oldestFirst: RegistrationSnapshot[]): SnapshotWithChanges[] {
  const result = oldestFirst.map((snapshot, index) => ({
    ...snapshot,
    changed: index === 0 ? [] : changedPaths(oldestFirst[index - 1]!.record, snapshot.record, ''),
  }));
  return result.reverse();
}

function changedPaths(before: unknown, after: unknown, path: string): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after)) return setKey(before) === setKey(after) ? [] : [path];
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [path];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function setKey(values: unknown[]): string {
  return JSON.stringify(values.map((value) => JSON.stringify(value)).sort());
}

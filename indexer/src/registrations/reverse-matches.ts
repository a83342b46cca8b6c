import { contactRoles, type ContactRole } from '@indicia/core';
import { heldRangesOf } from './held-ranges.js';
import type { ReverseRegistrationMatch } from './registration-history.js';

/** A snapshot that held the value, and in which role. */
export interface HoldingRow {
  snapshotId: string;
  role: ContactRole;
}

/** Every snapshot of a domain whose records held the value at least once. */
export interface DomainSnapshotRow {
  id: string;
  domain: string;
  observedAt: string;
}

/**
 * Reverse WHOIS answers from the two lookups both stores make: which snapshots held the value, and
 * every snapshot of those domains (so a range can end where the value was first seen gone).
 * Domains holding the value now come first, then by most recent sighting.
 */
export function assembleReverseMatches(holding: readonly HoldingRow[], snapshots: readonly DomainSnapshotRow[]): ReverseRegistrationMatch[] {
  const rolesBySnapshot = new Map<string, Set<ContactRole>>();
  for (const row of holding) {
    const roles = rolesBySnapshot.get(row.snapshotId) ?? new Set<ContactRole>();
    roles.add(row.role);
    rolesBySnapshot.set(row.snapshotId, roles);
  }
  const byDomain = new Map<string, DomainSnapshotRow[]>();
  for (const snapshot of snapshots) byDomain.set(snapshot.domain, [...(byDomain.get(snapshot.domain) ?? []), snapshot]);
  const matches: ReverseRegistrationMatch[] = [];
  for (const [domain, rows] of byDomain) {
    const roles = new Set<ContactRole>();
    for (const row of rows) for (const role of rolesBySnapshot.get(row.id) ?? []) roles.add(role);
    if (roles.size === 0) continue;
    const ranges = heldRangesOf(rows.map((row) => ({ observedAt: row.observedAt, holds: rolesBySnapshot.has(row.id) })));
    const latest = ranges.at(-1);
    matches.push({ domain, roles: contactRoles.filter((role) => roles.has(role)), ranges, current: latest !== undefined && latest.until === null });
  }
  return matches.sort((a, b) => Number(b.current) - Number(a.current) || b.ranges.at(-1)!.lastSeen.localeCompare(a.ranges.at(-1)!.lastSeen) || a.domain.localeCompare(b.domain));
}

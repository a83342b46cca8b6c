import { createHash } from 'node:crypto';
import { UsageError } from '@indicia/core';
import { canonicalJson } from '@indicia/pivot';
import type { ConsoleDatabase } from './console-database.js';

export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditEvent {
  /** Null for events without a known user (a failed login names the username tried in `target`). */
  username: string | null;
  /** What was done: 'login', 'login-failed', 'search', 'view-ad', 'export', 'user-add', ... */
  action: string;
  /** What it was done to: an ad id, an indicator, a domain, a username... */
  target: string | null;
  details?: AuditDetails;
}

export interface AuditEntry {
  seq: number;
  at: string;
  username: string | null;
  action: string;
  target: string | null;
  details: AuditDetails;
  /** The previous entry's hash (64 zeros for the first). */
  prevHash: string;
  /** sha256(prevHash + canonical JSON of {seq, at, username, action, target, details}). */
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not chain: edited, reordered, or after a removed one. */
  brokenAt?: number;
  reason?: string;
  /**
   * The last entry, as `seq:hash`: kept outside the console (a case file, an email), it is an
   * anchor that a later `verify` checks, which is how removing the newest entries is found.
   */
  head?: string;
}

/** An entry recorded outside the console: the chain must still hold it, unchanged. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** Reads an anchor written as `seq:hash` (what `head` gives); throws UsageError otherwise. */
export function parseAuditAnchor(text: string): AuditAnchor {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match || Number(match[1]) < 1) throw new UsageError(`an audit anchor is SEQ:HASH, the "head" a verification printed (e.g. 42:${'0'.repeat(8)}…), not "${text}"`);
  return { seq: Number(match[1]), hash: match[2]! };
}

export const genesisHash = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  username: string | null;
  action: string;
  target: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * The console's audit trail: who searched, viewed and exported what, and every account change.
 * Append-only (the table refuses UPDATE and DELETE) and hash-chained, so an edit made to the file
 * by other means is found by `verify`.
 */
export class AuditLog {
  constructor(
    private readonly db: ConsoleDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  append(event: AuditEvent): AuditEntry {
    // IMMEDIATE: the server and `indicia users` may append at once; each must chain to the other's last entry.
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const body = {
        seq: (last?.seq ?? 0) + 1,
        at: this.now().toISOString(),
        username: event.username,
        action: event.action,
        target: event.target,
        details: event.details ?? {},
      };
      const prevHash = last?.hash ?? genesisHash;
      const hash = entryHash(prevHash, body);
      this.db
        .prepare('INSERT INTO audit_log (seq, at, username, action, target, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(body.seq, body.at, body.username, body.action, body.target, JSON.stringify(body.details), prevHash, hash);
      return { ...body, prevHash, hash };
    }).immediate();
  }

  /** Newest first. */
  page(options: { limit: number; offset: number }): { entries: AuditEntry[]; total: number } {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?').all(options.limit, options.offset) as AuditRow[];
    const total = this.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    return { entries: rows.map(toEntry), total };
  }

  /**
   * Walks the whole chain, oldest first. The chain alone finds an edited, reordered or removed
   * entry, except the newest ones: their removal leaves a shorter chain that is intact. The
   * anchors (heads of earlier verifications, kept elsewhere) find that too.
   */
  verify(options: { anchors?: readonly AuditAnchor[] } = {}): AuditVerification {
    let expectedPrev = genesisHash;
    let entries = 0;
    const anchored = new Map((options.anchors ?? []).map((anchor) => [anchor.seq, anchor.hash]));
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
      entries++;
      const broken = (reason: string): AuditVerification => ({ ok: false, entries, brokenAt: row.seq, reason });
      if (row.seq !== entries) return broken(`expected entry ${entries}, found ${row.seq}: entries are missing`);
      if (row.prev_hash !== expectedPrev) return broken('its prevHash is not the hash of the entry before it');
      let details: AuditDetails;
      try {
        details = JSON.parse(row.details_json) as AuditDetails;
      } catch {
        return broken('its details are not JSON');
      }
      const body = { seq: row.seq, at: row.at, username: row.username, action: row.action, target: row.target, details };
      if (entryHash(row.prev_hash, body) !== row.hash) return broken('its contents do not match its hash (edited)');
      if (anchored.has(row.seq) && anchored.get(row.seq) !== row.hash) return broken(`it is not the entry anchored as ${row.seq}:${anchored.get(row.seq)}: the log was rewritten from here or before`);
      expectedPrev = row.hash;
    }
    const head = entries > 0 ? `${entries}:${expectedPrev}` : undefined;
    const beyond = Math.max(0, ...anchored.keys());
    if (beyond > entries) {
      return { ok: false, entries, brokenAt: entries + 1, reason: `the log ends at entry ${entries} but entry ${beyond} was anchored: the newest entries were removed`, ...(head ? { head } : {}) };
    }
    return { ok: true, entries, ...(head ? { head } : {}) };
  }
}

function entryHash(prevHash: string, body: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(body as unknown as Parameters<typeof canonicalJson>[0])).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    username: row.username,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details_json) as AuditDetails,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

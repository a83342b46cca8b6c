import type { ConsoleDatabase } from './console-database.js';
import { randomSecret, secretHash } from './secret-token.js';

export interface SessionPolicy {
  /** A session unused this long ends. Default 30 minutes. */
  idleMs: number;
  /** A session ends this long after login, however busy. Default 12 hours. */
  absoluteMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

export interface LiveSession {
  username: string;
  csrfToken: string;
}

interface SessionRow {
  username: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

/** Login sessions: the cookie holds a random id, the database its sha256. */
export class Sessions {
  constructor(
    private readonly db: ConsoleDatabase,
    private readonly policy: SessionPolicy = defaultSessionPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  create(username: string): { sessionId: string; csrfToken: string } {
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    const at = this.now();
    this.db.prepare('INSERT INTO sessions (id_hash, username, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(secretHash(sessionId), username, csrfToken, at, at);
    // Expired sessions of anyone are removed at each login, so the table does not grow forever.
    this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(at - this.policy.idleMs, at - this.policy.absoluteMs);
    return { sessionId, csrfToken };
  }

  /** The live session with this id, its idle clock restarted; null when unknown or expired. */
  resolve(sessionId: string): LiveSession | null {
    const idHash = secretHash(sessionId);
    const row = this.db.prepare('SELECT username, csrf_token, created_at, last_seen_at FROM sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
    if (!row) return null;
    const at = this.now();
    if (at - row.last_seen_at > this.policy.idleMs || at - row.created_at > this.policy.absoluteMs) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
      return null;
    }
    // One write a second at most per session: a page firing ten requests does not rewrite the row ten times.
    if (at - row.last_seen_at > 1000) this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
    return { username: row.username, csrfToken: row.csrf_token };
  }

  end(sessionId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(secretHash(sessionId));
  }

  endAllOf(username: string): void {
    this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
  }
}

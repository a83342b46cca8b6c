import { randomUUID } from 'node:crypto';
import type { ConsoleDatabase } from './console-database.js';
import { randomSecret, secretHash } from './secret-token.js';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** An API token as created: `token` is shown this once and never stored. */
export interface CreatedApiToken extends ApiTokenInfo {
  token: string;
}

/** Prefix of every token, so a leaked one is recognisable (secret scanners, logs). */
export const apiTokenPrefix = 'indicia_';

interface TokenRow {
  id: string;
  username: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** API tokens for scripts (`Authorization: Bearer ...`), each acting with its owner's role. */
export class ApiTokens {
  constructor(private readonly db: ConsoleDatabase) {}

  create(username: string, name: string): CreatedApiToken {
    const token = randomSecret(apiTokenPrefix);
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    this.db.prepare('INSERT INTO api_tokens (id, username, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(id, username, name, secretHash(token), createdAt);
    return { id, name, createdAt, lastUsedAt: null, token };
  }

  list(username: string): ApiTokenInfo[] {
    return (this.db.prepare('SELECT * FROM api_tokens WHERE username = ? ORDER BY created_at, id').all(username) as TokenRow[]).map(toInfo);
  }

  /** False when the user has no token with this id. */
  revoke(username: string, id: string): boolean {
    return this.db.prepare('DELETE FROM api_tokens WHERE username = ? AND id = ?').run(username, id).changes > 0;
  }

  /** The owner of the token; null when it is unknown or revoked. */
  resolve(token: string): string | null {
    if (!token.startsWith(apiTokenPrefix)) return null;
    const hash = secretHash(token);
    const row = this.db.prepare('SELECT username FROM api_tokens WHERE token_hash = ?').get(hash) as { username: string } | undefined;
    if (!row) return null;
    this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?').run(new Date().toISOString(), hash);
    return row.username;
  }
}

function toInfo(row: TokenRow): ApiTokenInfo {
  return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

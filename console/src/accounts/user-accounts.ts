import { UsageError } from '@indicia/core';
import { isRole, type Role } from '../roles.js';
import type { ConsoleDatabase } from './console-database.js';
import { decoyHash, defaultScryptCost, hashPassword, verifyPassword, type ScryptCost } from './password-hash.js';

export interface ConsoleUser {
  username: string;
  role: Role;
  createdAt: string;
  /** The password was given once (generated and shown): the user must set their own before anything else. */
  mustChangePassword: boolean;
}

export interface NewUser {
  username: string;
  role: Role;
  password: string;
  /** A generated password, shown once: it lets the user in only to set their own. */
  oneTime?: boolean;
}

/** Shortest password accepted: long passphrases beat composition rules (NIST SP 800-63B). */
export const minPasswordLength = 12;

/** `add` with a name already taken: the caller asked for something that exists (the API answers 409). */
export class UserExistsError extends UsageError {
  override readonly name: string = 'UserExistsError';
}
const usernamePattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;

interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  must_change_password: number;
}

/** Local console users with scrypt password hashes. */
export class UserAccounts {
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly db: ConsoleDatabase,
    private readonly cost: ScryptCost = defaultScryptCost,
  ) {}

  /** Lowercased and trimmed; throws UsageError when it cannot be a username. */
  static normaliseUsername(input: string): string {
    const username = input.trim().toLowerCase();
    if (!usernamePattern.test(username)) throw new UsageError(`"${input}" cannot be a username: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit`);
    return username;
  }

  static checkPassword(password: string): void {
    if (password.length < minPasswordLength) throw new UsageError(`a password needs at least ${minPasswordLength} characters (a few words make a good one)`);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) FROM users').pluck().get() as number) ?? 0;
  }

  list(): ConsoleUser[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  get(username: string): ConsoleUser | null {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** Throws UsageError for a bad name, a short password or a name already taken. */
  async add(user: NewUser): Promise<ConsoleUser> {
    const username = UserAccounts.normaliseUsername(user.username);
    if (!isRole(user.role)) throw new UsageError(`unknown role "${String(user.role)}": use viewer, analyst or admin`);
    UserAccounts.checkPassword(user.password);
    const passwordHash = await hashPassword(user.password, this.cost);
    const createdAt = new Date().toISOString();
    const mustChangePassword = user.oneTime ?? false;
    const inserted = this.db
      .prepare('INSERT OR IGNORE INTO users (username, role, password_hash, created_at, must_change_password) VALUES (?, ?, ?, ?, ?)')
      .run(username, user.role, passwordHash, createdAt, mustChangePassword ? 1 : 0);
    if (inserted.changes === 0) throw new UserExistsError(`there is already a user named ${username}`);
    return { username, role: user.role, createdAt, mustChangePassword };
  }

  /**
   * Sets a new password; `oneTime` for a generated one an admin hands over. False when there is no
   * such user; UsageError for a short password. Callers end the user's sessions
   * (ConsoleAccounts.setPassword does both).
   */
  async setPassword(username: string, password: string, options: { oneTime: boolean }): Promise<boolean> {
    UserAccounts.checkPassword(password);
    const passwordHash = await hashPassword(password, this.cost);
    return this.db.prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE username = ?').run(passwordHash, options.oneTime ? 1 : 0, username).changes > 0;
  }

  /** Removes the user, their sessions, tokens and watchlists (the audit trail stays). False when there was no such user. */
  remove(username: string): boolean {
    return this.db.prepare('DELETE FROM users WHERE username = ?').run(username).changes > 0;
  }

  countWithRole(role: Role): number {
    return this.db.prepare('SELECT count(*) FROM users WHERE role = ?').pluck().get(role) as number;
  }

  /** The user when the password is theirs; null otherwise, after the same amount of work either way. */
  async authenticate(username: string, password: string): Promise<ConsoleUser | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username.trim().toLowerCase()) as UserRow | undefined;
    if (!row) {
      this.decoy ??= decoyHash(this.cost);
      await verifyPassword(password, await this.decoy);
      return null;
    }
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : null;
  }
}

function toUser(row: UserRow): ConsoleUser {
  return { username: row.username, role: row.role as Role, createdAt: row.created_at, mustChangePassword: row.must_change_password === 1 };
}

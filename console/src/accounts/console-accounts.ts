import { randomBytes } from 'node:crypto';
import { UsageError } from '@indicia/core';
import { ApiTokens } from './api-tokens.js';
import { AuditLog } from './audit-log.js';
import { openConsoleDatabase, type ConsoleDatabase } from './console-database.js';
import { defaultScryptCost, type ScryptCost } from './password-hash.js';
import { defaultSessionPolicy, Sessions, type SessionPolicy } from './sessions.js';
import { UserAccounts } from './user-accounts.js';
import { Watchlists } from './watchlists.js';

export interface ConsoleAccountsOptions {
  scryptCost?: ScryptCost;
  sessionPolicy?: SessionPolicy;
  /** Clock for session expiry (tests move it). */
  now?: () => number;
}

/** What the first run did about the admin account. */
export type FirstAdmin = { created: false } | { created: true; username: string; password: string; generated: boolean };

/** Everything the console keeps in `<data>/console.sqlite`. */
export class ConsoleAccounts {
  readonly users: UserAccounts;
  readonly sessions: Sessions;
  readonly tokens: ApiTokens;
  readonly watchlists: Watchlists;
  readonly audit: AuditLog;

  private constructor(
    private readonly db: ConsoleDatabase,
    options: ConsoleAccountsOptions,
  ) {
    this.users = new UserAccounts(db, options.scryptCost ?? defaultScryptCost);
    this.sessions = new Sessions(db, options.sessionPolicy ?? defaultSessionPolicy, options.now);
    this.tokens = new ApiTokens(db);
    this.watchlists = new Watchlists(db);
    this.audit = new AuditLog(db, options.now ? () => new Date(options.now!()) : undefined);
  }

  static open(dataDir: string, options: ConsoleAccountsOptions = {}): ConsoleAccounts {
    return new ConsoleAccounts(openConsoleDatabase(dataDir), options);
  }

  /**
   * With no users at all, creates `admin` with the given password (INDICIA_ADMIN_PASSWORD) or a
   * generated one-time password, which the caller prints once and which lets admin in only to set
   * their own. Does nothing when any user exists.
   */
  async ensureFirstAdmin(options: { password?: string } = {}): Promise<FirstAdmin> {
    if (this.users.count() > 0) return { created: false };
    const generated = options.password === undefined || options.password === '';
    const password = generated ? randomBytes(18).toString('base64url') : options.password!;
    try {
      await this.users.add({ username: 'admin', role: 'admin', password, oneTime: generated });
    } catch (error) {
      if (error instanceof UsageError && !generated) throw new UsageError(`INDICIA_ADMIN_PASSWORD: ${error.message}`, { cause: error });
      throw error;
    }
    this.audit.append({ username: null, action: 'user-add', target: 'admin', details: { role: 'admin', firstRun: true } });
    return { created: true, username: 'admin', password, generated };
  }

  /**
   * Sets a user's password and ends every session of theirs: a password changed because it leaked
   * must shut out whoever has it (the caller may then start a session of its own). False when
   * there is no such user.
   */
  async setPassword(username: string, password: string, options: { oneTime: boolean }): Promise<boolean> {
    const changed = await this.users.setPassword(username, password, options);
    if (changed) this.sessions.endAllOf(username);
    return changed;
  }

  close(): void {
    this.db.close();
  }
}

import type { Logger } from '@indicia/core';
import type { IndexStore } from '@indicia/indexer';
import type { ConsoleAccounts } from './accounts/console-accounts.js';
import type { LoginRateLimit } from './accounts/login-rate-limit.js';
import type { LinkGraphCache } from './api/link-graph-cache.js';
import type { AdTableFormat, EvidenceReader, InterpretQuery } from './ports.js';

/** What every route handler may use. */
export interface ConsoleDeps {
  store: IndexStore;
  accounts: ConsoleAccounts;
  interpretQuery: InterpretQuery;
  evidence: EvidenceReader;
  adTable: AdTableFormat;
  graphs: LinkGraphCache;
  loginLimit: LoginRateLimit;
  /** Session cookies get `Secure` (the console is behind https). */
  secureCookies: boolean;
  logger: Logger;
}

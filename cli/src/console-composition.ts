import { ConsoleAccounts, ConsoleServer, type FirstAdmin, type ListeningConsole } from '@indicia/console';
import { createLogger } from '@indicia/core';
import type { IndexStore } from '@indicia/indexer';
import { CaptureEvidenceReader } from './capture-evidence-reader.js';
import { csvFields, csvHeader } from './commands/export-csv.js';
import { interpretQuery } from './interpret-query.js';

export interface RunningConsole {
  url: string;
  firstAdmin: FirstAdmin;
  close(): Promise<void>;
}

export interface ConsoleStart {
  store: IndexStore;
  /** Holds console.sqlite (accounts, audit log) and the evidence (crawl.sqlite, blobs). */
  dataDir: string;
  port: number;
  host: string;
  secureCookies?: boolean;
  /** When `port` is taken, listen on any free port instead of failing (the demo). */
  fallbackToFreePort?: boolean;
}

/**
 * The console wired to the CLI's parts: the search box read by interpretQuery (the extractor's
 * normalisers), evidence from the data directory, CSV columns of `indicia export`. The caller keeps
 * the store; closing the console closes the rest.
 */
export async function startConsole(start: ConsoleStart): Promise<RunningConsole> {
  const accounts = ConsoleAccounts.open(start.dataDir);
  const evidence = CaptureEvidenceReader.open(start.dataDir);
  let listening: ListeningConsole;
  let firstAdmin: FirstAdmin;
  try {
    firstAdmin = await accounts.ensureFirstAdmin({ password: process.env.INDICIA_ADMIN_PASSWORD });
    const server = new ConsoleServer({
      store: start.store,
      accounts,
      evidence,
      interpretQuery: (input) => interpretQuery(input),
      adTable: { header: csvHeader, cells: csvFields },
      logger: createLogger({ name: 'console' }),
      secureCookies: start.secureCookies ?? false,
    });
    listening = await server.listen({ port: start.port, host: start.host }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' || !start.fallbackToFreePort) throw error;
      process.stderr.write(`console: port ${start.port} is taken, using a free one\n`);
      return server.listen({ port: 0, host: start.host });
    });
  } catch (error) {
    evidence.close();
    accounts.close();
    throw error;
  }
  return {
    url: listening.url,
    firstAdmin,
    close: async () => {
      await listening.close();
      evidence.close();
      accounts.close();
    },
  };
}

/** The line that hands over the first admin's password; shown once, on stderr. */
export function firstAdminLine(firstAdmin: FirstAdmin): string | null {
  if (!firstAdmin.created) return null;
  if (!firstAdmin.generated) return `console: created user ${firstAdmin.username} (admin) with the password in INDICIA_ADMIN_PASSWORD\n`;
  return `console: created user ${firstAdmin.username} (admin) with the one-time password ${firstAdmin.password}\n         it is shown once, and works once: log in with it and set your own (add users with: indicia users add NAME --role analyst)\n`;
}

import type { ConsoleAccounts } from '@indicia/console';

export interface DataFlags {
  data?: string;
}

/** Opens <data>/console.sqlite for one command and closes it, whatever the command did. */
export async function withAccounts(flags: DataFlags, use: (accounts: ConsoleAccounts) => Promise<void>): Promise<void> {
  const { ConsoleAccounts } = await import('@indicia/console');
  const { resolveDataDir } = await import('../data-dir.js');
  const accounts = ConsoleAccounts.open(resolveDataDir(flags.data));
  try {
    await use(accounts);
  } finally {
    accounts.close();
  }
}

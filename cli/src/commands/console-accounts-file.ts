import type { ConsoleAccounts } from '@indicia/console';

export interface DataFlags {
  data?: string;
}

/** Opens <dataDir>/console.sqlite for one command and closes it, whatever the command did. */
export async function withAccounts(dataDir: string, use: (accounts: ConsoleAccounts) => Promise<void>): Promise<void> {
  const { ConsoleAccounts } = await import('@indicia/console');
  const accounts = ConsoleAccounts.open(dataDir);
  try {
    await use(accounts);
  } finally {
    accounts.close();
  }
}

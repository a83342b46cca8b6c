import { firstAdminLine, startConsole } from '../console-composition.js';
import { consoleTextCandidates } from '../console-text-candidates.js';
import { dataDirLayout } from '../data-dir.js';

/** The console `indicia demo` opens on its fresh index: on the given port, or on any free one when that port is taken. */
export async function openDemoConsole(options: { dataDir: string; port: number }): Promise<{ close(): Promise<void> }> {
  const { SqliteIndexStore } = await import('@indicia/indexer');
  const store = SqliteIndexStore.open(dataDirLayout(options.dataDir).index, { textCandidateLimit: consoleTextCandidates });
  const running = await startConsole({ store, dataDir: options.dataDir, port: options.port, host: '127.0.0.1', fallbackToFreePort: true }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  process.stdout.write(`\nThe investigator console: ${running.url}  (log in as admin)\n`);
  process.stderr.write(firstAdminLine(running.firstAdmin) ?? 'console: log in as admin with the password printed on the first run (or INDICIA_ADMIN_PASSWORD); more users: indicia users add NAME --role analyst\n');
  return {
    close: async () => {
      await running.close();
      await store.close();
    },
  };
}

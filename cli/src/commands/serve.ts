import type { Command } from 'commander';
import { UsageError } from '@indicia/core';
import { consoleTextCandidates } from '../console-text-candidates.js';
import { integerFlag } from '../integer-flag.js';

interface ServeFlags {
  port: number;
  host: string;
  data?: string;
  es?: string;
  secureCookies?: boolean;
  textCandidates: number;
}


export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Open the investigator console: a web UI and JSON API (with an OpenAPI document) over the index, with accounts and an audit log')
    .option('--port <n>', 'port to listen on (0: any free port)', integerFlag({ min: 0 }), 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data directory: its index, evidence and console.sqlite (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'serve the distributed index in this Elasticsearch instead of the data directory\'s SQLite index (env INDICIA_ES); accounts stay in --data')
    .option('--text-candidates <n>', 'SQLite: full-text queries rank the N most recently indexed matches; a query matching more shows its total as "N+" (smaller is faster)', integerFlag({ min: 1 }), consoleTextCandidates)
    .option('--secure-cookies', 'mark the session cookie Secure: set it when an https reverse proxy serves the console')
    .addHelpText(
      'after',
      `
The first run creates the user "admin" and prints a one-time password on stderr, once: it lets
admin in only to set their own password. For an automated set-up give the password instead:
INDICIA_ADMIN_PASSWORD='long passphrase' indicia serve.
Accounts, sessions, API tokens, watchlists and the audit log live in <data>/console.sqlite.

Roles: viewer (search and read), analyst (also watchlists and exports), admin (also users and the
audit log). Manage accounts with: indicia users --help
The API is under /api/v1 (OpenAPI: /api/v1/openapi.json); scripts use an API token made in the UI
(or POST /api/v1/tokens) as "Authorization: Bearer <token>".

The console binds to 127.0.0.1: it speaks plain HTTP. To reach it from other machines, put a TLS
reverse proxy in front and pass --secure-cookies, rather than --host 0.0.0.0.

Examples:
  $ indicia serve                                  http://127.0.0.1:8080/ over ./indicia-data
  $ indicia serve --port 9000 --data /cases/42
  $ indicia serve --es http://127.0.0.1:9200 --data ./console-data
  $ curl -s -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8080/api/v1/search?q=(702)%20555-0134'`,
    )
    .action(async (flags: ServeFlags) => {
      if (flags.port > 65535) throw new UsageError('--port must be at most 65535');
      const { openIndexStore } = await import('../open-index-store.js');
      const { resolveDataDir } = await import('../data-dir.js');
      const { startConsole, firstAdminLine } = await import('../console-composition.js');
      const dataDir = resolveDataDir(flags.data);
      const store = await openIndexStore({ ...flags, textCandidateLimit: flags.textCandidates });
      try {
        const summary = await store.summary();
        const running = await startConsole({ store, dataDir, port: flags.port, host: flags.host, secureCookies: flags.secureCookies });
        const adminLine = firstAdminLine(running.firstAdmin);
        if (adminLine) process.stderr.write(adminLine);
        if (!isLoopback(flags.host)) process.stderr.write(`warning: the console listens on ${flags.host} over plain HTTP; passwords and session cookies cross the network unencrypted unless a TLS proxy is in front\n`);
        const where = store.kind === 'elasticsearch' ? `Elasticsearch ${flags.es ?? process.env.INDICIA_ES}` : `SQLite in ${dataDir}`;
        process.stdout.write(`console: ${running.url}\nindex: ${where}: ${summary.ads} ads, ${summary.indicators} indicators, ${summary.sites.length} sites\naccounts and audit log: ${dataDir}/console.sqlite\n(Ctrl-C stops it)\n`);
        await untilStopped();
        await running.close();
      } finally {
        await store.close();
      }
    });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

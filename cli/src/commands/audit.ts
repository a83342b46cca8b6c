import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '@indicia/core';
import { resolveDataDir } from '../data-dir.js';
import { AuditLogBrokenError } from './audit-log-broken-error.js';
import { withAccounts, type DataFlags } from './console-accounts-file.js';

/** `indicia audit verify`: checks the console's hash-chained audit log, from the command line. */
export function registerAuditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description("Check the console's audit log (<data>/console.sqlite): its hash chain and anchors kept from before")
    .addHelpText(
      'after',
      `
Every search, view, export and account change in the console is an entry of an append-only log
in which each entry's hash covers the one before. An edited, reordered or removed entry breaks the
chain, except the newest ones: a log cut short still chains. So keep the head that each
verification prints (SEQ:HASH) outside the console, in the case file or an email; verifying
against it later shows whether any entry up to it was removed or rewritten.

Examples:
  $ indicia audit verify                               the chain, and the head to keep
  $ indicia audit verify --anchor 1834:9f2c…e01        also check an anchor kept from before
  $ indicia audit verify --json --data /cases/op-7`,
    );

  audit
    .command('verify')
    .description('Walk the hash chain and check each anchor; exit 1 if anything does not hold')
    .option('--anchor <seq:hash>', 'a head printed by an earlier verification (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--json', 'print the result as JSON')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .action(async (flags: DataFlags & { anchor: string[]; json?: boolean }) => {
      const { consoleDatabaseName, parseAuditAnchor } = await import('@indicia/console');
      const anchors = flags.anchor.map(parseAuditAnchor);
      const dataDir = resolveDataDir(flags.data);
      if (!existsSync(join(dataDir, consoleDatabaseName))) throw new UsageError(`no ${consoleDatabaseName} in ${dataDir}: the console keeps its audit log there (indicia serve --data DIR); pass --data`);
      await withAccounts(dataDir, async (accounts) => {
        // Read-only: verifying adds no entry, so a copy kept as evidence is checked as it is.
        const result = accounts.audit.verify({ anchors });
        if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.ok) {
          const checked = anchors.length > 0 ? `; ${anchors.length} anchor(s) hold` : '';
          process.stdout.write(`audit log intact: ${result.entries} entries, each chained to the one before${checked}\n`);
          if (result.head) process.stdout.write(`head: ${result.head}\n(keep it outside the console: verify --anchor ${result.head} later shows whether entries were removed)\n`);
        }
        if (!result.ok) throw new AuditLogBrokenError(`the audit log is broken at entry ${result.brokenAt}: ${result.reason} (${result.entries} entries read)`);
      });
    });
}

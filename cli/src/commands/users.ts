import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { UsageError } from '@indicia/core';
import { resolveDataDir } from '../data-dir.js';
import { withAccounts, type DataFlags } from './console-accounts-file.js';


/** `indicia users add|passwd|list|remove`: the console's local accounts, in <data>/console.sqlite. */
export function registerUsersCommand(program: Command): void {
  const users = program
    .command('users')
    .description('Manage the console\'s accounts (viewer, analyst, admin) in <data>/console.sqlite')
    .addHelpText(
      'after',
      `
Roles: viewer searches and reads; analyst also keeps watchlists and exports; admin also manages
users and reads the audit log. Every change is written to the console's audit log.

A generated password is shown once and works once: it lets the user in only to set their own
(the console asks at login). Users change theirs on the Account page.

Examples:
  $ indicia users add maria --role analyst                 prints a one-time password
  $ printf '%s' "$PASS" | indicia users add ops --role admin --password-stdin
  $ indicia users passwd maria                             forgot it: a new one-time password
  $ indicia users list
  $ indicia users remove maria`,
    );

  users
    .command('add')
    .description('Add a user; prints a generated password once unless --password-stdin gives one')
    .argument('<name>', 'username: letters, digits, dots, dashes, underscores')
    .requiredOption('--role <role>', 'viewer, analyst or admin')
    .option('--password-stdin', 'read the password from stdin (at least 12 characters) instead of generating one')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .action(async (name: string, flags: DataFlags & { role: string; passwordStdin?: boolean }) => {
      const { isRole } = await import('@indicia/console');
      if (!isRole(flags.role)) throw new UsageError(`unknown role "${flags.role}": use viewer, analyst or admin`);
      const role = flags.role;
      const password = flags.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : randomBytes(18).toString('base64url');
      await withAccounts(resolveDataDir(flags.data), async (accounts) => {
        // A generated password is one-time: it lets the user in only to set their own.
        const user = await accounts.users.add({ username: name, role, password, oneTime: !flags.passwordStdin });
        accounts.audit.append({ username: null, action: 'user-add', target: user.username, details: { role, via: 'command line' } });
        process.stdout.write(`added ${user.username} (${role})\n`);
        if (!flags.passwordStdin) process.stdout.write(`password: ${password}\n(shown once: hand it over now; it works once, to set their own)\n`);
      });
    });

  users
    .command('passwd')
    .description("Reset a user's password and end their sessions; prints a generated one-time password unless --password-stdin gives one")
    .argument('<name>', 'username')
    .option('--password-stdin', 'read the new password from stdin (at least 12 characters) instead of generating one')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .action(async (name: string, flags: DataFlags & { passwordStdin?: boolean }) => {
      await withAccounts(resolveDataDir(flags.data), async (accounts) => {
        const { UserAccounts } = await import('@indicia/console');
        const username = UserAccounts.normaliseUsername(name);
        const password = flags.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : randomBytes(18).toString('base64url');
        if (!(await accounts.setPassword(username, password, { oneTime: !flags.passwordStdin }))) throw new UsageError(`no user named ${username} (see indicia users list)`);
        accounts.audit.append({ username: null, action: 'password-reset', target: username, details: { via: 'command line' } });
        process.stdout.write(`reset the password of ${username}; their sessions ended\n`);
        if (!flags.passwordStdin) process.stdout.write(`password: ${password}\n(shown once: hand it over now; it works once, to set their own)\n`);
      });
    });

  users
    .command('list')
    .description('List users and roles')
    .option('--json', 'print as JSON')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .action(async (flags: DataFlags & { json?: boolean }) => {
      await withAccounts(resolveDataDir(flags.data), async (accounts) => {
        const list = accounts.users.list();
        if (flags.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else if (list.length === 0) process.stdout.write('no users yet: `indicia serve` creates admin on its first run\n');
        else {
          for (const user of list) {
            const pending = user.mustChangePassword ? '  (one-time password: not yet replaced)' : '';
            process.stdout.write(`${user.username.padEnd(24)} ${user.role.padEnd(8)} since ${user.createdAt.slice(0, 10)}${pending}\n`);
          }
        }
      });
    });

  users
    .command('remove')
    .description('Remove a user, their sessions, API tokens and watchlists (their audit trail stays)')
    .argument('<name>', 'username')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .action(async (name: string, flags: DataFlags) => {
      await withAccounts(resolveDataDir(flags.data), async (accounts) => {
        const { UserAccounts } = await import('@indicia/console');
        const username = UserAccounts.normaliseUsername(name);
        const user = accounts.users.get(username);
        if (!user) throw new UsageError(`no user named ${username} (see indicia users list)`);
        if (user.role === 'admin' && accounts.users.countWithRole('admin') === 1) throw new UsageError(`${username} is the only admin: add another admin first`);
        accounts.users.remove(username);
        accounts.audit.append({ username: null, action: 'user-remove', target: username, details: { via: 'command line' } });
        process.stdout.write(`removed ${username}\n`);
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

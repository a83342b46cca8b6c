import { Command, CommanderError } from 'commander';
import { UsageError, describeError } from '@indicia/core';
import { registerCrawlCommand } from './commands/crawl.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerEvidenceCommand } from './commands/evidence.js';
import { registerExportCommand } from './commands/export.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerGraphCommands } from './commands/graph.js';
import { registerPivotCommand } from './commands/pivot-reverse.js';
import { registerRegistrationCommands } from './commands/registration-lookups.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUsersCommand } from './commands/users.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerTestbedCommand } from './commands/testbed.js';
import { registerStatusCommand } from './commands/status.js';
import { registerWorkerCommand } from './commands/worker.js';

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('indicia')
    .description('Crawl ad sites, extract contact indicators (phones, emails, handles) and search them.\nOpen-source tooling for anti-trafficking investigations.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addHelpText(
    'after',
    `
Start here:
  $ indicia demo                    crawl the built-in synthetic ad web, index it, keep it running
  $ indicia search "(702) 555-0134" find ads holding a phone number, in any format
  $ indicia crawl https://ads.example --proxy http://127.0.0.1:8118
  $ indicia worker --help           distributed mode: stages as Kafka workers, the index in Elasticsearch

Data lives in ./indicia-data unless --data DIR or INDICIA_DATA says otherwise.
Each command has its own help: indicia <command> --help`,
  );
  registerDemoCommand(program);
  registerCrawlCommand(program);
  registerSearchCommand(program);
  registerExportCommand(program);
  registerExtractCommand(program);
  registerEvidenceCommand(program);
  registerPivotCommand(program);
  registerGraphCommands(program);
  registerRegistrationCommands(program);
  registerWorkerCommand(program);
  registerStatusCommand(program);
  registerServeCommand(program);
  registerUsersCommand(program);
  registerAuditCommand(program);
  registerTestbedCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 failure, 2 usage error. Errors are one line. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
      return exitCodes.usage; // commander already printed the one-line reason
    }
    if (error instanceof UsageError) {
      process.stderr.write(`indicia: ${error.message}\n`);
      return exitCodes.usage;
    }
    process.stderr.write(`indicia: ${describeError(error)}\n`);
    if (process.env.INDICIA_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return exitCodes.failure;
  }
}

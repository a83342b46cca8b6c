import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { UsageError } from '@indicia/core';
import { integerFlag } from '../integer-flag.js';

interface ExtractFlags {
  input?: string;
  output?: string;
  country?: string;
  workers?: number;
  progressInterval: number;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Extract indicators from a corpus of texts: JSON Lines in, JSON Lines out')
    .option('--input <file>', 'read JSON Lines from this file instead of stdin')
    .option('--output <file>', 'write JSON Lines to this file instead of stdout')
    .option('--country <cc>', 'country for national phone numbers in lines without "country" (ISO code, e.g. US)')
    .option('--workers <n>', 'worker threads that extract (default: cores - 1, at least 1; env INDICIA_EXTRACT_WORKERS; 0: in the main thread)', integerFlag({ min: 0 }))
    .addOption(new Option('--progress-interval <seconds>', 'seconds between progress lines on stderr').argParser(integerFlag()).default(5).hideHelp())
    .addHelpText(
      'after',
      `
Input, one JSON object per line (other keys are ignored):
  {"id": "ad-1", "text": "Call (702) 555-0134", "country": "US", "html": "<p>...</p>"}
  id and text are required; country (ISO 3166 alpha-2) and html are optional.
Output, one line per input line, in the same order:
  {"id": "ad-1", "indicators": [{"type": "phone", "value": "+17025550134", "raw": "(702) 555-0134", "start": 5, "end": 19}]}
  type is phone, email, handle, crypto, domain or url; platform (handles) and chain (crypto) appear when they apply.
  One entry per distinct indicator, with raw, start and end of its first occurrence. Indicators of
  "text" come first, offsets into text; then those found only in "html" (its visible text and links),
  with offsets into the html string as given (raw = html.slice(start, end)).
A bad line (not JSON, missing or mistyped id/text, bad country) is reported on stderr with its
line number and skipped: no output line for it. Blank lines are ignored. Progress and a summary go
to stderr; the exit code is 0 when every readable line was processed.

Examples:
  $ indicia extract --input ads.jsonl --output indicators.jsonl --country US
  $ cat ads.jsonl | indicia extract > indicators.jsonl
  $ echo '{"id":"1","text":"write to anna@example.com"}' | indicia extract`,
    )
    .action(async (flags: ExtractFlags) => {
      const { isBatchCountry } = await import('@indicia/extractor');
      if (flags.country !== undefined && !isBatchCountry(flags.country)) throw new UsageError(`--country "${flags.country}" is not an ISO 3166 alpha-2 country code (e.g. US, GB)`);
      const { resolveBatchWorkers } = await import('../extract-workers-setting.js');
      const workers = resolveBatchWorkers(flags.workers, process.env);
      const { runBatchExtraction } = await import('../batch-extraction.js');
      const input = await openInput(flags.input);
      const output: Writable = flags.output ? createWriteStream(flags.output) : process.stdout;
      if (!flags.input && process.stdin.isTTY) process.stderr.write('extract: reading JSON Lines from stdin (end with Ctrl-D)\n');
      try {
        await runBatchExtraction({
          input,
          output,
          log: process.stderr,
          ...(flags.country ? { defaultCountry: flags.country.toUpperCase() } : {}),
          progressIntervalMs: flags.progressInterval * 1000,
          workers,
        });
      } finally {
        input.destroy();
        if (flags.output) {
          output.end();
          await once(output, 'finish');
        }
      }
    });
}

async function openInput(path: string | undefined): Promise<Readable> {
  if (!path) return process.stdin;
  try {
    const handle = await open(path, 'r');
    return handle.createReadStream({ encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new UsageError(`cannot read --input ${path}: ${code}`, { cause: error });
    throw error;
  }
}

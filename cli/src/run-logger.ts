import { join } from 'node:path';
import { pino } from 'pino';
import { createLogger, type Logger } from '@indicia/core';

export interface RunLoggerOptions {
  /** Also (instead) write the JSON log lines to stderr, e.g. for `--verbose` or containers. */
  toStderr: boolean;
  logsDir: string;
  runId: string;
}

export interface RunLogger {
  log: Logger;
  /** Where the JSON lines went, to tell the user. */
  location: string;
}

/**
 * A run's JSON-lines log goes to a file in the data directory, so the terminal stays readable
 * (progress line, summary); `--verbose` sends it to stderr instead.
 */
export function createRunLogger(options: RunLoggerOptions): RunLogger {
  if (options.toStderr) return { log: createLogger({ level: process.env.INDICIA_LOG_LEVEL ?? 'debug' }), location: 'stderr' };
  const file = join(options.logsDir, `${options.runId}.jsonl`);
  return { log: createLogger({ destination: pino.destination({ dest: file, mkdir: true, sync: true }) }), location: file };
}

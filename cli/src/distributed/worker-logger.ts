import { createLogger, type Logger } from '@indicia/core';

/** A worker is a long-running service: its JSON log goes to stderr, as services' logs do. */
export function workerLogger(flags: { verbose?: boolean }, kind: string): Logger {
  return createLogger({ level: flags.verbose ? 'debug' : (process.env.INDICIA_LOG_LEVEL ?? 'info') }).child({ worker: kind });
}

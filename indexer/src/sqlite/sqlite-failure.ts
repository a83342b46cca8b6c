import Database from 'better-sqlite3';
import { RetryableError, StopRunError } from '@indicia/core';

const transientCodes = /^SQLITE_(BUSY|LOCKED)/;
const fatalCodes = /^SQLITE_(FULL|IOERR|CORRUPT|NOTADB|READONLY|CANTOPEN|PERM)/;

/**
 * Names a SQLite failure for what the runtime should do: another process holding the lock is
 * worth retrying; a full disk or a damaged file stops the run. Anything else is a bug and is
 * returned unchanged so it keeps its stack.
 */
export function classifySqliteFailure(error: unknown, doing: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  if (transientCodes.test(error.code)) return new RetryableError(`index busy while ${doing} (${error.code})`, { cause: error });
  if (fatalCodes.test(error.code)) return new StopRunError(`index unusable while ${doing} (${error.code}): ${error.message}`, { cause: error });
  return error;
}

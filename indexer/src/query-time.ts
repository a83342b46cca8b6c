import { UsageError } from '@indicia/core';

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time needs a zone (Z or ±hh:mm): a bare local time would mean whatever the server's zone is. */
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time a query bounds ads by, as stored times are written (ISO 8601 UTC with milliseconds), so
 * adapters compare it with stored times as they compare those with each other. A bare date is a
 * whole UTC day: its start when it opens a range, its last millisecond when it closes one.
 */
export function queryTime(value: string, options: { name: string; endOfDay: boolean }): string {
  const trimmed = value.trim();
  const day = dateOnly.exec(trimmed);
  if (day) {
    const start = new Date(`${trimmed}T00:00:00.000Z`);
    if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== trimmed) throw invalid(options.name, value);
    return options.endOfDay ? `${trimmed}T23:59:59.999Z` : start.toISOString();
  }
  if (!dateTime.test(trimmed)) throw invalid(options.name, value);
  const time = new Date(trimmed);
  if (Number.isNaN(time.getTime())) throw invalid(options.name, value);
  return time.toISOString();
}

function invalid(name: string, value: string): UsageError {
  return new UsageError(`${name} must be an ISO 8601 date (2024-05-01) or date-time with a zone (2024-05-01T10:00:00Z) (got "${value.slice(0, 64)}")`);
}

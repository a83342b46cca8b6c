/** The console's audit log does not hold: an entry edited, removed or rewritten. The command exits 1 with the message. */
export class AuditLogBrokenError extends Error {
  override readonly name = 'AuditLogBrokenError';
}

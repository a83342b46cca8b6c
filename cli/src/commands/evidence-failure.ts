/**
 * An evidence command that ran but could not vouch for what was asked: evidence altered or missing,
 * an unknown ad, an ad with no evidence recorded. The command exits 1 with the message.
 */
export class EvidenceCommandFailedError extends Error {
  override readonly name = 'EvidenceCommandFailedError';
}

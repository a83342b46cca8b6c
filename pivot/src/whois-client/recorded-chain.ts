import { maxRawRegistrationChars, type WhoisChainAnswer, type WhoisRecorded } from '@indicia/core';
import type { WhoisLookup } from './whois-client.js';

/**
 * The `chain` of a whois.recorded snapshot: every answer the lookup received before its final one
 * (a thin registry's, before its referral to the registrar), each cut like the snapshot's `raw`.
 * Empty object when the first server asked gave the final answer, so a snapshot spreads it in.
 */
export function recordedChainOf(lookup: Pick<WhoisLookup, 'answers'>): Pick<WhoisRecorded, 'chain'> {
  const earlier = lookup.answers.slice(0, -1);
  if (earlier.length === 0) return {};
  return {
    chain: earlier.map(
      (answer): WhoisChainAnswer => ({
        server: answer.server,
        raw: answer.raw.length > maxRawRegistrationChars ? answer.raw.slice(0, maxRawRegistrationChars) : answer.raw,
        rawSha256: answer.rawSha256,
        queriedAt: answer.queriedAt,
      }),
    ),
  };
}

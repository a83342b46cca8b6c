import { sha256Hex, type RegistrationSource, type WhoisRecorded } from '@indicia/core';
import type { ProviderSnapshot, RegistrationProvider } from './providers/registration-provider.js';
import { withDeadline, type UnavailableKind } from './providers/with-deadline.js';

/**
 * What asking a provider for a domain's past records gave: the snapshots to record, or why there
 * are none. A provider failure is an outcome here, never an exception: the domain's own lookup
 * goes on either way.
 */
export type HistoryImport =
  | { status: 'imported'; snapshots: Array<Omit<WhoisRecorded, 'domain'>> }
  | { status: 'unavailable'; kind: UnavailableKind; reason: string }
  | { status: 'rejected'; reason: string };

export interface ProviderHistoryImportOptions {
  /** The provider; its name is the snapshots' source ("whoisxml"). */
  provider: RegistrationProvider & { readonly name: RegistrationSource };
  /** The caller never waits longer than this for an answer; the request is cancelled then. */
  deadlineMs: number;
}

/**
 * Imports a provider's history of a domain: each of its records becomes a snapshot observed when
 * the provider saw it, with the provider's JSON as the raw response, so the history starts
 * before Indicia first looked.
 */
export function createProviderHistoryImport(options: ProviderHistoryImportOptions): (domain: string) => Promise<HistoryImport> {
  const { provider, deadlineMs } = options;
  return async (domain) => {
    const outcome = await withDeadline((signal) => provider.history(domain, { signal }), { deadlineMs });
    if (outcome.status === 'ok') return { status: 'imported', snapshots: outcome.value.map((snapshot) => recordedOf(snapshot, provider.name)) };
    if (outcome.status === 'rejected') return { status: 'rejected', reason: outcome.reason };
    return { status: 'unavailable', kind: outcome.kind, reason: outcome.reason };
  };
}

function recordedOf(snapshot: ProviderSnapshot, source: RegistrationSource): Omit<WhoisRecorded, 'domain'> {
  return { observedAt: snapshot.observedAt, source, server: source, record: snapshot.record, raw: snapshot.raw, rawSha256: sha256Hex(snapshot.raw) };
}

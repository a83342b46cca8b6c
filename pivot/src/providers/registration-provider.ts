import type { RegistrationRecord } from '@indicia/core';

/**
 * An external source of registration data (WhoisXML API today; DomainTools or SecurityTrails
 * later). Indicia collects its own WHOIS history; a provider adds what happened before Indicia
 * looked and registrants' other domains that Indicia never crawled.
 */
export interface RegistrationProvider {
  /** Short, stable name used in records and logs ("whoisxml"). */
  readonly name: string;
  /** Whether the provider can be called in this run, and if not why (said once at start). */
  describe(): ProviderDescription;
  /** Every record the provider keeps for a registrable domain, oldest first. */
  history(domain: string, options?: HistoryOptions): Promise<ProviderSnapshot[]>;
  /** Domains whose records hold a contact value. */
  reverse(query: ReverseQuery, options?: CallOptions): Promise<ReverseResult>;
}

export interface ProviderDescription {
  enabled: boolean;
  /** Why the provider is disabled ("WhoisXML API disabled: no api key (...)"); null when enabled. */
  reason: string | null;
}

export interface CallOptions {
  /** Aborts the call (the caller's deadline passed): the request is cancelled, not left running. */
  signal?: AbortSignal;
}

export interface HistoryOptions extends CallOptions {
  /** Only records the provider found changed since this time. */
  since?: Date;
}

/** One record of a domain's history as the provider holds it. */
export interface ProviderSnapshot {
  /** When the provider first saw the record in this form (ISO 8601, UTC). */
  observedAt: string;
  /** When the provider last saw the record unchanged (ISO 8601, UTC); equals observedAt when unknown. */
  lastObservedAt: string;
  record: RegistrationRecord;
  /** The provider's record as received (JSON), cut at maxRawRegistrationChars. */
  raw: string;
}

export const reverseFields = ['email', 'phone', 'name', 'organization'] as const;
export type ReverseField = (typeof reverseFields)[number];

export interface ReverseQuery {
  field: ReverseField;
  /** An email, an E.164 phone, a person's or an organisation's name. */
  value: string;
  /** Only records seen or changed since this time. */
  since?: Date;
}

export interface ReverseResult {
  /** Lowercased, punycode, without duplicates. */
  domains: string[];
  /** True when the provider had more matches than were fetched (page limit or its own cap). */
  truncated: boolean;
}

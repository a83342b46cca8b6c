import type { ContactRole, DnsRecorded, IdentityField, WhoisRecorded } from '@indicia/core';

/**
 * The history port: every registration (WHOIS/RDAP/provider) and DNS snapshot the pivot stage
 * records, kept forever, so Indicia builds its own WHOIS history and reverse WHOIS can say when a
 * record held a value. SQLite and Elasticsearch implement it, and both pass
 * `runRegistrationHistoryContract`.
 */
export interface RegistrationHistory {
  /** Append; idempotent by snapshot id (a redelivered message adds nothing). */
  recordRegistrations(snapshots: RegistrationSnapshot[]): Promise<void>;
  recordDns(snapshots: DnsSnapshot[]): Promise<void>;
  /** A domain's registration snapshots, oldest first. */
  registrationHistory(domain: string): Promise<RegistrationSnapshot[]>;
  /** A domain's DNS snapshots, oldest first. */
  dnsHistory(domain: string): Promise<DnsSnapshot[]>;
  /** When the domain was last looked at (null: never): what the pivot stage's refresh interval is measured from. */
  lastObserved(domain: string): Promise<LastObserved>;
  /** Reverse WHOIS: the domains whose records held the value, with when they held it. */
  reverse(query: ReverseRegistrationQuery): Promise<ReverseRegistrationMatch[]>;
  /** Every domain with a registration or DNS snapshot, sorted: what `pivot refresh` looks at again. */
  observedDomains(): Promise<string[]>;
  /** Every registration snapshot, by domain then time: what the link graph is built from. */
  allRegistrations(): AsyncIterable<RegistrationSnapshot>;
  allDns(): AsyncIterable<DnsSnapshot>;
  registrationSummary(): Promise<RegistrationSummary>;
}

/** One whois.recorded message; `id` is derived from what was observed (registrationSnapshotIdFor), so a redelivery is recognised. */
export interface RegistrationSnapshot extends WhoisRecorded {
  id: string;
}

export interface DnsSnapshot extends DnsRecorded {
  id: string;
}

export interface LastObserved {
  registration: string | null;
  dns: string | null;
}

export interface ReverseRegistrationQuery {
  field: IdentityField;
  /** Compared in its identity form (identityKeyOf): emails and names case-insensitively, phones as E.164. */
  value: string;
  /** Default: registrant, admin and tech. */
  roles?: readonly ContactRole[];
}

/**
 * A stretch of a domain's history during which its record held the value: from the first snapshot
 * holding it to the last one (`lastSeen`); `until` is the first later snapshot that no longer held
 * it (null: every later snapshot still holds it — the record may still hold it today).
 */
export interface HeldRange {
  from: string;
  lastSeen: string;
  until: string | null;
}

export interface ReverseRegistrationMatch {
  domain: string;
  /** The roles in which any snapshot held the value. */
  roles: ContactRole[];
  /** Oldest first. */
  ranges: HeldRange[];
  /** True when the domain's latest snapshot holds the value. */
  current: boolean;
}

export interface RegistrationSummary {
  domains: number;
  registrationSnapshots: number;
  dnsSnapshots: number;
}

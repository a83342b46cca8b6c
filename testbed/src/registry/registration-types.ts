import type { PrivacyProxy } from '@indicia/core';

/**
 * The testbed's registration world: every domain a crawl can see (the four sites, the operators'
 * own websites and the email providers' domains) with its registrar, hosting and the history of
 * its registration record. The WHOIS, RDAP and DNS servers answer from it, and
 * `registrationTruth` says what a perfect pivot stage finds in it.
 */

export type RegistryDomainKind = 'site' | 'operator-website' | 'email-provider';

export interface TestbedRegistrar {
  name: string;
  /** IANA-style registrar id. */
  ianaId: string;
  url: string;
  /** Host name of its WHOIS server (a thin registry refers here); served by the testbed. */
  whoisServer: string;
  abuseEmail: string;
  abusePhone: string;
}

/** A contact as the servers write it (phone in E.164; the servers write "+CC.NSN"). */
export interface TestbedContact {
  name: string;
  organization: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/**
 * One stretch of a domain's registration record. `validTo` null: still current. A record is
 * valid for instants t with validFrom ≤ t < validTo.
 */
export interface RegistrationPeriod {
  validFrom: string;
  validTo: string | null;
  /** The record's "Updated Date" (the start of the period). */
  updatedAt: string;
  /** Why this period began: the domain's creation, the same person changing email, a sale. */
  change: 'created' | 'email-change' | 'sold';
  /**
   * The registrant identity behind the record (TruthRegistrant.id); null when a privacy service or
   * a GDPR redaction stands in: such a record holds no identity and must link nothing.
   */
  registrantId: string | null;
  /** What the servers write as registrant, admin and tech contact (the same contact for all three). */
  contact: TestbedContact;
  /** Set when `contact` is a privacy service's or a redaction, not the registrant's. */
  privacy: PrivacyProxy | null;
}

export interface TestbedDnsRecords {
  a: string[];
  aaaa: string[];
  mx: Array<{ exchange: string; priority: number }>;
  ns: string[];
  txt: string[];
}

export interface RegistryDomain {
  /** Registrable domain, lowercased punycode. */
  domain: string;
  kind: RegistryDomainKind;
  /** The operator cluster whose website this is (ground-truth `cluster`); null for sites and email providers. */
  cluster: string | null;
  /** TestbedRegistrar.ianaId. */
  registrarId: string;
  /** ISO instant. Before it the domain is not registered ("No match"). */
  createdAt: string;
  expiresAt: string;
  /** Nameservers and addresses; the same for the shared hosting (weak links: shown, never merged). */
  dns: TestbedDnsRecords;
  /** Shared-hosting name when the domain sits on the shared hosting setup, else null. */
  hosting: string | null;
  /** Oldest first; periods meet exactly (one's validTo is the next one's validFrom). */
  history: RegistrationPeriod[];
}

/** A person or company that registers domains (never a privacy service, never IANA). */
export interface TruthRegistrant {
  id: string;
  name: string;
  organization: string;
  /** Every email the registrant used, with when (an email change keeps the person). */
  emails: string[];
  /** E.164. */
  phone: string;
  /** Operator clusters this registrant is tied to (its phone or email is theirs, or it registers their websites). */
  clusters: string[];
  /** Every domain and time range the registrant held, with the email the record showed then. */
  holdings: RegistrantHolding[];
}

export interface RegistrantHolding {
  domain: string;
  email: string;
  validFrom: string;
  validTo: string | null;
}

/** Connected component of operators joined by strong identifiers, registrant email/phone included. */
export interface TruthRegistrationCluster {
  /** 'linked-0001'... by size, then by first operator. */
  id: string;
  /** Operator clusters (GroundTruthAd.cluster) in it, sorted. */
  operators: string[];
  /** Registrable domains whose records or ads join it (operator websites seen in its ads). */
  domains: string[];
  /** Registrant identities (TruthRegistrant.id) whose email/phone joins it. */
  registrants: string[];
  /** Canonical URLs of the in-scope ads (GroundTruth.ads) of its operators, sorted. */
  adUrls: string[];
}

export interface RegistrationTruth {
  seed: number;
  adCount: number;
  registrars: TestbedRegistrar[];
  /** The shared hosting: its nameservers and address, and the domains on it. */
  sharedHosting: { name: string; nameservers: string[]; ipv4: string; ipv6: string; domains: string[] };
  /** The shared forwarding email every proxy-service record shows (it must link nothing). */
  privacyProxyEmail: string;
  domains: RegistryDomain[];
  registrants: TruthRegistrant[];
  /**
   * Reverse WHOIS as it should answer over all history: for every identity value a registrant
   * record held (email lowercased, phone E.164, name, organization), the domains and when.
   * Privacy-service and redacted values and the IANA reservations are not here.
   */
  reverseWhois: ReverseWhoisTruth[];
  /** Every operator in exactly one cluster; sorted by size (largest first). */
  clusters: TruthRegistrationCluster[];
}

export interface ReverseWhoisTruth {
  field: 'email' | 'phone' | 'name' | 'organization';
  value: string;
  holdings: Array<{ domain: string; validFrom: string; validTo: string | null }>;
}

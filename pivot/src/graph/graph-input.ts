import type { CryptoChain, DnsRecorded, HandlePlatform, IndicatorType, RegistrationRecord, RegistrationSource } from '@indicia/core';

/**
 * What the link graph is built from: plain data the lead reads from the index store and the WHOIS
 * history. Nothing here touches storage or the network.
 */

export interface GraphAdIndicator {
  type: IndicatorType;
  /** Normalised value (E.164 phone, lowercased email, handle without '@', registrable domain...). */
  value: string;
  platform?: HandlePlatform;
  chain?: CryptoChain;
}

export interface GraphAd {
  adId: string;
  url: string;
  /** The site the ad was posted on: its host name ("velvet-nights.test"). */
  site: string;
  title: string;
  /** ISO 8601 instants. */
  firstSeen: string;
  lastSeen: string;
  indicators: GraphAdIndicator[];
}

/** One WHOIS/RDAP snapshot; a domain has several over time. */
export interface GraphRegistration {
  domain: string;
  observedAt: string;
  source: RegistrationSource;
  record: RegistrationRecord;
}

/** The part of a `dns.recorded` message the graph uses. */
export type GraphDns = Pick<DnsRecorded, 'domain' | 'observedAt' | 'a' | 'aaaa' | 'ns' | 'mx'>;

export interface GraphInput {
  ads: Iterable<GraphAd>;
  registrations?: Iterable<GraphRegistration>;
  dns?: Iterable<GraphDns>;
}

export interface BuildGraphOptions {
  /**
   * Registrable domains many unrelated ads link to (link shorteners, big hosting or social sites):
   * a link to one of them is a weak edge, so it never merges clusters by itself.
   */
  commonDomains?: Iterable<string>;
}

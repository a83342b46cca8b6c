/**
 * What the UI reads from the console's API (/api/v1, see the contract in the console's OpenAPI
 * document). Only the fields the pages use are named; the server may send more.
 */

export type Role = 'viewer' | 'analyst' | 'admin';
export type IndicatorType = 'phone' | 'email' | 'handle' | 'crypto' | 'url' | 'domain';

export interface Me {
  username: string;
  role: Role;
  csrfToken: string;
  /** Logged in with a one-time password: nothing but setting one's own is allowed yet. */
  mustChangePassword: boolean;
}

export interface IndicatorRef {
  type: IndicatorType;
  value: string;
  platform?: string;
  chain?: string;
}

export interface AdLocation {
  text: string;
  city?: string;
  country?: string;
}

export interface SearchHit {
  adId: string;
  url: string;
  site: string;
  title: string;
  /** Plain text around the match, each match wrapped in «». */
  snippet: string;
  snippetSource: 'text' | 'ocr';
  firstSeen: string;
  lastSeen: string;
  matched: IndicatorRef[];
  indicators: IndicatorRef[];
  location: AdLocation | null;
  postedAt: string | null;
  thumbnails?: Array<{ sha256: string }>;
  /** Watchlist hits: first seen after the list's last visit. */
  isNew?: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchAnswer {
  readAs: Array<{ as: 'phone' | 'email' | 'handle' | 'text'; value: string }>;
  total: number;
  totalIsLowerBound?: boolean;
  hits: SearchHit[];
  facets?: { sites: FacetCount[]; countries: FacetCount[]; types: FacetCount[] };
}

export interface Provenance {
  captureId: string;
  source: 'text' | 'html-attr' | 'url' | 'ocr';
  attribute?: string;
  imageSha256?: string;
  start: number;
  end: number;
  raw: string;
  obfuscated: boolean;
  rules: string[];
}

export interface AdIndicator extends IndicatorRef {
  raw: string;
  source: Provenance['source'];
  firstSeen: string;
  lastSeen: string;
  provenance: Provenance[];
}

export interface AdImage {
  url: string;
  sha256: string;
  mediaType?: string;
  width?: number;
  height?: number;
  ocrText?: string | null;
  firstSeen?: string;
  lastSeen?: string;
}

export interface AdCapture {
  captureId: string;
  url: string;
  fetchedAt: string;
  status: number;
  proxy: string | null;
  mode: string;
  sha256: string;
  warcFile?: string;
  hasScreenshot: boolean;
  hasHtml: boolean;
}

export interface AdAnswer {
  id: string;
  url: string;
  canonicalUrl: string;
  site: string;
  title: string;
  text: string;
  firstSeen: string;
  lastSeen: string;
  contentHash: string;
  latestCaptureId: string;
  postedAt: string | null;
  location: AdLocation | null;
  language: string | null;
  indicators: AdIndicator[];
  images: AdImage[];
  versions: Array<{ contentHash: string; captureId: string; firstSeen: string; lastSeen: string }>;
  captures: AdCapture[];
}

export interface HeldRange {
  from: string;
  lastSeen: string;
  until: string | null;
}

export interface ReverseRegistrationMatch {
  domain: string;
  roles: string[];
  ranges: HeldRange[];
  current: boolean;
}

export interface IndicatorAnswer {
  indicator: IndicatorRef;
  ads: number;
  firstSeen: string;
  lastSeen: string;
  timeline: Array<{ period: string; ads: number }>;
  sites: Array<{ site: string; ads: number; firstSeen: string; lastSeen: string }>;
  cooccurring: Array<IndicatorRef & { ads: number }>;
  registrations: ReverseRegistrationMatch[];
  hits: SearchHit[];
}

export interface RegistrationContact {
  name: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  street?: string | null;
  city?: string | null;
  country: string | null;
  redacted?: string[];
}

export interface RegistrationSnapshot {
  id: string;
  domain: string;
  observedAt: string;
  source: string;
  server: string;
  record: {
    registered: boolean;
    registrar: { name: string | null; id: string | null } | null;
    createdAt: string | null;
    updatedAt: string | null;
    expiresAt: string | null;
    status: string[];
    nameservers: string[];
    registrant: RegistrationContact | null;
    admin: RegistrationContact | null;
    tech: RegistrationContact | null;
    privacyProxy: { kind: string; service: string | null } | null;
  };
  rawSha256: string;
  /** Fields differing from the previous (older) snapshot, e.g. "registrant.email", "nameservers". */
  changed: string[];
}

export interface DnsSnapshot {
  id: string;
  observedAt: string;
  resolver: string;
  a: string[];
  aaaa: string[];
  mx: Array<{ exchange: string; priority: number }>;
  ns: string[];
  txt: string[];
}

export interface DomainAnswer {
  domain: string;
  registrations: RegistrationSnapshot[];
  dns: DnsSnapshot[];
  pivots: Array<{ field: string; value: string; domains: number }>;
  /** Ads hosted on the domain (or a subdomain). */
  ads: number;
  /** Ads holding the domain as an indicator. */
  adsMentioning?: number;
}

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  cluster: string | number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: string;
  strength: 'strong' | 'weak';
  provenance?: unknown;
}

export interface GraphAnswer {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Watchlist {
  id: string | number;
  name: string;
  kind: 'indicator' | 'query';
  indicator?: IndicatorRef;
  query?: Record<string, string>;
  createdAt: string;
  lastVisitedAt: string | null;
  newMatches: number;
}

export interface WatchlistAnswer extends Watchlist {
  hits: SearchHit[];
  newSince: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  username: string | null;
  action: string;
  target: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  brokenAt?: number;
  reason?: string;
  /** The last entry as SEQ:HASH, to keep outside the console. */
  head?: string;
}

export interface TokenInfo {
  id: string | number;
  name: string;
  createdAt: string;
  lastUsedAt?: string | null;
  token?: string;
}

export interface UserInfo {
  username: string;
  role: Role;
  createdAt?: string;
}

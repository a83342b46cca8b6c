import type { CryptoChain, HandlePlatform, RegistrationSource } from '@indicia/core';

/** What a node stands for. Its id is `kind:value` (handles and crypto add the platform or chain). */
export const nodeKinds = [
  'ad', 'site', 'phone', 'email', 'handle', 'crypto', 'url', 'domain',
  'registrant-name', 'registrant-org', 'registrar', 'nameserver', 'ip', 'mail-server',
] as const;
export type NodeKind = (typeof nodeKinds)[number];

export const edgeKinds = [
  /** ad → an indicator read in it. */
  'contains',
  /** ad → the site it was posted on. */
  'posted-on',
  /** ad → the registrable domain of a URL in it. */
  'links-to',
  /** email → the registrable domain of its address. */
  'email-domain',
  /** site → its registrable domain. */
  'site-domain',
  /** domain → a contact value in its registration, by the contact's role. */
  'registrant', 'admin', 'tech',
  'registrar', 'nameserver', 'resolves-to', 'mail-exchanger',
] as const;
export type EdgeKind = (typeof edgeKinds)[number];

/**
 * Strong edges say "the same person or operation": clusters merge across them. Weak edges say
 * "shares infrastructure or a venue" (a site, an IP, a registrar): shown, never merged by default.
 */
export type EdgeStrength = 'strong' | 'weak';

export interface AdDetails {
  url: string;
  title: string;
  site: string;
  firstSeen: string;
  lastSeen: string;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** The normalised value (for an ad, its adId). */
  value: string;
  /** What a person reads: the value, or an ad's title. */
  label: string;
  platform?: HandlePlatform;
  chain?: CryptoChain;
  ad?: AdDetails;
}

/** Where an edge comes from. Registration and DNS edges carry the time range their records held it. */
export type EdgeProvenance =
  | { from: 'ad'; adId: string }
  | { from: 'registration'; source: RegistrationSource; firstObservedAt: string; lastObservedAt: string }
  | { from: 'dns'; firstObservedAt: string; lastObservedAt: string }
  | { from: 'derived'; rule: 'email-domain' | 'site-domain' };

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  strength: EdgeStrength;
  provenance: EdgeProvenance[];
}

/** Input the graph could not use, and why (a handle without a platform, an unreadable phone...). */
export interface SkippedInput {
  reason: string;
  adId?: string;
  domain?: string;
}

export interface LinkGraph {
  nodes: Map<string, GraphNode>;
  /** Keyed by edgeKey(source, kind, target): the same link seen twice is one edge with two provenances. */
  edges: Map<string, GraphEdge>;
  skipped: SkippedInput[];
}

/** A node's stable id. `qualifier` is a handle's platform or a crypto address's chain. */
export function nodeIdOf(kind: NodeKind, value: string, qualifier?: string): string {
  return qualifier === undefined ? `${kind}:${value}` : `${kind}:${qualifier}:${value}`;
}

export function edgeKey(source: string, kind: EdgeKind, target: string): string {
  return `${source}\u0000${kind}\u0000${target}`;
}

export function emptyLinkGraph(): LinkGraph {
  return { nodes: new Map(), edges: new Map(), skipped: [] };
}

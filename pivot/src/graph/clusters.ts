import { sha256Hex, type CryptoChain, type HandlePlatform, type IndicatorType } from '@indicia/core';
import type { GraphNode, LinkGraph, NodeKind } from './graph-model.js';
import { UnionFind } from './union-find.js';

export interface ClusterOptions {
  /**
   * Weak links to merge as well, named by the kind of the node they share: ['site'] puts every ad
   * of a site in one cluster, ['ip', 'nameserver'] merges domains on shared hosting.
   */
  mergeWeak?: readonly NodeKind[];
}

export interface ClusterIndicator {
  type: IndicatorType;
  value: string;
  platform?: HandlePlatform;
  chain?: CryptoChain;
}

export interface Cluster {
  /** Stable while the cluster's smallest member stays: a hash of that member's node id. */
  id: string;
  /** adIds. */
  ads: string[];
  /** Phones, emails, handles, crypto addresses and URLs in the cluster (domains are in `domains`). */
  indicators: ClusterIndicator[];
  /** Sites the cluster's ads were posted on. */
  sites: string[];
  domains: string[];
  /** Earliest firstSeen and latest lastSeen of its ads; null for a cluster of registrations only. */
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Every node's cluster id: connected components over strong edges (and the weak kinds asked for). */
export function clusterMembership(graph: LinkGraph, options: ClusterOptions = {}): Map<string, string> {
  const { ids, sets } = components(graph, options);
  const smallestOfRoot = new Map<number, string>();
  ids.forEach((id, index) => {
    const root = sets.find(index);
    const smallest = smallestOfRoot.get(root);
    if (smallest === undefined || id < smallest) smallestOfRoot.set(root, id);
  });
  const idOfRoot = new Map<number, string>();
  for (const [root, smallest] of smallestOfRoot) idOfRoot.set(root, clusterIdOf(smallest));
  const membership = new Map<string, string>();
  ids.forEach((id, index) => membership.set(id, idOfRoot.get(sets.find(index))!));
  return membership;
}

/**
 * Clusters holding an ad, or a domain tied to something (a registrant's phone or email, another
 * domain): a domain alone, such as a mail provider or a site, is not a cluster. Largest first (by ads, then domains, then
 * indicators; ties by id, so the order is stable).
 */
export function clusters(graph: LinkGraph, options: ClusterOptions = {}): Cluster[] {
  const membership = clusterMembership(graph, options);
  const members = new Map<string, GraphNode[]>();
  for (const [nodeId, clusterId] of membership) {
    const list = members.get(clusterId);
    const node = graph.nodes.get(nodeId)!;
    if (list === undefined) members.set(clusterId, [node]);
    else list.push(node);
  }
  const result: Cluster[] = [];
  for (const [id, nodes] of members) {
    const cluster = summarise(id, nodes);
    if (cluster.ads.length > 0 || (cluster.domains.length > 0 && cluster.indicators.length + cluster.domains.length > 1)) result.push(cluster);
  }
  return result.sort((a, b) =>
    b.ads.length - a.ads.length || b.domains.length - a.domains.length || b.indicators.length - a.indicators.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function components(graph: LinkGraph, options: ClusterOptions): { ids: string[]; sets: UnionFind } {
  const ids = [...graph.nodes.keys()];
  const indexOf = new Map<string, number>();
  ids.forEach((id, index) => indexOf.set(id, index));
  const sets = new UnionFind(ids.length);
  const mergeWeak = new Set(options.mergeWeak ?? []);
  for (const edge of graph.edges.values()) {
    const merges = edge.strength === 'strong' || mergeWeak.has(graph.nodes.get(edge.target)!.kind);
    if (merges) sets.union(indexOf.get(edge.source)!, indexOf.get(edge.target)!);
  }
  return { ids, sets };
}

function clusterIdOf(smallestMemberId: string): string {
  return `cluster:${sha256Hex(smallestMemberId).slice(0, 16)}`;
}

const indicatorKinds: ReadonlySet<NodeKind> = new Set<NodeKind>(['phone', 'email', 'handle', 'crypto', 'url']);

function summarise(id: string, nodes: GraphNode[]): Cluster {
  const ads: string[] = [];
  const indicators: ClusterIndicator[] = [];
  const sites = new Set<string>();
  const domains: string[] = [];
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const node of nodes) {
    if (node.kind === 'ad' && node.ad !== undefined) {
      ads.push(node.value);
      sites.add(node.ad.site);
      if (firstSeen === null || Date.parse(node.ad.firstSeen) < Date.parse(firstSeen)) firstSeen = node.ad.firstSeen;
      if (lastSeen === null || Date.parse(node.ad.lastSeen) > Date.parse(lastSeen)) lastSeen = node.ad.lastSeen;
    } else if (node.kind === 'domain') {
      domains.push(node.value);
    } else if (indicatorKinds.has(node.kind)) {
      const indicator: ClusterIndicator = { type: node.kind as IndicatorType, value: node.value };
      if (node.platform !== undefined) indicator.platform = node.platform;
      if (node.chain !== undefined) indicator.chain = node.chain;
      indicators.push(indicator);
    }
  }
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  indicators.sort((a, b) => byText(a.type, b.type) || byText(a.platform ?? a.chain ?? '', b.platform ?? b.chain ?? '') || byText(a.value, b.value));
  return { id, ads: ads.sort(byText), indicators, sites: [...sites].sort(byText), domains: domains.sort(byText), firstSeen, lastSeen };
}

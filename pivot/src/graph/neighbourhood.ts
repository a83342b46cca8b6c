import { edgeKey, emptyLinkGraph, type GraphEdge, type LinkGraph } from './graph-model.js';

export interface NeighbourhoodOptions {
  /** Most nodes to return (the seed included); default 500. */
  nodeCap?: number;
}

export interface Neighbourhood {
  graph: LinkGraph;
  /** False when the seed id is not in the graph (the subgraph is then empty). */
  seedFound: boolean;
  /** True when the node cap cut the walk short: more nodes lie within the depth. */
  truncated: boolean;
}

/** Built once per graph; rebuilt if edges were added since (graphs are plain data, not sealed). */
const adjacencyCache = new WeakMap<LinkGraph, { edgeCount: number; adjacency: Map<string, GraphEdge[]> }>();

/**
 * The nodes within `depth` links of the seed (either direction) and the edges among them, breadth
 * first. At each step strong links are followed before weak ones, so when the cap cuts a walk that
 * reached a hub (a site with 50,000 ads) it drops the hub's crowd, not the seed's own contacts.
 */
export function neighbourhood(graph: LinkGraph, seedNodeId: string, depth: number, options: NeighbourhoodOptions = {}): Neighbourhood {
  const nodeCap = Math.max(1, options.nodeCap ?? 500);
  const result = emptyLinkGraph();
  const seed = graph.nodes.get(seedNodeId);
  if (seed === undefined) return { graph: result, seedFound: false, truncated: false };
  const adjacency = adjacencyOf(graph);
  result.nodes.set(seed.id, seed);
  let truncated = false;
  let frontier = [seed.id];
  for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
    const candidates: Array<{ id: string; strong: boolean }> = [];
    for (const nodeId of frontier) {
      for (const edge of adjacency.get(nodeId) ?? []) {
        const other = edge.source === nodeId ? edge.target : edge.source;
        if (!result.nodes.has(other)) candidates.push({ id: other, strong: edge.strength === 'strong' });
      }
    }
    candidates.sort((a, b) => Number(b.strong) - Number(a.strong));
    const next: string[] = [];
    for (const { id } of candidates) {
      if (result.nodes.has(id)) continue;
      if (result.nodes.size >= nodeCap) {
        truncated = true;
        break;
      }
      result.nodes.set(id, graph.nodes.get(id)!);
      next.push(id);
    }
    frontier = next;
  }
  for (const nodeId of result.nodes.keys()) {
    for (const edge of adjacency.get(nodeId) ?? []) {
      if (result.nodes.has(edge.source) && result.nodes.has(edge.target)) result.edges.set(edgeKey(edge.source, edge.kind, edge.target), edge);
    }
  }
  return { graph: result, seedFound: true, truncated };
}

function adjacencyOf(graph: LinkGraph): Map<string, GraphEdge[]> {
  const cached = adjacencyCache.get(graph);
  if (cached !== undefined && cached.edgeCount === graph.edges.size) return cached.adjacency;
  const adjacency = new Map<string, GraphEdge[]>();
  const link = (nodeId: string, edge: GraphEdge): void => {
    const list = adjacency.get(nodeId);
    if (list === undefined) adjacency.set(nodeId, [edge]);
    else list.push(edge);
  };
  for (const edge of graph.edges.values()) {
    link(edge.source, edge);
    link(edge.target, edge);
  }
  adjacencyCache.set(graph, { edgeCount: graph.edges.size, adjacency });
  return adjacency;
}

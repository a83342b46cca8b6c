import type { EdgeKind, EdgeProvenance, EdgeStrength, GraphNode, LinkGraph } from './graph-model.js';

export interface GraphJson {
  nodes: Array<GraphNode & { cluster?: string }>;
  edges: Array<{ source: string; target: string; kind: EdgeKind; strength: EdgeStrength; provenance: EdgeProvenance[] }>;
}

export interface GraphSerialiseOptions {
  /** Each node's cluster id (from clusterMembership over the whole graph), written as a node attribute. */
  clusterOf?: ReadonlyMap<string, string>;
}

/** The graph as plain JSON: `{nodes, edges}`, nodes in id order for stable output. */
export function graphToJson(graph: LinkGraph, options: GraphSerialiseOptions = {}): GraphJson {
  const nodes = [...graph.nodes.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((node) => {
      const cluster = options.clusterOf?.get(node.id);
      return cluster === undefined ? { ...node } : { ...node, cluster };
    });
  const edges = [...graph.edges.values()].map((edge) => ({ source: edge.source, target: edge.target, kind: edge.kind, strength: edge.strength, provenance: edge.provenance }));
  return { nodes, edges };
}

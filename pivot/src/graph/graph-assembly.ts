import { edgeKey, type EdgeKind, type EdgeProvenance, type EdgeStrength, type GraphNode, type LinkGraph } from './graph-model.js';

/** Adds a node once: the first description of a node wins (ids are values, so later ones agree). */
export function addNode(graph: LinkGraph, node: GraphNode): string {
  if (!graph.nodes.has(node.id)) graph.nodes.set(node.id, node);
  return node.id;
}

export interface EdgeSpec {
  source: string;
  target: string;
  kind: EdgeKind;
  strength: EdgeStrength;
  provenance: EdgeProvenance;
}

/**
 * Adds an edge, or a provenance to the edge already there. A link seen strongly once is strong:
 * one ad linking an operator's own domain is enough, whatever else links it weakly.
 */
export function addEdge(graph: LinkGraph, spec: EdgeSpec): void {
  if (spec.source === spec.target) return;
  const key = edgeKey(spec.source, spec.kind, spec.target);
  const existing = graph.edges.get(key);
  if (existing === undefined) {
    graph.edges.set(key, { source: spec.source, target: spec.target, kind: spec.kind, strength: spec.strength, provenance: [spec.provenance] });
    return;
  }
  if (spec.strength === 'strong') existing.strength = 'strong';
  if (!existing.provenance.some((known) => sameProvenance(known, spec.provenance))) existing.provenance.push(spec.provenance);
}

function sameProvenance(a: EdgeProvenance, b: EdgeProvenance): boolean {
  switch (a.from) {
    case 'ad':
      return b.from === 'ad' && a.adId === b.adId;
    case 'derived':
      return b.from === 'derived' && a.rule === b.rule;
    case 'dns':
      return b.from === 'dns' && a.firstObservedAt === b.firstObservedAt && a.lastObservedAt === b.lastObservedAt;
    case 'registration':
      return b.from === 'registration' && a.source === b.source && a.firstObservedAt === b.firstObservedAt && a.lastObservedAt === b.lastObservedAt;
  }
}

// The link graph: ads, indicators, registrations and DNS as nodes and edges with provenance;
// clusters, neighbourhoods, and JSON/GraphML/GEXF serialisers. Pure functions over plain data.
export type { BuildGraphOptions, GraphAd, GraphAdIndicator, GraphDns, GraphInput, GraphRegistration } from './graph-input.js';
export { edgeKinds, edgeKey, nodeIdOf, nodeKinds } from './graph-model.js';
export type { AdDetails, EdgeKind, EdgeProvenance, EdgeStrength, GraphEdge, GraphNode, LinkGraph, NodeKind, SkippedInput } from './graph-model.js';
export { buildLinkGraph } from './build-graph.js';
export { clusterMembership, clusters } from './clusters.js';
export type { Cluster, ClusterIndicator, ClusterOptions } from './clusters.js';
export { neighbourhood } from './neighbourhood.js';
export type { Neighbourhood, NeighbourhoodOptions } from './neighbourhood.js';
export { graphToJson } from './graph-json.js';
export type { GraphJson, GraphSerialiseOptions } from './graph-json.js';
export { graphToGraphml } from './graphml.js';
export { graphToGexf } from './gexf.js';

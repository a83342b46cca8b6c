import { neighbourhood, nodeIdOf, type GraphEdge, type LinkGraph } from '@indicia/pivot';
import type { ConsoleDeps } from '../console-deps.js';
import { badRequest, notFound } from '../http/rejected-request-error.js';
import { json, type ConsoleRoute } from './console-route.js';
import { integerParam } from './query-numbers.js';

/** Most nodes one graph answer holds: a browser draws a few hundred nodes comfortably. */
export const graphNodeCap = 500;

export const graphRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/graph',
    minRole: 'viewer',
    summary: 'The link graph around a seed (seed=type:value, or a node id from an earlier answer; depth 1..3): nodes with their cluster, edges with strength and provenance.',
    query: ['seed', 'depth'],
    async handle(ctx, deps) {
      const seed = ctx.url.searchParams.get('seed')?.trim();
      if (!seed) throw badRequest('give a seed: seed=phone:+17025550134, email:x@example.com, handle:telegram:x, domain:example.test, ad:ID');
      const depth = integerParam(ctx.url, 'depth', { fallback: 1, min: 1, max: 3 });
      const { graph, clusters } = await deps.graphs.get();
      const seedId = seedNodeId(seed, graph, deps);
      if (!seedId) throw notFound('seed in the graph (no ad or registration holds it)');
      ctx.audit('view-graph', seedId, { depth });
      const view = neighbourhood(graph, seedId, depth, { nodeCap: graphNodeCap });
      return json({
        seed: seedId,
        truncated: view.truncated,
        nodes: [...view.graph.nodes.values()].map((node) => ({
          id: node.id,
          type: node.kind,
          label: node.label,
          cluster: clusters.get(node.id) ?? null,
          ...(node.platform ? { platform: node.platform } : {}),
          ...(node.chain ? { chain: node.chain } : {}),
          ...(node.ad ? { ad: node.ad } : {}),
        })),
        edges: [...view.graph.edges.values()].map((edge: GraphEdge) => ({ source: edge.source, target: edge.target, kind: edge.kind, strength: edge.strength, provenance: edge.provenance })),
      });
    },
  },
];

/** The node a seed names: a node id as answers give it, else the value read as the search box reads it. */
function seedNodeId(seed: string, graph: LinkGraph, deps: Pick<ConsoleDeps, 'interpretQuery'>): string | null {
  if (graph.nodes.has(seed)) return seed;
  const at = seed.indexOf(':');
  if (at <= 0) return null;
  const kind = seed.slice(0, at).toLowerCase();
  const value = seed.slice(at + 1).trim();
  const candidates: string[] = [];
  if (kind === 'phone') {
    const reading = deps.interpretQuery({ text: value }).readAs.find((r) => r.as === 'phone');
    if (reading) candidates.push(nodeIdOf('phone', reading.value));
  } else if (kind === 'handle') {
    const split = value.indexOf(':');
    if (split > 0) candidates.push(nodeIdOf('handle', value.slice(split + 1).replace(/^@/, '').toLowerCase(), value.slice(0, split).toLowerCase()));
  } else {
    candidates.push(`${kind}:${value.toLowerCase().replace(/\.$/, '')}`);
  }
  return candidates.find((id) => graph.nodes.has(id)) ?? null;
}

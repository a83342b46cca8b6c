/**
 * A small force-directed layout: nodes repel (inverse square), edges pull like springs towards a
 * rest length, a weak pull keeps everything near the centre, and the step size cools each round.
 * Start positions come from a hash of the node id, so the same graph lays out the same way every
 * time (and a screenshot is reproducible); nodes already placed keep their place as a start.
 */

export interface LayoutNode {
  id: string;
  x: number;
  y: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  /** 1 for a strong link, less for weak ones: weak springs are longer and softer. */
  weight: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  iterations?: number;
  /** Nodes that keep their position (the ones placed before an expansion, for a calm update). */
  pinned?: ReadonlySet<string>;
}

function hashUnit(text: string, salt: number): number {
  let hash = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return ((hash >>> 0) % 10_000) / 10_000;
}

export function initialPosition(id: string, width: number, height: number): { x: number; y: number } {
  return { x: width * (0.25 + 0.5 * hashUnit(id, 1)), y: height * (0.25 + 0.5 * hashUnit(id, 2)) };
}

export function layout(nodes: LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions): void {
  const { width, height } = options;
  const iterations = options.iterations ?? 300;
  const count = nodes.length;
  if (count === 0) return;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const area = width * height;
  const ideal = Math.sqrt(area / count) * 0.6;
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  let step = Math.min(width, height) / 10;
  for (let round = 0; round < iterations; round++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < count; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < count; j++) {
        const b = nodes[j]!;
        let x = a.x - b.x;
        let y = a.y - b.y;
        let distance2 = x * x + y * y;
        if (distance2 < 0.01) {
          // Two nodes on one spot: push apart along a direction fixed by their ids.
          x = hashUnit(a.id + b.id, 3) - 0.5;
          y = hashUnit(b.id + a.id, 4) - 0.5;
          distance2 = 0.01;
        }
        const force = (ideal * ideal) / distance2;
        dx[i]! += x * force * 0.05;
        dy[i]! += y * force * 0.05;
        dx[j]! -= x * force * 0.05;
        dy[j]! -= y * force * 0.05;
      }
    }
    for (const edge of edges) {
      const i = index.get(edge.source);
      const j = index.get(edge.target);
      if (i === undefined || j === undefined || i === j) continue;
      const a = nodes[i]!;
      const b = nodes[j]!;
      const x = b.x - a.x;
      const y = b.y - a.y;
      const distance = Math.sqrt(x * x + y * y) || 0.1;
      const rest = ideal / Math.max(0.3, edge.weight);
      const force = ((distance - rest) / distance) * 0.1 * edge.weight;
      dx[i]! += x * force;
      dy[i]! += y * force;
      dx[j]! -= x * force;
      dy[j]! -= y * force;
    }
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      if (options.pinned?.has(node.id)) continue;
      dx[i]! += (width / 2 - node.x) * 0.01;
      dy[i]! += (height / 2 - node.y) * 0.01;
      const length = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const move = Math.min(length, step);
      // The right margin leaves room for the label written after each node.
      node.x = Math.min(width - 150, Math.max(20, node.x + (dx[i]! / length) * move));
      node.y = Math.min(height - 20, Math.max(20, node.y + (dy[i]! / length) * move));
    }
    step *= 0.985;
  }
}

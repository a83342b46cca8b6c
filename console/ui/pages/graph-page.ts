import { apiUrl, getJson, segment } from '../api-client.js';
import type { GraphAnswer, GraphEdge, GraphNode } from '../api-types.js';
import { clusterColour } from '../cluster-colours.js';
import { button, h, replaceChildren, s } from '../dom.js';
import { initialPosition, layout, type LayoutNode } from '../force-layout.js';
import type { PageContext } from '../page-context.js';
import { navigate } from '../router.js';
import { empty, notice, pageHeading } from '../widgets.js';

const width = 960;
const height = 600;
const indicatorTypes = new Set(['phone', 'email', 'handle', 'crypto', 'url']);

interface PlacedNode extends GraphNode, LayoutNode {}

/** Where a node's own page is: its indicator, domain or ad page (ids are 'type:value'). */
function nodePath(node: GraphNode): string | undefined {
  const colon = node.id.indexOf(':');
  const rest = colon === -1 ? node.label : node.id.slice(colon + 1);
  if (node.type === 'domain') return `/domains/${segment(rest)}`;
  if (node.type === 'ad') return `/ads/${segment(rest)}`;
  if (node.type === 'handle' || node.type === 'crypto') {
    const [qualifier, ...value] = rest.split(':');
    return `/indicators/${node.type}/${segment(value.join(':'))}?${node.type === 'handle' ? 'platform' : 'chain'}=${encodeURIComponent(qualifier ?? '')}`;
  }
  if (indicatorTypes.has(node.type)) return `/indicators/${segment(node.type)}/${segment(rest)}`;
  return undefined;
}

/** The graph being explored: nodes keep their place when more are added. */
class GraphView {
  readonly nodes = new Map<string, PlacedNode>();
  readonly edges = new Map<string, GraphEdge>();
  readonly expanded = new Set<string>();
  selected: string | null = null;

  merge(answer: GraphAnswer): void {
    const before = new Set(this.nodes.keys());
    for (const node of answer.nodes) {
      if (this.nodes.has(node.id)) continue;
      // A new node starts next to the node it hangs from, so an expansion grows where it was clicked.
      const anchor = answer.edges.map((edge) => (edge.source === node.id ? edge.target : edge.target === node.id ? edge.source : null)).find((id) => id !== null && before.has(id));
      const from = anchor ? this.nodes.get(anchor) : undefined;
      const start = initialPosition(node.id, width, height);
      this.nodes.set(node.id, { ...node, x: from ? from.x + (start.x - width / 2) / 6 : start.x, y: from ? from.y + (start.y - height / 2) / 6 : start.y });
    }
    for (const edge of answer.edges) this.edges.set(`${edge.source}\u0000${edge.target}\u0000${edge.kind}`, edge);
    layout([...this.nodes.values()], [...this.edges.values()].map((edge) => ({ source: edge.source, target: edge.target, weight: edge.strength === 'strong' ? 1 : 0.4 })), {
      width,
      height,
      iterations: before.size === 0 ? 300 : 150,
      pinned: before.size > 0 && before.size < this.nodes.size ? before : undefined,
    });
  }

  toJson(): string {
    return JSON.stringify({ nodes: [...this.nodes.values()].map(({ id, type, label, cluster, x, y }) => ({ id, type, label, cluster, x: Math.round(x), y: Math.round(y) })), edges: [...this.edges.values()] }, null, 2);
  }
}

function render(view: GraphView, svg: SVGSVGElement, onActivate: (node: PlacedNode) => void): void {
  replaceChildren(svg, s('title', {}, `Link graph: ${view.nodes.size} nodes, ${view.edges.size} links`));
  const edgeLayer = s('g', { class: 'edges' });
  for (const edge of view.edges.values()) {
    const a = view.nodes.get(edge.source);
    const b = view.nodes.get(edge.target);
    if (!a || !b) continue;
    edgeLayer.append(s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#8a94a6', 'stroke-width': edge.strength === 'strong' ? 2 : 1, 'stroke-dasharray': edge.strength === 'strong' ? null : '4 3', class: `edge edge-${edge.strength}` }, s('title', {}, `${edge.kind} (${edge.strength})`)));
  }
  const nodeLayer = s('g', { class: 'nodes' });
  for (const node of view.nodes.values()) {
    const colour = clusterColour(node.cluster);
    const group = s(
      'g',
      { class: `node node-${node.type}${view.selected === node.id ? ' node-selected' : ''}`, transform: `translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`, tabindex: 0, role: 'button', 'aria-label': `${node.type} ${node.label}${view.expanded.has(node.id) ? '' : ', press Enter to expand'}`, 'data-id': node.id },
      node.type === 'domain' || node.type === 'ad'
        ? s('rect', { x: -8, y: -8, width: 16, height: 16, rx: 3, fill: colour, stroke: view.selected === node.id ? '#111' : '#fff', 'stroke-width': 2 })
        : s('circle', { r: view.expanded.has(node.id) ? 10 : 8, fill: colour, stroke: view.selected === node.id ? '#111' : '#fff', 'stroke-width': 2 }),
      s('text', { x: 12, y: 4, 'font-size': 11, 'font-family': 'sans-serif', fill: '#1f2933' }, node.label.length > 28 ? `${node.label.slice(0, 27)}…` : node.label),
      s('title', {}, `${node.type}: ${node.label} (${node.cluster ?? 'no cluster'})`),
    );
    group.addEventListener('click', () => onActivate(node));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onActivate(node);
      }
    });
    nodeLayer.append(group);
  }
  svg.append(edgeLayer, nodeLayer);
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function seedForm(seed: string, depth: string): HTMLFormElement {
  const input = h('input', { name: 'seed', value: seed, placeholder: 'phone:+17025550141 or domain:example.com', 'aria-label': 'Seed', class: 'seed-box' });
  const depthSelect = h('select', { name: 'depth', 'aria-label': 'Depth' }, ...['1', '2', '3'].map((value) => h('option', { value, selected: value === depth }, `depth ${value}`)));
  const form = h('form', { class: 'search-row' }, input, depthSelect, h('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/graph?seed=${encodeURIComponent(input.value.trim())}&depth=${depthSelect.value}`);
  });
  return form;
}

export async function graphPage(context: PageContext): Promise<Node> {
  const seed = context.query.get('seed')?.trim() ?? '';
  const depth = context.query.get('depth') ?? '2';
  const root = h('div', { class: 'page graph-page' }, pageHeading('Graph'), seedForm(seed, depth));
  if (!seed) {
    root.append(h('p', { class: 'hint' }, 'Start from an indicator (its page has “Open in graph”) or type a seed such as phone:+17025550141.'));
    return root;
  }
  const view = new GraphView();
  view.merge(await getJson<GraphAnswer>(apiUrl('/graph', { seed, depth })));
  view.expanded.add(seed);
  if (view.nodes.size === 0) {
    root.append(empty('Nothing links to this seed.'));
    return root;
  }
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'graph', xmlns: 'http://www.w3.org/2000/svg', width: '100%', role: 'group', 'aria-label': 'Link graph' });
  const details = h('aside', { class: 'graph-details', 'aria-live': 'polite' });
  const status = h('div', { class: 'status-line' });
  const counts = h('p', { class: 'muted' });
  const redraw = () => {
    render(view, svg, activate);
    counts.textContent = `${view.nodes.size} nodes · ${view.edges.size} links · click a node to expand it`;
  };
  const showDetails = (node: PlacedNode) => {
    const path = nodePath(node);
    replaceChildren(details, h('h2', {}, node.label), h('p', {}, `${node.type} · ${node.cluster ?? 'in no cluster'}`), path ? h('a', { href: path }, 'Open its page') : null);
  };
  async function activate(node: PlacedNode): Promise<void> {
    view.selected = node.id;
    showDetails(node);
    if (!view.expanded.has(node.id)) {
      view.expanded.add(node.id);
      try {
        view.merge(await getJson<GraphAnswer>(apiUrl('/graph', { seed: node.id, depth: 1 })));
      } catch (error) {
        replaceChildren(status, notice(`Could not expand ${node.label}: ${error instanceof Error ? error.message : String(error)}`, 'error'));
      }
    }
    redraw();
    (svg.querySelector(`[data-id="${CSS.escape(node.id)}"]`) as SVGGElement | null)?.focus();
  }
  redraw();
  const fileStem = `indicia-graph-${seed.replace(/[^a-z0-9@.+-]+/gi, '_')}`;
  root.append(
    h(
      'div',
      { class: 'actions' },
      button('Export SVG', () => download(`${fileStem}.svg`, 'image/svg+xml', new XMLSerializer().serializeToString(svg))),
      button('Export JSON', () => download(`${fileStem}.json`, 'application/json', view.toJson())),
      counts,
    ),
    status,
    h('div', { class: 'graph-layout' }, h('div', { class: 'graph-frame' }, svg), details),
    h('p', { class: 'hint' }, 'Solid lines: strong links (the same contact); dashed: weak ones. Colours are clusters. Tab to a node and press Enter to expand it.'),
  );
  return root;
}

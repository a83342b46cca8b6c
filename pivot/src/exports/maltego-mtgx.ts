/**
 * A native Maltego graph file (.mtgx): a zip holding Graphs/Graph1.graphml, GraphML whose nodes
 * and edges carry Maltego's own elements (namespace http://maltego.paterva.com/xml/mtgx):
 * `mtg:MaltegoEntity type="maltego.Domain"` with its `mtg:Properties`, an `mtg:EntityRenderer`
 * position, and `mtg:MaltegoLink type="maltego.link.manual-link"` whose label property
 * (maltego.link.manual.type) names the Indicia edge kind. Opened with File → Open in Maltego,
 * unlike the CSV tables, which go through the import wizard.
 */
import type { GraphEdge, GraphNode, LinkGraph } from '../graph/graph-model.js';
import { xmlAttribute, xmlText } from '../graph/xml-text.js';
import { maltegoEntityTypeOf, maltegoValueOf, maltegoValueProperty } from './maltego-entities.js';
import { zipArchive } from './zip-archive.js';

export const maltegoGraphPath = 'Graphs/Graph1.graphml';
export const maltegoNamespace = 'http://maltego.paterva.com/xml/mtgx';

/** Keys of the GraphML: Maltego reads entities and links by these attr.names / yfiles types. */
const keys = {
  entity: 'd1',
  renderer: 'd2',
  link: 'd3',
} as const;

/** Entities laid out on a grid this many columns wide, this far apart (Maltego's own layouts can redo it). */
const gridColumns = 40;
const gridSpacing = 120;

/** The .mtgx bytes of a graph. */
export function maltegoGraphFile(graph: LinkGraph): Buffer {
  return zipArchive([{ name: maltegoGraphPath, data: Buffer.from(maltegoGraphml(graph), 'utf8') }]);
}

/** The Graph1.graphml inside the .mtgx. */
export function maltegoGraphml(graph: LinkGraph): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:mtg="${maltegoNamespace}">`,
    `  <key id="${keys.entity}" for="node" attr.name="MaltegoEntity"/>`,
    `  <key id="${keys.renderer}" for="node" yfiles.type="nodegraphics"/>`,
    `  <key id="${keys.link}" for="edge" attr.name="MaltegoLink"/>`,
    '  <graph id="G" edgedefault="directed">',
  ];
  // GraphML ids are NMTOKENs: `phone:+1...` and `email:a@b` cannot be ids, so nodes are n0, n1...
  const fileIdOf = new Map<string, string>();
  for (const node of graph.nodes.values()) {
    const index = fileIdOf.size;
    const fileId = `n${index}`;
    fileIdOf.set(node.id, fileId);
    const type = maltegoEntityTypeOf(node);
    lines.push(
      `    <node id="${fileId}">`,
      `      <data key="${keys.entity}">`,
      `        <mtg:MaltegoEntity type="${xmlAttribute(type)}">`,
      '          <mtg:Properties>',
      ...entityProperties(node, type).map((property) => `            ${property}`),
      '          </mtg:Properties>',
      '        </mtg:MaltegoEntity>',
      '      </data>',
      `      <data key="${keys.renderer}">`,
      `        <mtg:EntityRenderer><mtg:Position x="${(index % gridColumns) * gridSpacing}.0" y="${Math.floor(index / gridColumns) * gridSpacing}.0"/></mtg:EntityRenderer>`,
      '      </data>',
      '    </node>',
    );
  }
  let edgeNumber = 0;
  for (const edge of graph.edges.values()) {
    lines.push(
      `    <edge id="e${edgeNumber++}" source="${fileIdOf.get(edge.source)!}" target="${fileIdOf.get(edge.target)!}">`,
      `      <data key="${keys.link}">`,
      '        <mtg:MaltegoLink type="maltego.link.manual-link">',
      '          <mtg:Properties>',
      `            ${property({ name: 'maltego.link.manual.type', displayName: 'Label', value: edge.kind })}`,
      `            ${property({ name: 'maltego.link.manual.description', displayName: 'Description', value: describeEdge(edge) })}`,
      `            ${property({ name: 'indicia.strength', displayName: 'Indicia link strength', value: edge.strength })}`,
      '          </mtg:Properties>',
      '        </mtg:MaltegoLink>',
      '      </data>',
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function entityProperties(node: GraphNode, type: string): string[] {
  const main = maltegoValueProperty[type] ?? { name: 'value', displayName: 'Value' };
  const properties = [property({ ...main, value: maltegoValueOf(node) })];
  if (node.kind === 'ad' && node.ad !== undefined) {
    properties.push(property({ name: 'short-title', displayName: 'Title', value: node.ad.title }));
    properties.push(property({ name: 'indicia.site', displayName: 'Site', value: node.ad.site }));
    properties.push(property({ name: 'indicia.first-seen', displayName: 'First seen', value: node.ad.firstSeen }));
    properties.push(property({ name: 'indicia.last-seen', displayName: 'Last seen', value: node.ad.lastSeen }));
  }
  if (node.platform !== undefined) properties.push(property({ name: 'indicia.platform', displayName: 'Platform', value: node.platform }));
  if (node.chain !== undefined) properties.push(property({ name: 'indicia.chain', displayName: 'Chain', value: node.chain }));
  properties.push(property({ name: 'indicia.id', displayName: 'Indicia ID', value: node.id }));
  return properties;
}

function property(spec: { name: string; displayName: string; value: string }): string {
  return `<mtg:Property name="${xmlAttribute(spec.name)}" displayName="${xmlAttribute(spec.displayName)}" type="string" hidden="false" nullable="true" readonly="false"><mtg:Value>${xmlText(spec.value)}</mtg:Value></mtg:Property>`;
}

/** Where the link comes from, in a line an analyst reads: the ads, or the records and when. */
function describeEdge(edge: GraphEdge): string {
  const sources = edge.provenance.map((provenance) => {
    switch (provenance.from) {
      case 'ad':
        return `ad ${provenance.adId}`;
      case 'registration':
        return `${provenance.source} ${provenance.firstObservedAt} – ${provenance.lastObservedAt}`;
      case 'dns':
        return `DNS ${provenance.firstObservedAt} – ${provenance.lastObservedAt}`;
      case 'derived':
        return provenance.rule;
    }
  });
  return `${edge.strength} link; ${sources.join('; ')}`;
}

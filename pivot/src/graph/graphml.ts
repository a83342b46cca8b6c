import type { GraphSerialiseOptions } from './graph-json.js';
import type { GraphNode, LinkGraph } from './graph-model.js';
import { xmlAttribute, xmlText } from './xml-text.js';

const nodeKeys = ['id', 'kind', 'value', 'label', 'platform', 'chain', 'url', 'site', 'firstSeen', 'lastSeen', 'cluster'] as const;
const edgeKeys = ['kind', 'strength', 'provenance'] as const;

/**
 * GraphML (graphml.graphdrawing.org). Node ids in the file are n0, n1...: GraphML types ids as
 * NMTOKEN, which cannot hold the '+' and '@' of `phone:+1...` or `email:a@b`; the Indicia id is the
 * `id` data key. Provenance is written as JSON text.
 */
export function graphToGraphml(graph: LinkGraph, options: GraphSerialiseOptions = {}): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const key of nodeKeys) lines.push(`  <key id="node-${key}" for="node" attr.name="${key}" attr.type="string"/>`);
  for (const key of edgeKeys) lines.push(`  <key id="edge-${key}" for="edge" attr.name="${key}" attr.type="string"/>`);
  lines.push('  <graph id="indicia" edgedefault="directed">');
  const fileIdOf = new Map<string, string>();
  for (const node of graph.nodes.values()) {
    const fileId = `n${fileIdOf.size}`;
    fileIdOf.set(node.id, fileId);
    lines.push(`    <node id="${fileId}">`);
    for (const [key, value] of nodeData(node, options.clusterOf?.get(node.id))) lines.push(`      <data key="node-${key}">${xmlText(value)}</data>`);
    lines.push('    </node>');
  }
  let edgeNumber = 0;
  for (const edge of graph.edges.values()) {
    lines.push(`    <edge id="e${edgeNumber++}" source="${xmlAttribute(fileIdOf.get(edge.source)!)}" target="${xmlAttribute(fileIdOf.get(edge.target)!)}">`);
    lines.push(`      <data key="edge-kind">${edge.kind}</data>`);
    lines.push(`      <data key="edge-strength">${edge.strength}</data>`);
    lines.push(`      <data key="edge-provenance">${xmlText(JSON.stringify(edge.provenance))}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** The node's attributes that have a value, by key name. */
export function nodeData(node: GraphNode, cluster: string | undefined): Array<[(typeof nodeKeys)[number], string]> {
  const values: Record<(typeof nodeKeys)[number], string | undefined> = {
    id: node.id,
    kind: node.kind,
    value: node.value,
    label: node.label,
    platform: node.platform,
    chain: node.chain,
    url: node.ad?.url,
    site: node.ad?.site,
    firstSeen: node.ad?.firstSeen,
    lastSeen: node.ad?.lastSeen,
    cluster,
  };
  return nodeKeys.flatMap((key) => (values[key] === undefined ? [] : [[key, values[key]!] as [(typeof nodeKeys)[number], string]]));
}

export const graphNodeAttributeNames: readonly string[] = nodeKeys;

import type { GraphSerialiseOptions } from './graph-json.js';
import type { LinkGraph } from './graph-model.js';
import { graphNodeAttributeNames, nodeData } from './graphml.js';
import { xmlAttribute } from './xml-text.js';

/**
 * GEXF 1.3 (gexf.net), Gephi's format. Node ids are the Indicia ids (GEXF ids are plain strings);
 * the cluster is a node attribute so Gephi can colour by it.
 */
export function graphToGexf(graph: LinkGraph, options: GraphSerialiseOptions = {}): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>Indicia</creator>',
    '    <description>Indicia link graph: ads, their contact indicators, and the registrations and DNS of their domains</description>',
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
  ];
  for (const name of graphNodeAttributeNames) lines.push(`      <attribute id="${name}" title="${name}" type="string"/>`);
  lines.push('    </attributes>', '    <attributes class="edge">');
  for (const name of ['strength', 'provenance']) lines.push(`      <attribute id="${name}" title="${name}" type="string"/>`);
  lines.push('    </attributes>', '    <nodes>');
  for (const node of graph.nodes.values()) {
    lines.push(`      <node id="${xmlAttribute(node.id)}" label="${xmlAttribute(node.label)}">`, '        <attvalues>');
    for (const [key, value] of nodeData(node, options.clusterOf?.get(node.id))) lines.push(`          <attvalue for="${key}" value="${xmlAttribute(value)}"/>`);
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  let edgeNumber = 0;
  for (const edge of graph.edges.values()) {
    lines.push(`      <edge id="e${edgeNumber++}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}" label="${edge.kind}">`, '        <attvalues>');
    lines.push(`          <attvalue for="strength" value="${edge.strength}"/>`);
    lines.push(`          <attvalue for="provenance" value="${xmlAttribute(JSON.stringify(edge.provenance))}"/>`);
    lines.push('        </attvalues>', '      </edge>');
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

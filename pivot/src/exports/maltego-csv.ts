import { csvRow } from '@indicia/core';
import type { LinkGraph } from '../graph/graph-model.js';
import { maltegoEntityTypeOf, maltegoValueOf } from './maltego-entities.js';

export { maltegoEntityOfKind } from './maltego-entities.js';

export const maltegoEntityColumns = ['Entity Type', 'Value', 'Indicia ID'] as const;
export const maltegoLinkColumns = ['Source Type', 'Source Value', 'Target Type', 'Target Value', 'Link Label'] as const;

export interface MaltegoLinkTable {
  /** A file name: "<source type>--<target type>.csv". */
  name: string;
  sourceType: string;
  targetType: string;
  csv: string;
}

export interface MaltegoTables {
  /** Every entity: type, value, Indicia node id. */
  entities: string;
  /** Every link, each row naming both entities' types. */
  links: string;
  /**
   * The links again, one file per (source type, target type), two value columns and a label.
   * Maltego's "Import Graph from Table" wizard maps each column to one entity type, so a file
   * with a single type per column imports with one mapping and the "Sequential" connectivity.
   */
  linkTables: MaltegoLinkTable[];
}

/** Maltego-importable tables of a graph. Every cell is neutralised against spreadsheet formulas. */
export function maltegoTables(graph: LinkGraph): MaltegoTables {
  let entities = csvRow(maltegoEntityColumns);
  for (const node of graph.nodes.values()) entities += csvRow([maltegoEntityTypeOf(node), maltegoValueOf(node), node.id]);
  let links = csvRow(maltegoLinkColumns);
  const byTypes = new Map<string, MaltegoLinkTable>();
  for (const edge of graph.edges.values()) {
    const source = graph.nodes.get(edge.source)!;
    const target = graph.nodes.get(edge.target)!;
    const [sourceType, targetType] = [maltegoEntityTypeOf(source), maltegoEntityTypeOf(target)];
    links += csvRow([sourceType, maltegoValueOf(source), targetType, maltegoValueOf(target), edge.kind]);
    const name = `${sourceType}--${targetType}.csv`;
    let table = byTypes.get(name);
    if (table === undefined) {
      const header = sourceType === targetType ? [`${sourceType} (source)`, `${targetType} (target)`, 'Link Label'] : [sourceType, targetType, 'Link Label'];
      table = { name, sourceType, targetType, csv: csvRow(header) };
      byTypes.set(name, table);
    }
    table.csv += csvRow([maltegoValueOf(source), maltegoValueOf(target), edge.kind]);
  }
  return { entities, links, linkTables: [...byTypes.values()].sort((a, b) => (a.name < b.name ? -1 : 1)) };
}

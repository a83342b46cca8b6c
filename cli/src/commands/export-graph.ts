import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '@indicia/core';
import { maltegoGraphFile, maltegoTables, neighbourhood, stixBundle, type LinkGraph } from '@indicia/pivot';
import { loadLinkGraphAt, seedNodeIds } from '../link-graph-source.js';

export interface GraphExportFlags {
  /** maltego: CSV tables for Maltego's import wizard (--output DIR); mtgx: a native Maltego graph file (--output FILE). */
  format: 'stix' | 'maltego' | 'mtgx';
  output?: string;
  seed?: string;
  depth: number;
  data?: string;
  es?: string;
}

/** The link graph (whole, or around a seed) as a STIX 2.1 bundle, Maltego import tables or a Maltego graph file. */
export async function exportGraph(flags: GraphExportFlags): Promise<void> {
  if (flags.format === 'maltego' && !flags.output) throw new UsageError('--format maltego writes several tables: give --output DIR');
  if (flags.format === 'mtgx' && !flags.output) throw new UsageError('--format mtgx writes a zip file: give --output FILE (graph.mtgx)');
  let graph: LinkGraph = await loadLinkGraphAt(flags);
  if (flags.seed !== undefined) {
    const seed = seedNodeIds(flags.seed).find((id) => graph.nodes.has(id));
    if (seed === undefined) throw new UsageError(`${flags.seed} is not in the graph: no ad or registration holds it`);
    graph = neighbourhood(graph, seed, flags.depth, { nodeCap: 100_000 }).graph;
  }
  if (flags.format === 'stix') {
    const { bundle, skipped } = stixBundle(graph);
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (flags.output) writeFileSync(flags.output, text);
    else process.stdout.write(text);
    process.stderr.write(`exported a STIX 2.1 bundle of ${bundle.objects.length} objects (${graph.nodes.size} nodes, ${graph.edges.size} links${skipped.length > 0 ? `; ${skipped.length} nodes left out, e.g. ${skipped[0]!.id}: ${skipped[0]!.reason}` : ''})${flags.output ? ` to ${flags.output}` : ''}\n`);
    return;
  }
  if (flags.format === 'mtgx') {
    writeFileSync(flags.output!, maltegoGraphFile(graph));
    process.stderr.write(`exported a Maltego graph of ${graph.nodes.size} entities and ${graph.edges.size} links to ${flags.output} (open it in Maltego: File → Open)\n`);
    return;
  }
  const tables = maltegoTables(graph);
  mkdirSync(flags.output!, { recursive: true });
  writeFileSync(join(flags.output!, 'entities.csv'), tables.entities);
  writeFileSync(join(flags.output!, 'links.csv'), tables.links);
  for (const table of tables.linkTables) writeFileSync(join(flags.output!, table.name), table.csv);
  process.stderr.write(`exported ${graph.nodes.size} Maltego entities and ${graph.edges.size} links to ${flags.output} (entities.csv, links.csv and ${tables.linkTables.length} per-type link tables)\n`);
}

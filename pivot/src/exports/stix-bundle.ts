import type { EdgeProvenance, GraphEdge, GraphNode, LinkGraph } from '../graph/graph-model.js';
import { indiciaStixId, stixScoId, stixTimestamp } from './stix-identifiers.js';
import { identityOf, indiciaExtension, indiciaIdentity, indiciaIdentityId, observableOf, type StixObject } from './stix-observables.js';

export interface StixExportOptions {
  /** `created`/`modified` of the objects made for this export; default now. */
  exportedAt?: Date | string;
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export interface StixExport {
  bundle: StixBundle;
  /** Nodes and edges left out, and why (an ad with an unreadable date, a site that is no host name). */
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * A STIX 2.1 bundle of a graph (or a neighbourhood of one). Indicator values become SCOs with
 * deterministic ids; each ad becomes an observed-data SDO whose object_refs are its URL and the
 * indicators read in it (so `contains` edges need no relationship); registrars and registrant
 * names/organisations become identity SDOs; every other edge becomes a relationship whose
 * relationship_type is the edge kind, one per observed time range with start_time/stop_time.
 */
export function stixBundle(graph: LinkGraph, options: StixExportOptions = {}): StixExport {
  const exportedAt = stixTimestamp(options.exportedAt ?? new Date()) ?? new Date().toISOString();
  const objects = new Map<string, StixObject>();
  const add = (object: StixObject): void => {
    if (!objects.has(object.id)) objects.set(object.id, object);
  };
  const skipped: StixExport['skipped'] = [];
  add(indiciaIdentity);
  const stixIdOf = new Map<string, string>();
  for (const node of graph.nodes.values()) {
    if (node.kind === 'ad') continue;
    const object = identityOf(node, exportedAt) ?? observableOf(node);
    if ('reason' in object) {
      skipped.push({ id: node.id, reason: String(object.reason) });
      continue;
    }
    add(object);
    stixIdOf.set(node.id, object.id);
  }
  if ([...objects.values()].some((object) => object.type.startsWith('x-indicia-'))) add(indiciaExtension);
  const contained = containedBy(graph);
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'ad') continue;
    const observed = observedDataOf(node, contained.get(node.id) ?? [], stixIdOf, exportedAt);
    if ('reason' in observed) {
      skipped.push({ id: node.id, reason: String(observed.reason) });
      continue;
    }
    for (const object of observed.objects) add(object);
    stixIdOf.set(node.id, observed.objects[observed.objects.length - 1]!.id);
  }
  for (const edge of graph.edges.values()) {
    if (edge.kind === 'contains') continue;
    const source = stixIdOf.get(edge.source);
    const target = stixIdOf.get(edge.target);
    if (source === undefined || target === undefined || source === target) continue;
    for (const relationship of relationshipsOf(edge, source, target, exportedAt)) add(relationship);
  }
  const ordered = [...objects.values()];
  const bundleId = indiciaStixId('bundle', ...ordered.map((object) => object.id).sort());
  return { bundle: { type: 'bundle', id: bundleId, objects: ordered }, skipped };
}

function containedBy(graph: LinkGraph): Map<string, string[]> {
  const contained = new Map<string, string[]>();
  for (const edge of graph.edges.values()) {
    if (edge.kind !== 'contains') continue;
    const list = contained.get(edge.source);
    if (list === undefined) contained.set(edge.source, [edge.target]);
    else list.push(edge.target);
  }
  return contained;
}

function observedDataOf(node: GraphNode, containedNodeIds: string[], stixIdOf: ReadonlyMap<string, string>, exportedAt: string): { objects: StixObject[] } | { reason: string } {
  const firstObserved = stixTimestamp(node.ad?.firstSeen ?? '');
  const lastObserved = stixTimestamp(node.ad?.lastSeen ?? '');
  if (node.ad === undefined || firstObserved === null || lastObserved === null) return { reason: 'ad without readable first/last seen dates' };
  const adUrl: StixObject = { type: 'url', spec_version: '2.1', id: stixScoId('url', { value: node.ad.url }), value: node.ad.url };
  const refs = [adUrl.id, ...containedNodeIds.flatMap((id) => stixIdOf.get(id) ?? [])];
  const [first, last] = Date.parse(firstObserved) <= Date.parse(lastObserved) ? [firstObserved, lastObserved] : [lastObserved, firstObserved];
  const observed: StixObject = {
    type: 'observed-data', spec_version: '2.1', id: indiciaStixId('observed-data', node.value), created: exportedAt, modified: exportedAt,
    created_by_ref: indiciaIdentityId, first_observed: first, last_observed: last, number_observed: 1, object_refs: [...new Set(refs)],
  };
  return { objects: [adUrl, observed] };
}

function relationshipsOf(edge: GraphEdge, source: string, target: string, exportedAt: string): StixObject[] {
  const ranges = edge.provenance.flatMap((provenance) => timeRangeOf(provenance) ?? []);
  const base = { type: 'relationship', spec_version: '2.1', created: exportedAt, modified: exportedAt, created_by_ref: indiciaIdentityId, relationship_type: edge.kind, source_ref: source, target_ref: target };
  if (ranges.length === 0) return [{ ...base, id: indiciaStixId('relationship', source, edge.kind, target) }];
  const distinct = new Map(ranges.map((range) => [`${range.start}|${range.stop}`, range]));
  return [...distinct.values()].map(({ start, stop }) => {
    // stop_time must be later than start_time: a range seen once has a start only.
    const times = stop > start ? { start_time: start, stop_time: stop } : { start_time: start };
    return { ...base, id: indiciaStixId('relationship', source, edge.kind, target, start, stop), ...times };
  });
}

function timeRangeOf(provenance: EdgeProvenance): { start: string; stop: string } | null {
  if (provenance.from !== 'registration' && provenance.from !== 'dns') return null;
  const start = stixTimestamp(provenance.firstObservedAt);
  const stop = stixTimestamp(provenance.lastObservedAt);
  return start === null || stop === null ? null : { start, stop };
}

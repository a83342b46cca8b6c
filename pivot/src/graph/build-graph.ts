import { addAd, commonDomainSet } from './ad-edges.js';
import { addDnsHistory } from './dns-edges.js';
import type { BuildGraphOptions, GraphInput } from './graph-input.js';
import { emptyLinkGraph, type LinkGraph } from './graph-model.js';
import { addRegistrations } from './registration-edges.js';

/** The link graph of ads, their indicators, and the registrations and DNS of their domains. */
export function buildLinkGraph(input: GraphInput, options: BuildGraphOptions = {}): LinkGraph {
  const graph = emptyLinkGraph();
  const commonDomains = commonDomainSet(options);
  for (const ad of input.ads) addAd(graph, ad, { commonDomains });
  if (input.registrations !== undefined) addRegistrations(graph, input.registrations);
  if (input.dns !== undefined) addDnsHistory(graph, input.dns);
  return graph;
}

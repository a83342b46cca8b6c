import { domainNodeOf } from './ad-edges.js';
import { addEdge, addNode } from './graph-assembly.js';
import type { GraphDns } from './graph-input.js';
import { nodeIdOf, type EdgeKind, type GraphNode, type LinkGraph } from './graph-model.js';
import { observationRuns } from './observation-runs.js';

interface DnsFact {
  target: GraphNode;
  kind: EdgeKind;
}

/**
 * Adds each domain's DNS answers over time: A/AAAA → `ip:`, NS → `nameserver:`, MX → `mail-server:`.
 * All weak: shared hosting puts thousands of strangers on one IP and one name server.
 */
export function addDnsHistory(graph: LinkGraph, answers: Iterable<GraphDns>): void {
  const byDomain = new Map<string, GraphDns[]>();
  for (const answer of answers) {
    const domain = answer.domain.toLowerCase();
    const list = byDomain.get(domain);
    if (list === undefined) byDomain.set(domain, [answer]);
    else list.push(answer);
  }
  for (const [domain, snapshots] of byDomain) {
    const domainNode = addNode(graph, domainNodeOf(domain));
    const facts = new Map<string, DnsFact>();
    const perSnapshot = snapshots.map((answer) => {
      const keys: string[] = [];
      for (const fact of factsOf(answer)) {
        const key = `${fact.kind}\u0000${fact.target.id}`;
        facts.set(key, fact);
        keys.push(key);
      }
      return { observedAt: answer.observedAt, facts: keys };
    });
    for (const [key, runs] of observationRuns(perSnapshot)) {
      const fact = facts.get(key)!;
      const target = addNode(graph, fact.target);
      for (const run of runs) addEdge(graph, { source: domainNode, target, kind: fact.kind, strength: 'weak', provenance: { from: 'dns', ...run } });
    }
  }
}

function* factsOf(answer: GraphDns): Generator<DnsFact> {
  for (const address of [...answer.a, ...answer.aaaa]) {
    const value = address.trim().toLowerCase();
    if (value !== '') yield { target: { id: nodeIdOf('ip', value), kind: 'ip', value, label: value }, kind: 'resolves-to' };
  }
  for (const nameserver of answer.ns) {
    const value = hostOf(nameserver);
    if (value !== '') yield { target: { id: nodeIdOf('nameserver', value), kind: 'nameserver', value, label: value }, kind: 'nameserver' };
  }
  for (const { exchange } of answer.mx) {
    const value = hostOf(exchange);
    if (value !== '') yield { target: { id: nodeIdOf('mail-server', value), kind: 'mail-server', value, label: value }, kind: 'mail-exchanger' };
  }
}

function hostOf(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

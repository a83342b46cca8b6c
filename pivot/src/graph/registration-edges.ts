import { contactRoles, type ContactRole, type RegistrationContact, type RegistrationRecord, type RegistrationSource } from '@indicia/core';
import { registrationPhoneE164 } from '../contact-phone.js';
import { redactionOf } from '../redaction.js';
import { addEmailDomain, domainNodeOf } from './ad-edges.js';
import { addEdge, addNode } from './graph-assembly.js';
import type { GraphRegistration } from './graph-input.js';
import { nodeIdOf, type EdgeKind, type EdgeStrength, type GraphNode, type LinkGraph } from './graph-model.js';
import { observationRuns } from './observation-runs.js';

/** One link a snapshot states: domain → value. */
interface RegistrationFact {
  target: GraphNode;
  kind: EdgeKind;
  strength: EdgeStrength;
}

/**
 * Adds every domain's registration history: one edge per (domain, role, value), with one
 * provenance per run of consecutive snapshots of a source that held it. A registrant's phone and
 * email are the same `phone:`/`email:` nodes an ad's are: that shared node is the pivot from an ad
 * to a WHOIS record, and the role stays on the edge. Names and organisations are weak: strangers
 * share names, and "Domain Admin" is everyone.
 */
export function addRegistrations(graph: LinkGraph, registrations: Iterable<GraphRegistration>): void {
  const byDomainAndSource = new Map<string, GraphRegistration[]>();
  // An unregistered ("no match") snapshot holds no facts: it ends every run, as it should.
  for (const registration of registrations) {
    const key = `${registration.domain.toLowerCase()}\u0000${registration.source}`;
    const list = byDomainAndSource.get(key);
    if (list === undefined) byDomainAndSource.set(key, [registration]);
    else list.push(registration);
  }
  for (const snapshots of byDomainAndSource.values()) addHistory(graph, snapshots);
}

function addHistory(graph: LinkGraph, snapshots: GraphRegistration[]): void {
  const first = snapshots[0]!;
  const domain = first.domain.toLowerCase();
  const source: RegistrationSource = first.source;
  const domainNode = addNode(graph, domainNodeOf(domain));
  const facts = new Map<string, RegistrationFact>();
  const perSnapshot = snapshots.map((snapshot) => {
    const keys: string[] = [];
    for (const fact of factsOf(graph, domain, snapshot.record)) {
      const key = `${fact.kind}\u0000${fact.target.id}`;
      facts.set(key, fact);
      keys.push(key);
    }
    return { observedAt: snapshot.observedAt, facts: keys };
  });
  for (const [key, runs] of observationRuns(perSnapshot)) {
    const fact = facts.get(key)!;
    const target = addNode(graph, fact.target);
    if (fact.target.kind === 'email') addEmailDomain(graph, target, fact.target.value);
    for (const run of runs) {
      addEdge(graph, { source: domainNode, target, kind: fact.kind, strength: fact.strength, provenance: { from: 'registration', source, ...run } });
    }
  }
}

function* factsOf(graph: LinkGraph, domain: string, record: RegistrationRecord): Generator<RegistrationFact> {
  const proxyService = record.privacyProxy?.service?.trim().toLowerCase() ?? null;
  for (const role of contactRoles) {
    const contact = record[role];
    if (contact !== null) yield* contactFacts(graph, domain, role, contact, proxyService);
  }
  const registrar = record.registrar?.name?.trim();
  if (registrar !== undefined && registrar !== '') {
    yield { target: { id: nodeIdOf('registrar', registrar.toLowerCase()), kind: 'registrar', value: registrar.toLowerCase(), label: registrar }, kind: 'registrar', strength: 'weak' };
  }
  for (const nameserver of record.nameservers) {
    const host = nameserver.trim().toLowerCase().replace(/\.$/, '');
    if (host !== '') yield { target: { id: nodeIdOf('nameserver', host), kind: 'nameserver', value: host, label: host }, kind: 'nameserver', strength: 'weak' };
  }
}

/**
 * A contact's identity values. The record already keeps redactions and proxy stand-ins out of
 * these fields; they are checked again because one leaked "REDACTED FOR PRIVACY" would join
 * thousands of unrelated domains into one cluster.
 */
function* contactFacts(graph: LinkGraph, domain: string, role: ContactRole, contact: RegistrationContact, proxyService: string | null): Generator<RegistrationFact> {
  const usable = (field: 'email' | 'phone' | 'name' | 'organization'): string | null => {
    const value = contact[field]?.trim() ?? '';
    if (value === '' || contact.redacted.includes(field) || redactionOf(value) !== null) return null;
    if (proxyService !== null && value.toLowerCase() === proxyService) return null;
    return value;
  };
  const email = usable('email')?.toLowerCase();
  if (email !== undefined) yield { target: { id: nodeIdOf('email', email), kind: 'email', value: email, label: email }, kind: role, strength: 'strong' };
  const rawPhone = usable('phone');
  if (rawPhone !== null) {
    const phone = /^\+\d{6,15}$/.test(rawPhone) ? rawPhone : registrationPhoneE164(rawPhone, contact.country);
    if (phone === null) graph.skipped.push({ domain, reason: `${role} phone is not a readable number` });
    else yield { target: { id: nodeIdOf('phone', phone), kind: 'phone', value: phone, label: phone }, kind: role, strength: 'strong' };
  }
  const name = usable('name');
  if (name !== null) yield { target: personNode('registrant-name', name), kind: role, strength: 'weak' };
  const organization = usable('organization');
  if (organization !== null) yield { target: personNode('registrant-org', organization), kind: role, strength: 'weak' };
}

/** Names are matched case- and space-insensitively ("ACME  Ltd" is "Acme Ltd"); the label keeps the spelling. */
function personNode(kind: 'registrant-name' | 'registrant-org', written: string): GraphNode {
  const value = written.replace(/\s+/g, ' ').toLowerCase();
  return { id: nodeIdOf(kind, value), kind, value, label: written };
}

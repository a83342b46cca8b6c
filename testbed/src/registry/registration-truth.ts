import { groundTruth, type GroundTruth } from '../ground-truth.js';
import { buildOperators, operatorCountFor } from '../operators.js';
import { resolveContentOptions, type ContentOptions } from '../testbed-options.js';
import { sharedHosting, privacyProxyContact } from './registry-data.js';
import { RegistrationWorld } from './registration-world.js';
import type { RegistrationTruth, ReverseWhoisTruth, TruthRegistrant, TruthRegistrationCluster } from './registration-types.js';
import { UnionFind } from './union-find.js';

export interface RegistrationTruthOptions extends ContentOptions {
  /** groundTruth({seed, ads}) when the caller has it already (it costs a pass over every ad). */
  groundTruth?: GroundTruth;
}

/** The registration world of the testbed for (seed, ads), and what a perfect pivot stage finds in it. */
export function registrationTruth(options: RegistrationTruthOptions = {}): RegistrationTruth {
  const { seed, ads } = resolveContentOptions(options);
  const truth = options.groundTruth ?? groundTruth({ seed, ads });
  if (truth.seed !== seed || truth.adCount !== ads) throw new RangeError('registrationTruth: groundTruth is of another seed or ad count');
  const world = registrationWorldFor(seed, ads);
  const registrants = registrantsOf(world);
  return {
    seed,
    adCount: ads,
    registrars: world.registrars.map((registrar) => ({ ...registrar })),
    sharedHosting: {
      name: sharedHosting.name,
      nameservers: [...sharedHosting.nameservers],
      ipv4: sharedHosting.ipv4,
      ipv6: sharedHosting.ipv6,
      domains: world.domains.filter((domain) => domain.hosting !== null).map((domain) => domain.domain),
    },
    privacyProxyEmail: privacyProxyContact.email,
    domains: structuredClone(world.domains),
    registrants,
    reverseWhois: reverseWhoisOf(world),
    clusters: linkedClusters(world, truth),
  };
}

/** The world the servers answer from (the same for the same seed and ad count). */
export function registrationWorldFor(seed: number, ads: number): RegistrationWorld {
  return new RegistrationWorld(seed, buildOperators(seed, operatorCountFor(ads)));
}

function registrantsOf(world: RegistrationWorld): TruthRegistrant[] {
  const registrants: TruthRegistrant[] = world.people.map((person) => ({
    id: person.id,
    name: person.contact.name,
    organization: person.contact.organization,
    emails: [...person.emails],
    phone: person.contact.phone,
    clusters: [...person.clusters].sort(),
    holdings: [],
  }));
  const byId = new Map(registrants.map((registrant) => [registrant.id, registrant]));
  for (const domain of world.domains) {
    for (const period of domain.history) {
      if (period.registrantId === null) continue;
      byId.get(period.registrantId)!.holdings.push({ domain: domain.domain, email: period.contact.email, validFrom: period.validFrom, validTo: period.validTo });
    }
  }
  // A person kept only behind a privacy service holds nothing anyone can see.
  return registrants.filter((registrant) => registrant.holdings.length > 0);
}

function reverseWhoisOf(world: RegistrationWorld): ReverseWhoisTruth[] {
  const entries = new Map<string, ReverseWhoisTruth>();
  for (const domain of world.domains) {
    for (const period of domain.history) {
      if (period.registrantId === null) continue;
      const { contact } = period;
      const values: Array<[ReverseWhoisTruth['field'], string]> = [['email', contact.email.toLowerCase()], ['phone', contact.phone], ['name', contact.name], ['organization', contact.organization]];
      for (const [field, value] of values) {
        const key = `${field}\u0000${value}`;
        const entry = entries.get(key) ?? { field, value, holdings: [] };
        entry.holdings.push({ domain: domain.domain, validFrom: period.validFrom, validTo: period.validTo });
        entries.set(key, entry);
      }
    }
  }
  return [...entries.values()];
}

/**
 * Connected components of operators over strong identifiers: what each operator's in-scope ads
 * show (phones, emails, handles, website domains), and each website's registrant email and phone
 * over its whole history. Privacy-service and redacted records join nothing, nor do the IANA
 * reservations of the email providers' domains, nor shared hosting (a weak link).
 */
function linkedClusters(world: RegistrationWorld, truth: GroundTruth): TruthRegistrationCluster[] {
  const links = new UnionFind();
  const adUrls = new Map<string, string[]>();
  for (const ad of truth.ads) {
    const operator = `operator:${ad.cluster}`;
    links.add(operator);
    adUrls.set(ad.cluster, [...(adUrls.get(ad.cluster) ?? []), ad.url]);
    for (const phone of ad.phones) links.join(operator, `phone:${phone}`);
    for (const email of ad.emails) links.join(operator, `email:${email}`);
    for (const handle of ad.handles) links.join(operator, `handle:${handle.platform}:${handle.value}`);
    for (const domain of ad.domains) links.join(operator, `domain:${domain}`);
  }
  const registrantNodes = new Map<string, string>();
  for (const domain of world.domains) {
    if (domain.kind !== 'operator-website') continue;
    for (const period of domain.history) {
      if (period.registrantId === null) continue;
      const email = `email:${period.contact.email.toLowerCase()}`;
      links.join(`domain:${domain.domain}`, email);
      links.join(`domain:${domain.domain}`, `phone:${period.contact.phone}`);
      registrantNodes.set(period.registrantId, email);
    }
  }
  const components = new Map<string, { operators: string[]; domains: string[]; registrants: string[] }>();
  const componentOf = (node: string) => {
    const root = links.find(node);
    let component = components.get(root);
    if (component === undefined) components.set(root, (component = { operators: [], domains: [], registrants: [] }));
    return component;
  };
  for (const node of links.nodes()) {
    if (node.startsWith('operator:')) componentOf(node).operators.push(node.slice('operator:'.length));
  }
  for (const node of links.nodes()) {
    if (!node.startsWith('domain:')) continue;
    const component = components.get(links.find(node));
    if (component !== undefined) component.domains.push(node.slice('domain:'.length));
  }
  for (const [registrant, node] of registrantNodes) components.get(links.find(node))?.registrants.push(registrant);
  const clusters = [...components.values()]
    .filter((component) => component.operators.length > 0)
    .map((component) => ({
      operators: component.operators.sort(),
      domains: component.domains.sort(),
      registrants: component.registrants.sort(),
      adUrls: component.operators.flatMap((operator) => adUrls.get(operator) ?? []).sort(),
    }))
    .sort((a, b) => b.operators.length - a.operators.length || a.operators[0]!.localeCompare(b.operators[0]!));
  return clusters.map((cluster, index) => ({ id: `linked-${String(index + 1).padStart(4, '0')}`, ...cluster }));
}

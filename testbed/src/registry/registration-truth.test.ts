import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { groundTruth } from '../ground-truth.js';
import { buildOperators, operatorCountFor } from '../operators.js';
import { registrationTruth } from './registration-truth.js';
import { privacyProxyContact } from './registry-data.js';
import type { RegistrationTruth } from './registration-types.js';

const seed = 4;
const ads = 900;
const ground = groundTruth({ seed, ads });
const truth = registrationTruth({ seed, ads, groundTruth: ground });
const operators = buildOperators(seed, operatorCountFor(ads));
const operatorByCluster = new Map(operators.map((operator) => [operator.cluster, operator]));
const websites = truth.domains.filter((domain) => domain.kind === 'operator-website');

describe('registration truth', () => {
  it('is the same for the same seed and ad count, and another for another seed', () => {
    assert.deepEqual(registrationTruth({ seed, ads, groundTruth: ground }), truth);
    assert.deepEqual(registrationTruth({ seed, ads }), truth);
    const other = registrationTruth({ seed: seed + 1, ads });
    assert.notDeepEqual(other.domains.map((domain) => domain.domain), truth.domains.map((domain) => domain.domain));
  });

  it('registers the four sites, every operator website and the email providers, the sites on one shared hosting', () => {
    const names = truth.domains.map((domain) => domain.domain);
    assert.equal(new Set(names).size, names.length);
    for (const host of ['velvet-nights.test', 'abroad-jobs.test', 'night-scroll.test', 'picture-board.test', 'example.com', 'mail.example', 'example.net', 'inbox.example', 'example.org']) {
      assert.ok(names.includes(host), host);
    }
    const withSites = operators.filter((operator) => operator.website !== undefined);
    assert.deepEqual(websites.map((domain) => domain.domain).sort(), withSites.map((operator) => operator.website!.domain).sort());
    for (const domain of websites) assert.equal(operatorByCluster.get(domain.cluster!)!.website!.domain, domain.domain);
    for (const site of truth.domains.filter((domain) => domain.kind === 'site')) {
      assert.deepEqual(site.dns.ns, truth.sharedHosting.nameservers);
      assert.deepEqual(site.dns.a, [truth.sharedHosting.ipv4]);
      assert.ok(truth.sharedHosting.domains.includes(site.domain));
    }
    for (const domain of truth.domains) {
      for (const period of domain.history) assert.ok(Date.parse(period.validFrom) >= Date.parse(domain.createdAt));
      assert.ok(Date.parse(domain.expiresAt) > Date.parse(domain.createdAt));
    }
  });

  it('has rings: one registrant, whose phone is a ring operator\'s own, registers every website of 2 or 3 operators', () => {
    const rings = truth.registrants.filter((registrant) => registrant.clusters.length >= 2);
    assert.ok(rings.length >= 3, `only ${rings.length} rings`);
    for (const ring of rings) {
      assert.ok(ring.clusters.length <= 3);
      const ringWebsites = ring.clusters.map((cluster) => operatorByCluster.get(cluster)!.website!.domain);
      assert.deepEqual([...new Set(ring.holdings.map((holding) => holding.domain))].sort(), ringWebsites.sort());
      const ringPhones = ring.clusters.flatMap((cluster) => operatorByCluster.get(cluster)!.phones.map((phone) => phone.e164));
      assert.ok(ringPhones.includes(ring.phone), ring.id);
      for (const email of ring.emails) assert.ok(!operators.some((operator) => operator.emails.some((own) => own.toLowerCase() === email)));
    }
  });

  it('links some lone websites straight to their operator\'s own phone or email', () => {
    const direct = truth.registrants.filter((registrant) => {
      if (registrant.clusters.length !== 1) return false;
      const operator = operatorByCluster.get(registrant.clusters[0]!)!;
      return operator.phones.some((phone) => phone.e164 === registrant.phone) || operator.emails.some((email) => registrant.emails.includes(email.toLowerCase()));
    });
    assert.ok(direct.length >= 2, `only ${direct.length} direct links`);
  });

  it('proxy-service and redacted records hold no identity and are about a quarter of the websites', () => {
    const privacy = websites.filter((domain) => domain.history.some((period) => period.privacy !== null));
    assert.ok(privacy.length >= websites.length * 0.12 && privacy.length <= websites.length * 0.4, `${privacy.length} of ${websites.length}`);
    const kinds = new Set(privacy.flatMap((domain) => domain.history.map((period) => period.privacy?.kind)));
    assert.deepEqual([...kinds].sort(), ['proxy-service', 'redacted']);
    const identities = new Set(truth.registrants.flatMap((registrant) => [registrant.name, registrant.organization, registrant.phone, ...registrant.emails]));
    for (const domain of privacy) {
      for (const period of domain.history) {
        assert.equal(period.registrantId, null);
        const { contact } = period;
        for (const value of [contact.name, contact.organization, contact.email, contact.phone]) assert.ok(!identities.has(value), `${domain.domain} shows ${value}`);
        if (period.privacy!.kind === 'proxy-service') assert.equal(contact.email, truth.privacyProxyEmail);
        else assert.equal(contact.name, 'REDACTED FOR PRIVACY');
      }
    }
    const reverseValues = new Set(truth.reverseWhois.map((entry) => entry.value));
    for (const value of Object.values(privacyProxyContact)) assert.ok(!reverseValues.has(value), value);
  });

  it('keeps a history: the same person changing email, and a domain sold to an unrelated registrant', () => {
    const changed = websites.filter((domain) => domain.history.some((period) => period.change === 'email-change'));
    const sold = websites.filter((domain) => domain.history.some((period) => period.change === 'sold'));
    assert.ok(changed.length >= 1 && sold.length >= 1);
    for (const domain of [...changed, ...sold]) {
      for (let i = 0; i + 1 < domain.history.length; i++) assert.equal(domain.history[i]!.validTo, domain.history[i + 1]!.validFrom);
      assert.equal(domain.history.at(-1)!.validTo, null);
    }
    for (const domain of changed) {
      const index = domain.history.findIndex((period) => period.change === 'email-change');
      const [before, after] = [domain.history[index - 1]!, domain.history[index]!];
      assert.equal(before.registrantId, after.registrantId);
      assert.notEqual(before.contact.email, after.contact.email);
      assert.equal(before.contact.name, after.contact.name);
    }
    for (const domain of sold) {
      const index = domain.history.findIndex((period) => period.change === 'sold');
      const buyer = truth.registrants.find((registrant) => registrant.id === domain.history[index]!.registrantId)!;
      assert.notEqual(buyer.id, domain.history[index - 1]!.registrantId);
      assert.deepEqual(buyer.clusters, []);
    }
  });

  it('lists, for every registrant value, every domain and when it held it (reverse WHOIS over all history)', () => {
    for (const registrant of truth.registrants) {
      for (const email of registrant.emails) {
        const entry = truth.reverseWhois.find((candidate) => candidate.field === 'email' && candidate.value === email);
        const expected = registrant.holdings.filter((holding) => holding.email === email).map((holding) => `${holding.domain}@${holding.validFrom}`);
        assert.deepEqual(entry?.holdings.map((holding) => `${holding.domain}@${holding.validFrom}`).sort(), expected.sort(), email);
      }
    }
  });

  it('clusters are exact: a partition of operators and ads, each connected, none sharing a strong identifier', () => {
    assertClustersExact(truth);
    const merged = truth.clusters.filter((cluster) => cluster.operators.length > 1);
    assert.ok(merged.length >= 3, `only ${merged.length} multi-operator clusters`);
    for (const cluster of merged) assert.ok(cluster.registrants.length > 0 && cluster.domains.length > 0, cluster.id);
  });
});

/** Rebuilds the strong-identifier graph independently and checks the truth's components against it. */
function assertClustersExact(registration: RegistrationTruth): void {
  const allOperators = [...new Set(ground.ads.map((ad) => ad.cluster))].sort();
  assert.deepEqual(registration.clusters.flatMap((cluster) => cluster.operators).sort(), allOperators);
  assert.deepEqual(registration.clusters.flatMap((cluster) => cluster.adUrls).sort(), ground.ads.map((ad) => ad.url).sort());
  const keysOf = new Map<string, Set<string>>();
  const add = (operator: string, key: string) => keysOf.set(operator, (keysOf.get(operator) ?? new Set()).add(key));
  const identityOfDomain = new Map<string, string[]>();
  for (const domain of registration.domains) {
    if (domain.kind !== 'operator-website') continue;
    identityOfDomain.set(domain.domain, domain.history.filter((period) => period.registrantId !== null).flatMap((period) => [`email:${period.contact.email}`, `phone:${period.contact.phone}`]));
  }
  for (const ad of ground.ads) {
    for (const phone of ad.phones) add(ad.cluster, `phone:${phone}`);
    for (const email of ad.emails) add(ad.cluster, `email:${email}`);
    for (const handle of ad.handles) add(ad.cluster, `handle:${handle.platform}:${handle.value}`);
    for (const domain of ad.domains) {
      add(ad.cluster, `domain:${domain}`);
      for (const key of identityOfDomain.get(domain) ?? []) add(ad.cluster, key);
    }
  }
  // Registrant values reach an operator through any domain holding them, seen in an ad or not.
  const domainsOfKey = new Map<string, string[]>();
  for (const [domain, keys] of identityOfDomain) for (const key of keys) domainsOfKey.set(key, [...(domainsOfKey.get(key) ?? []), domain]);
  for (const [operator, keys] of keysOf) {
    for (const key of [...keys]) for (const domain of domainsOfKey.get(key) ?? []) for (const extra of [`domain:${domain}`, ...identityOfDomain.get(domain)!]) keys.add(extra);
    keysOf.set(operator, keys);
  }
  const clusterOf = new Map(registration.clusters.flatMap((cluster) => cluster.operators.map((operator) => [operator, cluster.id] as const)));
  const ownerOfKey = new Map<string, string>();
  for (const [operator, keys] of keysOf) {
    for (const key of keys) {
      const other = ownerOfKey.get(key);
      if (other !== undefined) assert.equal(clusterOf.get(other), clusterOf.get(operator), `${key} is shared by two clusters`);
      else ownerOfKey.set(key, operator);
    }
  }
  for (const cluster of registration.clusters) {
    const reached = new Set([cluster.operators[0]!]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const operator of cluster.operators) {
        if (reached.has(operator)) continue;
        const keys = keysOf.get(operator)!;
        if ([...reached].some((member) => [...keysOf.get(member)!].some((key) => keys.has(key)))) {
          reached.add(operator);
          grew = true;
        }
      }
    }
    assert.equal(reached.size, cluster.operators.length, `${cluster.id} is not connected`);
  }
}

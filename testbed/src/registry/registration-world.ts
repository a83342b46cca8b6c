import type { Operator } from '../operators.js';
import { SeededRandom } from '../random.js';
import { classifiedsHost, imageAdsHost, recruitmentHost, spaHost } from '../site-hosts.js';
import { operatorPhone, RegistrantPeople, type RegistrantPerson } from './registrant-people.js';
import {
  ianaContact,
  ianaReservedRegistrar,
  privacyProxyContact,
  redactedEmailNotice,
  redactedValue,
  sharedHosting,
  testbedRegistrars,
} from './registry-data.js';
import type { RegistrationPeriod, RegistryDomain, TestbedContact, TestbedDnsRecords, TestbedRegistrar } from './registration-types.js';

/** Far from randomStreams' values (1-8), so the registration world never shifts ads or operators. */
const registrationStream = 101;

export const emailProviderDomains = ['example.com', 'mail.example', 'example.net', 'inbox.example', 'example.org'] as const;

const creationStart = Date.UTC(2016, 0, 1);
const creationEnd = Date.UTC(2023, 11, 31);
/** Email changes happen in 2024 – mid 2025, sales in the second half of 2025: both before any test's clock. */
const emailChangeStart = Date.UTC(2024, 0, 1);
const emailChangeEnd = Date.UTC(2025, 4, 31);
const saleStart = Date.UTC(2025, 5, 1);
const saleEnd = Date.UTC(2025, 11, 31);

/**
 * The registration world of one (seed, operators): built from the operators alone (never from
 * the ads), so starting the servers costs nothing per ad.
 */
export class RegistrationWorld {
  readonly domains: RegistryDomain[] = [];
  readonly registrars: TestbedRegistrar[] = [...testbedRegistrars, ianaReservedRegistrar];
  readonly people: RegistrantPerson[];
  private readonly byName = new Map<string, RegistryDomain>();
  private readonly random: SeededRandom;
  private readonly registrantPeople: RegistrantPeople;

  constructor(seed: number, operators: readonly Operator[]) {
    this.random = SeededRandom.for(seed, registrationStream, 0);
    this.registrantPeople = new RegistrantPeople(SeededRandom.for(seed, registrationStream, 1));
    this.people = this.registrantPeople.people;
    this.addSites();
    this.addEmailProviders();
    this.addOperatorWebsites(operators.filter((operator) => operator.website !== undefined));
    for (const domain of this.domains) this.byName.set(domain.domain, domain);
  }

  registrar(ianaId: string): TestbedRegistrar {
    const found = this.registrars.find((candidate) => candidate.ianaId === ianaId);
    if (found === undefined) throw new RangeError(`no testbed registrar ${ianaId}`);
    return found;
  }

  /** The domain (lowercased registrable name), or undefined when the world has no such domain. */
  domain(name: string): RegistryDomain | undefined {
    return this.byName.get(name.toLowerCase().replace(/\.$/, ''));
  }

  /** The record valid at `at`, or null when the domain did not exist then. */
  periodAt(domain: RegistryDomain, at: Date): RegistrationPeriod | null {
    const time = at.getTime();
    if (time < Date.parse(domain.createdAt)) return null;
    return domain.history.find((period) => period.validTo === null || time < Date.parse(period.validTo)) ?? domain.history[domain.history.length - 1]!;
  }

  private addSites(): void {
    const owner = this.registrantPeople.create('GB');
    const harbor = testbedRegistrars[0]!;
    for (const host of [classifiedsHost, recruitmentHost, spaHost, imageAdsHost]) {
      const created = this.creationDate();
      // One site withholds its registrant under GDPR; the others show the company behind them.
      const redacted = host === recruitmentHost;
      this.domains.push({
        domain: host,
        kind: 'site',
        cluster: null,
        registrarId: harbor.ianaId,
        createdAt: created,
        expiresAt: expiryAfter(created),
        dns: hostedRecords(host),
        hosting: sharedHosting.name,
        history: [redacted ? redactedPeriod(created, owner.contact) : personPeriod(created, owner)],
      });
    }
  }

  private addEmailProviders(): void {
    for (const name of emailProviderDomains) {
      const created = new Date(Date.UTC(1995, 7, 14, 4)).toISOString();
      this.domains.push({
        domain: name,
        kind: 'email-provider',
        cluster: null,
        registrarId: ianaReservedRegistrar.ianaId,
        createdAt: created,
        expiresAt: new Date(Date.UTC(2036, 7, 13, 4)).toISOString(),
        dns: {
          a: ['192.0.2.80'],
          aaaa: ['2001:db8::80'],
          mx: [{ exchange: `mx1.${name}`, priority: 10 }, { exchange: `mx2.${name}`, priority: 20 }],
          ns: ['a.iana-servers.example', 'b.iana-servers.example'],
          txt: ['v=spf1 -all'],
        },
        hosting: null,
        history: [{ validFrom: created, validTo: null, updatedAt: created, change: 'created', registrantId: null, contact: { ...ianaContact }, privacy: null }],
      });
    }
  }

  private addOperatorWebsites(owners: Operator[]): void {
    const random = this.random;
    const privacyKinds = new Map<Operator, 'proxy-service' | 'redacted'>();
    for (const operator of owners) if (random.chance(0.25)) privacyKinds.set(operator, random.chance(0.5) ? 'proxy-service' : 'redacted');
    const open = random.shuffle(owners.filter((operator) => !privacyKinds.has(operator)));
    const registrantOf = new Map<Operator, RegistrantPerson>();
    const rings: RegistrantPerson[] = [];
    for (let next = 0; next < open.length; ) {
      const left = open.length - next;
      if (left >= 2 && random.chance(0.55)) {
        const size = left >= 3 && random.chance(0.4) ? 3 : 2;
        const ring = open.slice(next, next + size);
        const person = this.registrantPeople.create(ring[0]!.country, { phone: operatorPhone(random, ring[0]!) });
        for (const operator of ring) {
          registrantOf.set(operator, person);
          person.clusters.add(operator.cluster);
        }
        rings.push(person);
        next += size;
      } else {
        registrantOf.set(open[next]!, this.loneRegistrant(open[next]!));
        next += 1;
      }
    }
    // Privacy-proxied websites still have a person underneath; the servers never show them.
    for (const operator of privacyKinds.keys()) registrantOf.set(operator, this.registrantPeople.create(operator.country));

    const emailChangers = new Map<RegistrantPerson, number>();
    for (const person of rings) if (random.chance(0.35)) emailChangers.set(person, this.dateBetween(emailChangeStart, emailChangeEnd));
    for (const person of new Set(registrantOf.values())) {
      if (!rings.includes(person) && !privacyKindsHolds(privacyKinds, registrantOf, person) && random.chance(0.1)) emailChangers.set(person, this.dateBetween(emailChangeStart, emailChangeEnd));
    }
    const changedEmail = new Map<RegistrantPerson, string>();
    for (const person of emailChangers.keys()) changedEmail.set(person, this.registrantPeople.changedEmail(person));

    const sold = new Set(random.shuffle([...open]).slice(0, Math.max(open.length > 0 ? 1 : 0, Math.round(open.length * 0.06))));
    for (const [index, operator] of owners.entries()) {
      const website = operator.website!;
      const person = registrantOf.get(operator)!;
      const created = this.creationDate();
      const privacy = privacyKinds.get(operator);
      const history: RegistrationPeriod[] = [];
      if (privacy === 'proxy-service') history.push(proxyPeriod(created));
      else if (privacy === 'redacted') history.push(redactedPeriod(created, person.contact));
      else {
        history.push(personPeriod(created, person));
        const changeAt = emailChangers.get(person);
        if (changeAt !== undefined) history.push(personPeriod(new Date(changeAt).toISOString(), person, { email: changedEmail.get(person)!, change: 'email-change' }));
        if (sold.has(operator)) {
          const buyer = this.registrantPeople.create(this.random.pick(['US', 'GB', 'AU']));
          history.push(personPeriod(new Date(this.dateBetween(saleStart, saleEnd)).toISOString(), buyer, { change: 'sold' }));
        }
      }
      closePeriods(history);
      const onSharedHosting = random.chance(0.15);
      const registrar = this.random.pick(testbedRegistrars);
      this.domains.push({
        domain: website.domain,
        kind: 'operator-website',
        cluster: operator.cluster,
        registrarId: registrar.ianaId,
        createdAt: created,
        expiresAt: expiryAfter(created),
        dns: onSharedHosting ? hostedRecords(website.domain) : ownRecords(website.domain, index, registrar),
        hosting: onSharedHosting ? sharedHosting.name : null,
        history,
      });
    }
    for (const [person, email] of changedEmail) person.emails.push(email);
  }

  /** Half the lone websites are registered with the operator's own ad phone or email: a direct link. */
  private loneRegistrant(operator: Operator): RegistrantPerson {
    const random = this.random;
    if (!random.chance(0.5)) return this.registrantPeople.create(operator.country);
    const email = operator.emails.length > 0 && random.chance(0.5) ? random.pick(operator.emails).toLowerCase() : undefined;
    const person = email === undefined
      ? this.registrantPeople.create(operator.country, { phone: operatorPhone(random, operator) })
      : this.registrantPeople.create(operator.country, { email });
    person.clusters.add(operator.cluster);
    return person;
  }

  private creationDate(): string {
    return new Date(this.dateBetween(creationStart, creationEnd)).toISOString();
  }

  /** A whole second between two instants. */
  private dateBetween(start: number, end: number): number {
    return Math.floor((start + this.random.next() * (end - start)) / 1000) * 1000;
  }
}

function privacyKindsHolds(privacyKinds: Map<Operator, unknown>, registrantOf: Map<Operator, RegistrantPerson>, person: RegistrantPerson): boolean {
  for (const operator of privacyKinds.keys()) if (registrantOf.get(operator) === person) return true;
  return false;
}

function personPeriod(validFrom: string, person: RegistrantPerson, options: { email?: string; change?: RegistrationPeriod['change'] } = {}): RegistrationPeriod {
  return {
    validFrom,
    validTo: null,
    updatedAt: validFrom,
    change: options.change ?? 'created',
    registrantId: person.id,
    contact: { ...person.contact, email: options.email ?? person.contact.email },
    privacy: null,
  };
}

function proxyPeriod(validFrom: string): RegistrationPeriod {
  return { validFrom, validTo: null, updatedAt: validFrom, change: 'created', registrantId: null, contact: { ...privacyProxyContact }, privacy: { kind: 'proxy-service', service: privacyProxyContact.organization } };
}

/** GDPR: identity withheld; the state and country stay, as the ICANN Temporary Specification allows. */
function redactedPeriod(validFrom: string, hidden: TestbedContact): RegistrationPeriod {
  const contact: TestbedContact = {
    name: redactedValue,
    organization: redactedValue,
    email: redactedEmailNotice,
    phone: redactedValue,
    street: redactedValue,
    city: redactedValue,
    state: hidden.state,
    postalCode: redactedValue,
    country: hidden.country,
  };
  return { validFrom, validTo: null, updatedAt: validFrom, change: 'created', registrantId: null, contact, privacy: { kind: 'redacted', service: null } };
}

/** Each period ends where the next begins. */
function closePeriods(history: RegistrationPeriod[]): void {
  history.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 0; i + 1 < history.length; i++) history[i]!.validTo = history[i + 1]!.validFrom;
}

function expiryAfter(created: string): string {
  const date = new Date(created);
  date.setUTCFullYear(2032 + (date.getUTCFullYear() % 3));
  return date.toISOString();
}

function hostedRecords(domain: string): TestbedDnsRecords {
  return {
    a: [sharedHosting.ipv4],
    aaaa: [sharedHosting.ipv6],
    mx: [{ exchange: 'mx.shared-hosting.test', priority: 10 }],
    ns: [...sharedHosting.nameservers],
    txt: ['v=spf1 include:_spf.shared-hosting.test ~all', `site-verification=${domain.replace(/[^a-z0-9]/g, '')}`],
  };
}

/** Its own address in 198.18.0.0/15 (RFC 2544, never routed) and the registrar's nameservers. */
function ownRecords(domain: string, index: number, registrar: TestbedRegistrar): TestbedDnsRecords {
  const slug = registrar.whoisServer.replace(/^whois\./, '');
  const host = index + 1;
  return {
    a: [`198.18.${host >> 8}.${host & 255}`],
    aaaa: [`2001:db8:18::${host.toString(16)}`],
    mx: [{ exchange: `mail.${domain}`, priority: 10 }],
    ns: [`ns1.${slug}`, `ns2.${slug}`],
    txt: ['v=spf1 mx -all'],
  };
}

import type { Operator } from '../operators.js';
import type { SeededRandom } from '../random.js';
import {
  organizationSuffixes,
  registrantFirstNames,
  registrantLastNames,
  registrantOnlyAreaCodes,
  registrantPlaces,
  streetNames,
} from './registry-data.js';
import type { TestbedContact } from './registration-types.js';

const emailDomains = ['example.com', 'mail.example', 'example.net', 'inbox.example', 'example.org'] as const;

/** A registrant being built: its contact and the emails it has used (the last is current). */
export interface RegistrantPerson {
  id: string;
  contact: TestbedContact;
  emails: string[];
  clusters: Set<string>;
}

/**
 * Deals registrant identities that never collide: each name is a fresh (first, last) pair, its
 * email is built from the name (operators' emails always carry their numeric tag, these never do),
 * and a phone is either an operator's own (a deliberate link) or from ranges no operator uses.
 */
export class RegistrantPeople {
  readonly people: RegistrantPerson[] = [];
  private readonly namePairs: Array<[number, number]>;
  private nextName = 0;
  private nextPhone = 0;

  constructor(private readonly random: SeededRandom) {
    const pairs: Array<[number, number]> = [];
    for (let first = 0; first < registrantFirstNames.length; first++) for (let last = 0; last < registrantLastNames.length; last++) pairs.push([first, last]);
    this.namePairs = random.shuffle(pairs);
  }

  /** A new person living in `country`; `phone` given when the person uses an operator's number. */
  create(country: string, options: { phone?: string; email?: string } = {}): RegistrantPerson {
    const pair = this.namePairs[this.nextName++];
    if (pair === undefined) throw new RangeError('registrant names are exhausted');
    const first = registrantFirstNames[pair[0]]!;
    const last = registrantLastNames[pair[1]]!;
    const places = registrantPlaces[country] ?? registrantPlaces.US!;
    const [city, state, postalCode] = this.random.pick(places);
    const email = options.email ?? `${first}.${last}@${this.random.pick(emailDomains)}`.toLowerCase();
    const person: RegistrantPerson = {
      id: `registrant-${String(this.people.length + 1).padStart(4, '0')}`,
      contact: {
        name: `${first} ${last}`,
        organization: `${last} ${this.random.pick(organizationSuffixes)}`,
        email,
        phone: options.phone ?? this.freshPhone(),
        street: `${this.random.int(1, 250)} ${this.random.pick(streetNames)} ${country === 'US' ? 'Street' : 'Road'}`,
        city,
        state,
        postalCode,
        country,
      },
      emails: [email],
      clusters: new Set(),
    };
    this.people.push(person);
    return person;
  }

  /** The same person's next email: their name the other way round, at another provider. */
  changedEmail(person: RegistrantPerson): string {
    const [first, last] = person.contact.name.toLowerCase().split(' ') as [string, string];
    const current = person.emails[person.emails.length - 1]!;
    const domain = emailDomains.find((candidate) => !current.endsWith(`@${candidate}`))!;
    return `${last}.${first}${this.random.int(1, 9)}@${domain}`;
  }

  private freshPhone(): string {
    const slot = this.nextPhone++;
    const nanpSlots = registrantOnlyAreaCodes.length * 100;
    if (slot < nanpSlots) return `+1${registrantOnlyAreaCodes[Math.floor(slot / 100)]}55501${String(slot % 100).padStart(2, '0')}`;
    if (slot < nanpSlots + 1000) return `+447700900${String(slot - nanpSlots).padStart(3, '0')}`;
    throw new RangeError('registrant phone numbers are exhausted');
  }
}

/** One of the operator's numbers, as E.164. */
export function operatorPhone(random: SeededRandom, operator: Operator): string {
  return random.pick(operator.phones).e164;
}

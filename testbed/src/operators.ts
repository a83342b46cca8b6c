import { classifiedsCities } from './classifieds-cities.js';
import { phoneInRegion, phoneRegions, regionSize, type FictionalPhone, type PhoneCountry, type PhoneRegion } from './phone-regions.js';
import { corpusCryptoAddress, cryptoStyles, type CorpusCryptoAddress } from './obfuscation/crypto-addresses.js';
import { corpusWebAddress, type CorpusWebAddress, type WebAddressStyle } from './obfuscation/web-addresses.js';
import { randomStreams, SeededRandom } from './random.js';

export type HandlePlatformUsed = 'telegram' | 'instagram' | 'snapchat';

/** A handle as an ad writes it (capitals and all); the truth lowercases it. */
export interface WrittenHandle {
  platform: HandlePlatformUsed;
  value: string;
}

/**
 * An operator is one cluster: the person or ring behind a set of ads. It owns its contacts, and
 * every ad it posts on either site draws from them; that reuse is what investigators pivot on.
 * No two operators share a phone, email or handle, so the clusters in the truth are exact.
 */
export interface Operator {
  index: number;
  cluster: string;
  country: PhoneCountry;
  homeCitySlug: string;
  persona: string;
  agency: string;
  phones: FictionalPhone[];
  /** As written on pages; may have capitals. */
  emails: string[];
  handles: WrittenHandle[];
  /** A crypto wallet some operators ask deposits to. */
  wallet?: CorpusCryptoAddress;
  /** A site of the operator's own, on a reserved TLD; unique to the operator. */
  website?: CorpusWebAddress;
}

export const personas = [
  'Lena', 'Mia', 'Sofia', 'Anna', 'Bella', 'Chloe', 'Daria', 'Elena', 'Eva', 'Gina', 'Ivy', 'Jade', 'Kira', 'Lara',
  'Luna', 'Maya', 'Nadia', 'Nina', 'Olga', 'Paula', 'Rita', 'Rosa', 'Sara', 'Tina', 'Vera', 'Yana', 'Zoe', 'Alina',
  'Bianca', 'Camila', 'Diana', 'Emma', 'Flora', 'Greta', 'Irina', 'Julia', 'Katya', 'Lily', 'Milena', 'Nora',
];
const agencyFirstWords = ['Golden', 'Silver', 'Royal', 'Blue', 'Bright', 'Global', 'Euro', 'Crystal', 'Diamond', 'Sunrise', 'Pearl', 'Star'];
const agencySecondWords = ['Horizon', 'Way', 'Path', 'Bridge', 'Wings', 'Gate', 'Future', 'Dream', 'Line', 'Career'];

/** Weights of the operators' home countries, while their number ranges last. */
const countryWeights: ReadonlyArray<[PhoneCountry, number]> = [['US', 0.4], ['GB', 0.35], ['AU', 0.25]];

export const maxOperators = 2500;

/** Enough operators that each posts several ads, few enough that the fictional ranges suffice. */
export function operatorCountFor(adCount: number): number {
  return Math.min(maxOperators, Math.max(4, Math.round(adCount / 6)));
}

/**
 * Builds every operator at once (at most a few thousand small objects): numbers are dealt from
 * each range in a seeded order, so no two operators ever get the same number.
 */
export function buildOperators(seed: number, count: number): Operator[] {
  const pools = phoneRegions.map((region, index) => ({
    region,
    slots: SeededRandom.for(seed, randomStreams.phonePool, index).shuffle(Array.from({ length: regionSize(region) }, (_, slot) => slot)),
    next: 0,
  }));
  const operators: Operator[] = [];
  for (let index = 0; index < count; index++) {
    const random = SeededRandom.for(seed, randomStreams.operator, index);
    const wanted = random.chance(0.45) ? 1 : random.chance(0.64) ? 2 : 3;
    const pool = choosePool(random, pools);
    const phones: FictionalPhone[] = [];
    while (phones.length < wanted && pool.next < pool.slots.length) phones.push(phoneInRegion(pool.region, pool.slots[pool.next++]!));
    const persona = random.pick(personas);
    const agencyWords = [random.pick(agencyFirstWords), random.pick(agencySecondWords)] as const;
    const tag = String(index + 10);
    operators.push({
      index,
      cluster: `cluster-${String(index + 1).padStart(4, '0')}`,
      country: pool.region.country,
      homeCitySlug: random.pick(pool.region.citySlugs),
      persona,
      agency: `${agencyWords.join(' ')} Agency`,
      phones,
      emails: emailsFor(random, persona, agencyWords.join('').toLowerCase(), tag),
      handles: handlesFor(random, persona.toLowerCase(), agencyWords.join('').toLowerCase(), tag),
      // Drawn last, so the draws above (and every earlier page) stay as they were before wallets and sites.
      ...walletAndWebsite(random, persona, tag),
    });
  }
  return operators;
}

function walletAndWebsite(random: SeededRandom, persona: string, tag: string): Pick<Operator, 'wallet' | 'website'> {
  const extras: Pick<Operator, 'wallet' | 'website'> = {};
  if (random.chance(0.3)) {
    extras.wallet = corpusCryptoAddress(random, random.pick(cryptoStyles));
  }
  if (random.chance(0.3)) {
    const style: WebAddressStyle = random.pick(['url', 'url', 'url:www', 'domain']);
    extras.website = corpusWebAddress(random, persona, style, { tag });
  }
  return extras;
}

interface PhonePool {
  region: PhoneRegion;
  slots: number[];
  next: number;
}

function choosePool(random: SeededRandom, pools: PhonePool[]): PhonePool {
  const country = random.weighted(countryWeights);
  const withRoom = (p: PhonePool) => p.slots.length - p.next >= 3;
  const local = pools.filter((p) => p.region.country === country && withRoom(p));
  const candidates = local.length > 0 ? local : pools.filter(withRoom);
  if (candidates.length === 0) throw new RangeError('the fictional phone ranges are exhausted; lower maxOperators');
  return random.pick(candidates);
}

function emailsFor(random: SeededRandom, persona: string, agencySlug: string, tag: string): string[] {
  const count = random.chance(0.2) ? 0 : random.chance(0.62) ? 1 : 2;
  const lower = persona.toLowerCase();
  const patterns = [
    `${lower}.${tag}@example.com`,
    `${agencySlug}${tag}@mail.example`,
    `jobs.${agencySlug}${tag}@example.net`,
    `${lower}${tag}@inbox.example`,
    `info.${agencySlug}${tag}@example.org`,
  ];
  const first = random.int(0, patterns.length - 1);
  const emails: string[] = [];
  for (let i = 0; i < count; i++) emails.push(writtenCase(random, patterns[(first + i * 2) % patterns.length]!));
  return emails;
}

function handlesFor(random: SeededRandom, persona: string, agencySlug: string, tag: string): WrittenHandle[] {
  const handles: WrittenHandle[] = [];
  if (random.chance(0.7)) handles.push({ platform: 'telegram', value: writtenCase(random, `${persona}_${tag}`) });
  if (random.chance(0.55)) handles.push({ platform: 'instagram', value: `${agencySlug}_${tag}` });
  if (random.chance(0.4)) handles.push({ platform: 'snapchat', value: writtenCase(random, `${persona}-${tag}`) });
  return handles;
}

/** Some people write their address or handle with a capital; the identity is the lowercase form. */
function writtenCase(random: SeededRandom, value: string): string {
  return random.chance(0.2) ? value.charAt(0).toUpperCase() + value.slice(1) : value;
}

const citySlugsByCountry = new Map<PhoneCountry, string[]>();
for (const city of classifiedsCities) citySlugsByCountry.set(city.country, [...(citySlugsByCountry.get(city.country) ?? []), city.slug]);

/** Cities of an operator's country, for ads posted away from home. */
export function citiesOfCountry(country: PhoneCountry): readonly string[] {
  return citySlugsByCountry.get(country) ?? [];
}

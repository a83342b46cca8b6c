import type { PhoneCountry } from './phone-regions.js';

/** Cities of the classifieds site. Every ad's location line names one, so its country is known. */
export interface ClassifiedsCity {
  slug: string;
  name: string;
  /** State, nation or territory as a location line writes it: "NV", "England", "NSW". */
  area: string;
  country: PhoneCountry;
}

export const countryNames: Record<PhoneCountry, string> = {
  US: 'United States',
  GB: 'United Kingdom',
  AU: 'Australia',
};

export const classifiedsCities: readonly ClassifiedsCity[] = [
  { slug: 'las-vegas', name: 'Las Vegas', area: 'NV', country: 'US' },
  { slug: 'los-angeles', name: 'Los Angeles', area: 'CA', country: 'US' },
  { slug: 'chicago', name: 'Chicago', area: 'IL', country: 'US' },
  { slug: 'miami', name: 'Miami', area: 'FL', country: 'US' },
  { slug: 'new-york', name: 'New York', area: 'NY', country: 'US' },
  { slug: 'houston', name: 'Houston', area: 'TX', country: 'US' },
  { slug: 'atlanta', name: 'Atlanta', area: 'GA', country: 'US' },
  { slug: 'san-francisco', name: 'San Francisco', area: 'CA', country: 'US' },
  { slug: 'london', name: 'London', area: 'England', country: 'GB' },
  { slug: 'manchester', name: 'Manchester', area: 'England', country: 'GB' },
  { slug: 'birmingham', name: 'Birmingham', area: 'England', country: 'GB' },
  { slug: 'leeds', name: 'Leeds', area: 'England', country: 'GB' },
  { slug: 'glasgow', name: 'Glasgow', area: 'Scotland', country: 'GB' },
  { slug: 'edinburgh', name: 'Edinburgh', area: 'Scotland', country: 'GB' },
  { slug: 'liverpool', name: 'Liverpool', area: 'England', country: 'GB' },
  { slug: 'sydney', name: 'Sydney', area: 'NSW', country: 'AU' },
  { slug: 'melbourne', name: 'Melbourne', area: 'VIC', country: 'AU' },
  { slug: 'brisbane', name: 'Brisbane', area: 'QLD', country: 'AU' },
  { slug: 'perth', name: 'Perth', area: 'WA', country: 'AU' },
];

const citiesBySlug = new Map(classifiedsCities.map((city, index) => [city.slug, index]));

export function cityIndexOf(slug: string): number {
  const index = citiesBySlug.get(slug);
  if (index === undefined) throw new RangeError(`no classifieds city ${slug}`);
  return index;
}

export function cityBySlug(slug: string): ClassifiedsCity | undefined {
  const index = citiesBySlug.get(slug);
  return index === undefined ? undefined : classifiedsCities[index];
}

export function locationLine(city: ClassifiedsCity): string {
  return `${city.name}, ${city.area}, ${countryNames[city.country]}`;
}

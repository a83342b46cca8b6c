import type { JCardProperty, JCardScalar, JCardValue } from './jcard.js';

/** What a registration contact's jCard says, as written (no redaction or phone handling yet). */
export interface VCardContact {
  name: string | null;
  organization: string | null;
  email: string | null;
  /** The voice number's text, "tel:" and extension removed. */
  phone: string | null;
  fax: string | null;
  /** Street lines joined with ", " (from the structured adr, else its label). */
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  /** The `cc` parameter (RFC 8605) when given, else the country component as written. */
  country: string | null;
  /** The vCard `url` (registrars often give their web site there). */
  url: string | null;
}

/** The contact in a jCard; of repeated properties the most preferred (lowest `pref`) wins. */
export function contactOfJCard(properties: readonly JCardProperty[]): VCardContact {
  const fn = textOf(preferred(properties, 'fn'));
  const org = textOf(preferred(properties, 'org'));
  const email = textOf(preferred(properties, 'email'));
  const tels = byPreference(properties.filter((property) => property.name === 'tel'));
  const voice = tels.find((tel) => !hasType(tel, 'fax')) ?? null;
  const fax = tels.find((tel) => hasType(tel, 'fax')) ?? null;
  const url = textOf(preferred(properties, 'url'));
  return {
    name: fn,
    organization: org,
    email,
    phone: telNumber(voice),
    fax: telNumber(fax),
    ...addressOf(preferred(properties, 'adr')),
    url,
  };
}

type Address = Pick<VCardContact, 'street' | 'city' | 'state' | 'postalCode' | 'country'>;

/** adr: [post office box, extended address, street, locality, region, postal code, country]. */
function addressOf(adr: JCardProperty | null): Address {
  const empty: Address = { street: null, city: null, state: null, postalCode: null, country: null };
  if (adr === null) return empty;
  const cc = adr.parameters['cc'];
  const countryCode = typeof cc === 'string' && cc.trim() !== '' ? cc.trim().toUpperCase() : null;
  const value = adr.values[0];
  const components = Array.isArray(value) ? value : [];
  const part = (index: number): string | null => joined(components[index] ?? null);
  const streetLines = [part(0), part(1), part(2)].filter((line): line is string => line !== null);
  const structured: Address = {
    street: streetLines.length > 0 ? streetLines.join(', ') : null,
    city: part(3),
    state: part(4),
    postalCode: part(5),
    country: part(6),
  };
  if (Object.values(structured).some((field) => field !== null)) return { ...structured, country: countryCode ?? structured.country };
  // RFC 9083 §3.2.6 allows an unstructured address: the whole text in the label parameter.
  const label = adr.parameters['label'];
  const text = typeof label === 'string' ? label : Array.isArray(label) ? label.join('\n') : '';
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { ...empty, street: lines.length > 0 ? lines.join(', ') : null, country: countryCode };
}

function telNumber(tel: JCardProperty | null): string | null {
  const text = textOf(tel);
  if (text === null) return null;
  // "tel:+1-418-656-9254;ext=102" → "+1-418-656-9254"
  const number = text.replace(/^tel:/i, '').replace(/;.*$/, '').trim();
  return number === '' ? null : number;
}

function hasType(property: JCardProperty, type: string): boolean {
  const types = property.parameters['type'];
  const list = typeof types === 'string' ? types.split(',') : (types ?? []);
  return list.some((item) => item.trim().toLowerCase() === type);
}

function preferred(properties: readonly JCardProperty[], name: string): JCardProperty | null {
  return byPreference(properties.filter((property) => property.name === name))[0] ?? null;
}

/** RFC 6350 pref: 1 is most preferred; properties without one come after, in their order. */
function byPreference(properties: readonly JCardProperty[]): JCardProperty[] {
  const rank = (property: JCardProperty): number => {
    const pref = Number(property.parameters['pref']);
    return Number.isInteger(pref) && pref >= 1 ? pref : 101;
  };
  return properties.map((property, index) => ({ property, index })).sort((a, b) => rank(a.property) - rank(b.property) || a.index - b.index).map(({ property }) => property);
}

/** A property's text: the first value; a structured one (org: [name, unit]) gives its first non-empty component. */
function textOf(property: JCardProperty | null): string | null {
  if (property === null) return null;
  const value: JCardValue | undefined = property.values[0];
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    for (const component of value) {
      const text = joined(component);
      if (text !== null) return text;
    }
    return null;
  }
  return joined(value as JCardScalar);
}

function joined(component: JCardScalar | readonly JCardScalar[] | null): string | null {
  const parts = (Array.isArray(component) ? component : [component])
    .filter((part): part is string | number => typeof part === 'string' || typeof part === 'number')
    .map((part) => String(part).trim())
    .filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

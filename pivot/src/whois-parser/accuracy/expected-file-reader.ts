/**
 * Reads the `.expected` files of the WHOIS corpus: the spec syntax of Ruby's whois-parser (MIT),
 * where each `#property` heading is followed by assertions on `%s` (the property's value):
 *
 *   #created_on
 *     %s %TIME{2000-07-27}
 *   #registrant_contacts
 *     %s[0].email == "dns-admin@google.com"
 *   #expires_on
 *     %s %ERROR{AttributeNotSupported}
 *
 * Only the properties Indicia maps are read; an `%ERROR{...}` means the property is not asserted.
 * A property absent from the result is not asserted; `null` means "asserted to be nil/empty".
 */

/** A time as the spec writes it: a date alone is compared by day, a date-time to the second. */
export interface ExpectedTime {
  readonly date: string;
  /** "HH:MM:SS" when the spec gives a time of day. */
  readonly time: string | null;
  /** "Z" or "+03:00" when the spec names the instant; null for a wall-clock time without a zone. */
  readonly offset: string | null;
}

export interface ExpectedContact {
  name?: string | null;
  organization?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  city?: string | null;
  countryCode?: string | null;
  country?: string | null;
}

export interface ExpectedRegistrar {
  id?: string | null;
  name?: string | null;
  organization?: string | null;
  url?: string | null;
}

export type ExpectedStatus = { readonly symbol: string } | { readonly list: readonly string[] };

export interface ExpectedParse {
  domain?: string | null;
  status?: ExpectedStatus | null;
  registered?: boolean;
  available?: boolean;
  throttled?: boolean;
  createdOn?: ExpectedTime | null;
  updatedOn?: ExpectedTime | null;
  expiresOn?: ExpectedTime | null;
  registrar?: ExpectedRegistrar | null;
  registrant?: ExpectedContact | null;
  admin?: ExpectedContact | null;
  tech?: ExpectedContact | null;
  nameservers?: string[];
}

type RubyValue = string | boolean | null | { readonly symbol: string } | readonly string[];

const contactProperties = { registrant_contacts: 'registrant', admin_contacts: 'admin', technical_contacts: 'tech' } as const;
const contactAttributes: Readonly<Record<string, keyof ExpectedContact>> = {
  name: 'name',
  organization: 'organization',
  email: 'email',
  phone: 'phone',
  address: 'address',
  city: 'city',
  country_code: 'countryCode',
  country: 'country',
};
const registrarAttributes = ['id', 'name', 'organization', 'url'] as const;
const timeProperties = { created_on: 'createdOn', updated_on: 'updatedOn', expires_on: 'expiresOn' } as const;
const booleanProperties = { 'registered?': 'registered', 'available?': 'available', 'response_throttled?': 'throttled' } as const;

/** One spec file's assertions on the properties Indicia maps. */
export function readExpectedFile(text: string): ExpectedParse {
  const expected: ExpectedParse = {};
  for (const [property, lines] of sections(text)) {
    if (lines.some((line) => /%ERROR\{/.test(line))) continue;
    applySection(expected, property, lines);
  }
  return expected;
}

function sections(text: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const heading = /^#(\S+)\s*$/.exec(line);
    if (heading !== null) {
      current = [];
      result.set(heading[1]!, current);
    } else if (current !== null && /^\s*%s/.test(line)) current.push(line.trim());
  }
  return result;
}

function applySection(expected: ExpectedParse, property: string, lines: readonly string[]): void {
  if (property === 'domain') {
    const value = wholeValue(lines);
    if (value === null || typeof value === 'string') expected.domain = value;
  } else if (property === 'status') {
    const value = wholeValue(lines);
    if (value === null) expected.status = null;
    else if (Array.isArray(value)) expected.status = { list: value };
    else if (typeof value === 'object') expected.status = value as { readonly symbol: string };
  } else if (property in booleanProperties) {
    const value = wholeValue(lines);
    if (typeof value === 'boolean') expected[booleanProperties[property as keyof typeof booleanProperties]] = value;
  } else if (property in timeProperties) {
    const key = timeProperties[property as keyof typeof timeProperties];
    const time = lines.map((line) => /^%s %TIME\{([^}]*)\}/.exec(line)).find((match) => match !== null);
    if (time !== undefined && time !== null) expected[key] = readTime(time[1]!);
    else if (wholeValue(lines) === null && lines.some((line) => /^%s == nil/.test(line))) expected[key] = null;
  } else if (property === 'registrar') {
    expected.registrar = readRegistrar(lines);
  } else if (property in contactProperties) {
    expected[contactProperties[property as keyof typeof contactProperties]] = readFirstContact(lines);
  } else if (property === 'nameservers') {
    const names: string[] = [];
    for (const line of lines) {
      const match = /^%s\[(\d+)\]\.name\s*==\s*(.*)$/.exec(line);
      if (match !== null) names[Number(match[1])] = String(readRubyValue(match[2]!));
    }
    expected.nameservers = names.filter((name) => name !== undefined);
  }
}

/** The value of a `%s == value` line, or undefined when the section has none. */
function wholeValue(lines: readonly string[]): RubyValue | undefined {
  for (const line of lines) {
    const match = /^%s\s*==\s*(.*)$/.exec(line);
    if (match !== null) return readRubyValue(match[1]!);
  }
  return undefined;
}

function readRegistrar(lines: readonly string[]): ExpectedRegistrar | null {
  if (wholeValue(lines) === null) return null;
  const registrar: ExpectedRegistrar = {};
  for (const line of lines) {
    const match = /^%s\.(\w+)\s*==\s*(.*)$/.exec(line);
    if (match === null) continue;
    const attribute = registrarAttributes.find((name) => name === match[1]);
    if (attribute !== undefined) registrar[attribute] = asText(readRubyValue(match[2]!));
  }
  return registrar;
}

function readFirstContact(lines: readonly string[]): ExpectedContact | null {
  if (lines.some((line) => /^%s %SIZE\{0\}/.test(line)) || wholeValue(lines) !== undefined) return null;
  const contact: ExpectedContact = {};
  for (const line of lines) {
    const match = /^%s\[0\]\.(\w+)\s*==\s*(.*)$/.exec(line);
    if (match === null) continue;
    const attribute = contactAttributes[match[1]!];
    if (attribute !== undefined) contact[attribute] = asText(readRubyValue(match[2]!));
  }
  return contact;
}

function asText(value: RubyValue): string | null {
  return typeof value === 'string' ? value : null;
}

function readTime(text: string): ExpectedTime {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(text.trim());
  if (match === null) throw new Error(`unreadable %TIME{${text}}`);
  return { date: match[1]!, time: match[2] ?? null, offset: match[3] ?? null };
}

/** A Ruby literal as the specs write them: nil, true, false, :symbol, "string", ["a", "b"], []. */
export function readRubyValue(source: string): RubyValue {
  const text = source.trim();
  if (text === 'nil') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith(':')) return { symbol: text.slice(1) };
  if (text.startsWith('"')) return readRubyStrings(text)[0] ?? '';
  if (text.startsWith('[')) return readRubyStrings(text);
  return text;
}

function readRubyStrings(text: string): string[] {
  const strings: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    strings.push(match[1]!.replace(/\\(.)/g, (_escape, character: string) => (character === 'n' ? '\n' : character === 't' ? '\t' : character)));
  }
  return strings;
}

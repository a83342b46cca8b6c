import { RdapFormatError } from './rdap-errors.js';

/**
 * A strict reader of jCard (RFC 7095), the vCard-in-JSON that RDAP entities carry in
 * `vcardArray`. Strict because a contact read wrongly is worse than none: a shifted array would
 * put a street where an email belongs, and reverse WHOIS would link domains on it. A jCard that
 * breaks the RFC's shape throws RdapFormatError naming the first problem.
 */
export type JCardScalar = string | number | boolean | null;
/** A property value: a scalar, or a structured value whose components may be lists (`n`, `adr`). */
export type JCardValue = JCardScalar | ReadonlyArray<JCardScalar | readonly JCardScalar[]>;

export interface JCardProperty {
  /** Lowercased ("fn", "email", "x-custom"). */
  name: string;
  /** Parameter names lowercased; values as given (pref as a string). */
  parameters: Readonly<Record<string, string | readonly string[]>>;
  valueType: string;
  /** One or more values (a property may repeat its value, RFC 7095 §3.3). */
  values: readonly JCardValue[];
}

export function readJCard(vcardArray: unknown): JCardProperty[] {
  if (!Array.isArray(vcardArray)) fail('a jCard is an array ["vcard", [properties]]');
  if (vcardArray.length !== 2) fail(`a jCard has 2 members, this one has ${vcardArray.length}`);
  if (vcardArray[0] !== 'vcard') fail(`a jCard starts with "vcard", not ${JSON.stringify(vcardArray[0])}`);
  const properties: unknown = vcardArray[1];
  if (!Array.isArray(properties)) fail('the jCard properties are not an array');
  return properties.map((property, index) => readProperty(property, index));
}

/** Reads a jCard from JSON text; text that is not JSON throws RdapFormatError too. */
export function parseJCardText(text: string): JCardProperty[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RdapFormatError('jCard: not valid JSON', { cause: error });
  }
  return readJCard(value);
}

function readProperty(property: unknown, index: number): JCardProperty {
  const where = `property ${index}`;
  if (!Array.isArray(property)) fail(`${where} is not an array`);
  if (property.length < 4) fail(`${where} has ${property.length} members; a property is [name, parameters, type, value...]`);
  const [name, parameters, valueType, ...values] = property as [unknown, unknown, unknown, ...unknown[]];
  if (typeof name !== 'string' || !/^[A-Za-z0-9-]+$/.test(name)) fail(`${where} has no valid name`);
  const label = `${where} (${name})`;
  if (typeof valueType !== 'string' || valueType === '') fail(`${label} has no value type`);
  return {
    name: name.toLowerCase(),
    parameters: readParameters(parameters, label),
    valueType,
    values: values.map((value) => readValue(value, label)),
  };
}

function readParameters(parameters: unknown, label: string): Record<string, string | readonly string[]> {
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) fail(`${label}: parameters must be an object`);
  const result: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(parameters)) {
    // RFC 7095 says strings; servers write "pref": 1 often enough that a number is read as its text.
    if (typeof value === 'string') result[key.toLowerCase()] = value;
    else if (typeof value === 'number') result[key.toLowerCase()] = String(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) result[key.toLowerCase()] = value as string[];
    else fail(`${label}: parameter ${key} must be a string or a list of strings`);
  }
  return result;
}

function readValue(value: unknown, label: string): JCardValue {
  if (isScalar(value)) return value;
  if (!Array.isArray(value)) fail(`${label}: a value must be a string, number, boolean, null or a structured array`);
  return value.map((component: unknown) => {
    if (isScalar(component)) return component;
    // A structured value's component may be a list of scalars, and no deeper (RFC 7095 §3.3.1.3).
    if (Array.isArray(component) && component.every(isScalar)) return component as JCardScalar[];
    return fail(`${label}: structured value nested too deep`);
  });
}

function isScalar(value: unknown): value is JCardScalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function fail(why: string): never {
  throw new RdapFormatError(`jCard: ${why}`);
}

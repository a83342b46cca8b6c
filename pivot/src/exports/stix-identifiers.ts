import { createHash } from 'node:crypto';

/** The namespace STIX 2.1 (§2.9) fixes for deterministic SCO ids. */
export const stixScoNamespace = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/**
 * Indicia's own namespace for the ids of objects it makes that are not SCOs (its identity, the
 * observed-data for an ad, relationships): derived, so a re-export of the same data gives the same
 * ids and a threat-intel platform updates objects instead of duplicating them.
 */
export const indiciaStixNamespace = uuidV5(stixScoNamespace, 'indicia');

/** RFC 4122 §4.3 name-based UUID, version 5 (SHA-1). */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(Buffer.from(name, 'utf8')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [key: string]: CanonicalValue };

/**
 * RFC 8785 (JCS) canonical JSON for the values SCO ids use: object keys sorted by UTF-16 code
 * units, no white space; strings and finite numbers serialised as ECMAScript's JSON does, which is
 * what JCS specifies.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A deterministic SCO id (STIX 2.1 §2.9): UUIDv5 in the STIX namespace over the canonical JSON of
 * the object's ID-contributing properties that are present.
 */
export function stixScoId(type: string, contributing: Record<string, string>): string {
  const present = Object.fromEntries(Object.entries(contributing).filter(([, value]) => value !== ''));
  return `${type}--${uuidV5(stixScoNamespace, canonicalJson(present))}`;
}

/** An id in Indicia's namespace for an SDO, SRO or SMO, from the parts that identify it. */
export function indiciaStixId(type: string, ...parts: string[]): string {
  return `${type}--${uuidV5(indiciaStixNamespace, [type, ...parts].join('\u0000'))}`;
}

/** STIX timestamps: RFC 3339 in UTC with milliseconds. Null for a date that cannot be read. */
export function stixTimestamp(value: string | Date): string | null {
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

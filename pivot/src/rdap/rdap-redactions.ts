import type { ContactRole, RegistrationContact } from '@indicia/core';

export type ContactField = Exclude<keyof RegistrationContact, 'redacted'>;

/**
 * The contact fields an RDAP response declares redacted in its RFC 9537 `redacted` member. Each
 * entry names the field by its registered name ("Registrant Email", "Tech Phone"), and/or points
 * at it with a JSONPath (prePath / postPath); either is read. Entries about other things (the
 * registry's domain id) are ignored.
 */
export function redactedContactFields(redacted: unknown): Map<ContactRole, Set<ContactField>> {
  const result = new Map<ContactRole, Set<ContactField>>();
  if (!Array.isArray(redacted)) return result;
  for (const entry of redacted) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, prePath, postPath } = entry as { name?: { type?: unknown; description?: unknown }; prePath?: unknown; postPath?: unknown };
    const label = [name?.type, name?.description].find((text): text is string => typeof text === 'string') ?? '';
    const path = [prePath, postPath].find((text): text is string => typeof text === 'string') ?? '';
    const target = targetOfName(label) ?? targetOfPath(path);
    if (target === null) continue;
    const fields = result.get(target.role) ?? new Set<ContactField>();
    fields.add(target.field);
    result.set(target.role, fields);
  }
  return result;
}

interface Target {
  role: ContactRole;
  field: ContactField;
}

const roleWords: ReadonlyArray<readonly [RegExp, ContactRole]> = [
  [/^registrant\b/i, 'registrant'],
  [/^admin(?:istrative)?\b/i, 'admin'],
  [/^tech(?:nical)?\b/i, 'tech'],
];

const fieldWords: ReadonlyArray<readonly [RegExp, ContactField]> = [
  [/\bname$/i, 'name'],
  [/\borgani[sz]ation$/i, 'organization'],
  [/\bstreet$/i, 'street'],
  [/\bcity$/i, 'city'],
  [/\b(?:state|province|state\/province)$/i, 'state'],
  [/\bpostal code$/i, 'postalCode'],
  [/\bcountry(?: code)?$/i, 'country'],
  [/\bphone$/i, 'phone'],
  [/\bfax$/i, 'fax'],
  [/\bemail$/i, 'email'],
];

/** "Registrant Email" → registrant.email; "Registry Tech ID" → tech.handle. */
function targetOfName(label: string): Target | null {
  const text = label.trim();
  const registryId = /^registry\s+(registrant|admin|tech)\s+id$/i.exec(text);
  if (registryId !== null) return { role: roleOf(registryId[1]!)!, field: 'handle' };
  const role = roleOf(text);
  if (role === null) return null;
  for (const [pattern, field] of fieldWords) if (pattern.test(text)) return { role, field };
  return null;
}

function roleOf(text: string): ContactRole | null {
  for (const [pattern, role] of roleWords) if (pattern.test(text)) return role;
  return null;
}

const pathRoles: Readonly<Record<string, ContactRole>> = { registrant: 'registrant', administrative: 'admin', technical: 'tech' };
const vcardFields: Readonly<Record<string, ContactField>> = { fn: 'name', org: 'organization', email: 'email', tel: 'phone', adr: 'street' };

/** "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='email')]" → registrant.email. */
function targetOfPath(path: string): Target | null {
  const role = /roles\[\d*\]\s*==\s*['"](registrant|administrative|technical)['"]/i.exec(path)?.[1];
  if (role === undefined) return null;
  const property = /@\[0\]\s*==\s*['"]([a-z]+)['"]/i.exec(path)?.[1]?.toLowerCase();
  if (property === undefined) return /\.handle\b/.test(path) ? { role: pathRoles[role.toLowerCase()]!, field: 'handle' } : null;
  const field = vcardFields[property];
  return field === undefined ? null : { role: pathRoles[role.toLowerCase()]!, field };
}

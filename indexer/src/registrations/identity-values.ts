import { contactRoles, identityFields, type ContactRole, type IdentityField, type RegistrationRecord } from '@indicia/core';

/** One identity value a record holds, in the form it is matched in. */
export interface HeldIdentity {
  role: ContactRole;
  field: IdentityField;
  key: string;
}

/**
 * The form an identity value is compared in: emails and names case- and space-insensitively
 * (registries write "DNS Admin" and "DNS ADMIN" for one person), phones exactly as the record's
 * E.164. Redactions never reach here: the record keeps them out of its identity fields.
 */
export function identityKeyOf(field: IdentityField, value: string): string {
  const trimmed = value.normalize('NFKC').trim();
  if (field === 'phone') return trimmed.replace(/[^\d+]/g, '');
  return trimmed.toLowerCase().replace(/\s+/g, ' ');
}

/** Every identity value of the record's registrant, admin and tech contacts, once per role and field. */
export function heldIdentitiesOf(record: RegistrationRecord): HeldIdentity[] {
  const held: HeldIdentity[] = [];
  const seen = new Set<string>();
  for (const role of contactRoles) {
    const contact = record[role];
    if (contact === null) continue;
    for (const field of identityFields) {
      const value = contact[field];
      if (value === null || value.trim() === '') continue;
      const key = identityKeyOf(field, value);
      if (key === '') continue;
      const id = `${role}\u0000${field}\u0000${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      held.push({ role, field, key });
    }
  }
  return held;
}

import type { RegistrationRecord } from '@indicia/core';

/**
 * A thin registry's record completed by the registrar's (RFC 9083 §4.2 "related" link, as
 * Verisign gives for .com): the registrar holds the contacts, so its contacts win; the registry is
 * authoritative for dates, status and nameservers, and the registrar's fill only what it lacks.
 */
export function mergeRegistrarRecord(registry: RegistrationRecord, registrar: RegistrationRecord): RegistrationRecord {
  const registrarHasContacts = registrar.registrant !== null || registrar.admin !== null || registrar.tech !== null;
  const registrarInfo =
    registry.registrar === null
      ? registrar.registrar
      : {
          name: registry.registrar.name ?? registrar.registrar?.name ?? null,
          id: registry.registrar.id ?? registrar.registrar?.id ?? null,
          url: registry.registrar.url ?? registrar.registrar?.url ?? null,
          whoisServer: registry.registrar.whoisServer ?? registrar.registrar?.whoisServer ?? null,
        };
  return {
    domain: registry.domain ?? registrar.domain,
    registered: registry.registered,
    registrar: registrarInfo,
    createdAt: registry.createdAt ?? registrar.createdAt,
    updatedAt: registry.updatedAt ?? registrar.updatedAt,
    expiresAt: registry.expiresAt ?? registrar.expiresAt,
    status: registry.status.length > 0 ? registry.status : registrar.status,
    nameservers: registry.nameservers.length > 0 ? registry.nameservers : registrar.nameservers,
    registrant: registrar.registrant ?? registry.registrant,
    admin: registrar.admin ?? registry.admin,
    tech: registrar.tech ?? registry.tech,
    // Whoever supplied the contacts says whether they are redacted or proxied.
    privacyProxy: registrarHasContacts ? registrar.privacyProxy : registry.privacyProxy,
  };
}

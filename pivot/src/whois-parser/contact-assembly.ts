/**
 * A raw contact to the normalised RegistrationContact: redactions and privacy/proxy stand-ins are
 * recognised and kept out of the identity fields, phones become E.164 where they can, emails are
 * lowercased, a two-letter country becomes its ISO code.
 */
import type { PrivacyProxy, RegistrationContact } from '@indicia/core';
import { registrationPhoneE164 } from '../contact-phone.js';
import { redactionOf } from '../redaction.js';
import { absorbAddressBlock, absorbBareLines, type RawContact } from './raw-contact.js';

export interface AssembledContact {
  readonly contact: RegistrationContact;
  /** The privacy/proxy service or redaction the contact showed, if any. */
  readonly privacyProxy: PrivacyProxy | null;
}

type ContactValueField = 'name' | 'organization' | 'email' | 'phone' | 'fax' | 'street' | 'city' | 'state' | 'postalCode' | 'country';
const valueFields: readonly ContactValueField[] = ['name', 'organization', 'email', 'phone', 'fax', 'street', 'city', 'state', 'postalCode', 'country'];

/** A value that is a placeholder rather than data: "", "-", "n/a" (redactionOf covers these too, but as redactions). */
function isBlank(value: string): boolean {
  return /^\s*$/.test(value);
}

/** An email field that holds no address (a web form's URL, "Select Contact Domain Holder link") stands in for one. */
function emailStandIn(value: string): PrivacyProxy | null {
  return value.includes('@') ? null : { kind: 'redacted', service: null };
}

export function assembleContact(raw: RawContact): AssembledContact | null {
  absorbAddressBlock(raw);
  absorbBareLines(raw);
  if (raw.type !== null && /^(?:organi[sz]ation|company|org|legal)/i.test(raw.type) && raw.organization === null && raw.name !== null) {
    raw.organization = raw.name;
    raw.name = null;
  }
  const values: Record<ContactValueField, string | null> = {
    name: raw.name,
    organization: raw.organization,
    email: raw.email,
    phone: raw.phone,
    fax: raw.fax,
    street: raw.street.length > 0 ? raw.street.join(', ') : null,
    city: raw.city,
    state: raw.state,
    postalCode: raw.postalCode,
    country: raw.country,
  };
  const redacted: string[] = [];
  let privacyProxy: PrivacyProxy | null = null;
  for (const field of valueFields) {
    const value = values[field];
    if (value === null) continue;
    if (isBlank(value)) {
      values[field] = null;
      continue;
    }
    const standIn = redactionOf(value) ?? (field === 'email' ? emailStandIn(value) : null);
    if (standIn === null) continue;
    values[field] = null;
    redacted.push(field);
    if (privacyProxy === null || (privacyProxy.kind === 'redacted' && standIn.kind === 'proxy-service')) privacyProxy = standIn;
  }
  // A proxy service's contact is the service's throughout: its phone, address and forwarding
  // email would otherwise link every domain that uses the same service.
  if (privacyProxy?.kind === 'proxy-service') {
    for (const field of valueFields) {
      if (field === 'country' || values[field] === null) continue;
      values[field] = null;
      redacted.push(field);
    }
  }
  if (raw.handle === null && valueFields.every((field) => values[field] === null) && redacted.length === 0) return null;
  const country = values.country === null ? null : /^[A-Za-z]{2}$/.test(values.country.trim()) ? values.country.trim().toUpperCase() : values.country;
  return {
    contact: {
      handle: raw.handle,
      name: values.name,
      organization: values.organization,
      email: values.email === null ? null : values.email.toLowerCase(),
      phone: values.phone === null ? null : (registrationPhoneE164(values.phone, country) ?? values.phone),
      fax: values.fax === null ? null : (registrationPhoneE164(values.fax, country) ?? values.fax),
      street: values.street,
      city: values.city,
      state: values.state,
      postalCode: values.postalCode,
      country,
      redacted,
    },
    privacyProxy,
  };
}

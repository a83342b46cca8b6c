/**
 * A contact as read from the response, before redactions are recognised and phones normalised:
 * labelled values, plus the unlabelled lines some formats use ("Registrant:" then name, address
 * and country on lines of their own) and Nominet-style address blocks.
 */
import type { ContactAttribute } from './label-vocabulary-data.js';

export interface RawContact {
  handle: string | null;
  name: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  fax: string | null;
  street: string[];
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  /** RIPE-style "type: ORGANIZATION" / "PERSON". */
  type: string | null;
  /** Lines with no label under the contact's header, in order. */
  bareLines: string[];
  /** Lines of an address block ("Registrant's address:"): street..., city, state, postcode, country. */
  addressBlock: string[];
}

export function emptyRawContact(): RawContact {
  return {
    handle: null,
    name: null,
    organization: null,
    email: null,
    phone: null,
    fax: null,
    street: [],
    city: null,
    state: null,
    postalCode: null,
    country: null,
    type: null,
    bareLines: [],
    addressBlock: [],
  };
}

/** Records one labelled value; the first value of a single-valued attribute wins. */
export function setRawAttribute(contact: RawContact, attribute: ContactAttribute, value: string): void {
  if (attribute === 'street') {
    if (value !== '') contact.street.push(value);
    return;
  }
  if (value === '' || contact[attribute] !== null) return;
  contact[attribute] = value;
}

export function rawContactIsEmpty(contact: RawContact): boolean {
  return (
    contact.handle === null &&
    contact.name === null &&
    contact.organization === null &&
    contact.email === null &&
    contact.phone === null &&
    contact.street.length === 0 &&
    contact.city === null &&
    contact.country === null &&
    contact.bareLines.length === 0 &&
    contact.addressBlock.length === 0
  );
}

const emailPattern = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
// .tr writes "+ 90-212-2473997-": a space after the plus, a dash at the end.
const phonePattern = /^(?:(?:tel|phone|fax)[.:]?\s*)?\+?\s?\(?\d[\d\s()./-]{5,}\d-?(?:\s*(?:x|ext\.?)\s*\d+)?$/i;

/**
 * Unlabelled lines under a contact header: an email and phones are known by their shape, the
 * first other line is the name, and the others are the address (a short last line, the country).
 */
export function absorbBareLines(contact: RawContact): void {
  const rest: string[] = [];
  for (const line of contact.bareLines) {
    const email = emailPattern.exec(line);
    if (email !== null) {
      contact.email ??= email[0];
      const before = line.slice(0, email.index).trim();
      if (before !== '' && rest.length === 0 && contact.name === null) rest.push(before);
      continue;
    }
    if (phonePattern.test(line)) {
      if (contact.phone === null) contact.phone = line.replace(/^(?:tel|phone)[.:]?\s*/i, '');
      else contact.fax ??= line.replace(/^fax[.:]?\s*/i, '');
      continue;
    }
    rest.push(line);
  }
  contact.bareLines = [];
  if (rest.length === 0) return;
  if (contact.name === null && contact.organization === null) contact.name = rest.shift()!;
  if (rest.length >= 2 && contact.country === null && isCountryLike(rest[rest.length - 1]!)) contact.country = rest.pop()!;
  contact.street.push(...rest);
}

function isCountryLike(line: string): boolean {
  return /^[A-Z]{2}$/.test(line) || (/^[\p{L} .'-]{3,40}$/u.test(line) && !/\d/.test(line) && line.split(' ').length <= 4);
}

/** Nominet-style address block: street lines, city, [state], postcode, country (the last ones optional). */
export function absorbAddressBlock(contact: RawContact): void {
  const lines = [...contact.addressBlock];
  contact.addressBlock = [];
  if (lines.length === 0) return;
  if (lines.length >= 2 && contact.country === null && !/\d/.test(lines[lines.length - 1]!)) contact.country = lines.pop()!;
  if (lines.length >= 2 && contact.postalCode === null && /\d/.test(lines[lines.length - 1]!) && lines[lines.length - 1]!.length <= 10) {
    contact.postalCode = lines.pop()!;
  }
  if (lines.length >= 3 && contact.state === null && /^[A-Z]{2,3}$/.test(lines[lines.length - 1]!)) contact.state = lines.pop()!;
  if (lines.length >= 2 && contact.city === null) contact.city = lines.pop()!;
  contact.street.push(...lines);
}

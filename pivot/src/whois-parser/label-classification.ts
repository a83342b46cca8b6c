/**
 * What a WHOIS label means: a field of the record, or an attribute of one contact role. A label
 * under a section header is read in the section's context ("Name:" under "Registrant:" is the
 * registrant's name; under "Registrar:" it is the registrar's).
 */
import type { ContactRole } from '@indicia/core';
import {
  contactAttributeLabels,
  recordFieldLabels,
  roleLabelPrefixes,
  type ContactAttribute,
  type RecordField,
} from './label-vocabulary-data.js';

export type FieldTarget =
  | { readonly kind: 'record'; readonly field: RecordField }
  /** 'reference': the role's label alone ("Registrant:", "admin-c:"): a handle, a name, or a section. */
  | { readonly kind: 'contact'; readonly role: ContactRole | 'other'; readonly attribute: ContactAttribute | 'reference' };

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function attributeOf(rest: string): ContactAttribute | null {
  for (const [pattern, attribute] of contactAttributeLabels) if (pattern.test(rest)) return attribute;
  return null;
}

/**
 * A label on its own (not under a section). Bilingual labels are tried whole and by part:
 * "Data de registo / Creation Date (dd/mm/yyyy)", "Contacto Administrativo (Administrative Contact)".
 */
export function classifyLabel(label: string): FieldTarget | null {
  const parts = [label, ...label.split(/\s+\/\s+/).slice(1)];
  const candidates = [...parts.flatMap((part) => [part, part.replace(/\([^)]*\)/g, ' ')]), ...[...label.matchAll(/\(([^)]*)\)/g)].map((match) => match[1]!)];
  for (const candidate of candidates) {
    const target = classifyNormalised(normaliseLabel(candidate));
    if (target !== null) return target;
  }
  return null;
}

function classifyNormalised(normalised: string): FieldTarget | null {
  if (normalised === '') return null;
  for (const [pattern, field] of recordFieldLabels) if (pattern.test(normalised)) return { kind: 'record', field };
  for (const [pattern, role] of roleLabelPrefixes) {
    const match = pattern.exec(normalised);
    if (match === null) continue;
    const rest = normalised.slice(match[0].length).trim();
    if (rest === '') return { kind: 'contact', role, attribute: 'reference' };
    const attribute = attributeOf(rest);
    return attribute === null ? null : { kind: 'contact', role, attribute };
  }
  return null;
}

const registrarSectionLabels: ReadonlyArray<readonly [RegExp, RecordField]> = [
  [/^(?:name|organi[sz]ation|registrar name|company)$/, 'registrar'],
  [/^(?:url|website|web|www|homepage|web page|registrar url)$/, 'registrarUrl'],
  [/^(?:id|iana id|registrar id|handle)$/, 'registrarId'],
  [/^(?:whois|whois server)$/, 'whoisServer'],
];

/** A label under a section header: the section gives the role when the label names only an attribute. */
export function classifyInSection(section: FieldTarget | null, label: string): FieldTarget | null {
  const own = classifyLabel(label);
  if (section === null) return own;
  const normalised = normaliseLabel(label);
  // LV's "[Whois]" paragraph: "Updated:" there is when the WHOIS database was, not the domain.
  if (section.kind === 'record' && section.field === 'whoisServer') return null;
  if (section.kind === 'record' && section.field === 'registrar') {
    for (const [pattern, field] of registrarSectionLabels) if (pattern.test(normalised)) return { kind: 'record', field };
    return own?.kind === 'record' && own.field !== 'registrar' ? own : null;
  }
  if (section.kind === 'contact') {
    if (own !== null && own.kind === 'contact' && own.role === section.role) return own;
    const attribute = attributeOf(normalised);
    if (attribute !== null) return { kind: 'contact', role: section.role, attribute };
    if (own?.kind === 'record' && (own.field === 'createdAt' || own.field === 'updatedAt' || own.field === 'domain')) return null;
  }
  return own;
}

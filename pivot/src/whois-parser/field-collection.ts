/**
 * Walks a response's lines and collects every value the record needs: record fields by their
 * label, contacts by role (labelled, in sections, or as RIPE-style objects found by handle).
 * Values stay as written here; parse-whois.ts turns them into the record.
 */
import type { ContactRole } from '@indicia/core';
import { classifyInSection, classifyLabel, normaliseLabel, type FieldTarget } from './label-classification.js';
import { objectAttributeLabels, type ContactAttribute, type RecordField } from './label-vocabulary-data.js';
import { emptyRawContact, setRawAttribute, type RawContact } from './raw-contact.js';
import type { ResponseLine } from './response-lines.js';

export interface CollectedFields {
  /** Every value seen for each record field, in order. */
  readonly record: Map<RecordField, string[]>;
  /** The paragraph of each record value, index for index: which object of the response gave it. */
  readonly recordParagraphs: Map<RecordField, number[]>;
  readonly contacts: Map<ContactRole, RawContact>;
  /** "holder-c: GIH6-FRNIC": a role's handle (or name), to resolve against the response's objects. */
  readonly references: Map<ContactRole, string>;
  /** RIPE-style contact objects ("nic-hdl: X" paragraphs), by handle (uppercased). */
  readonly objects: Map<string, RawContact>;
}

function isHandleLabel(label: string | null): boolean {
  return label !== null && /^(?:nic hdl|handle|contact id|contact handle)$/.test(normaliseLabel(label));
}

function objectAttribute(label: string): ContactAttribute | null {
  const normalised = normaliseLabel(label);
  for (const [pattern, attribute] of objectAttributeLabels) if (pattern.test(normalised)) return attribute;
  return null;
}

/** A paragraph is a contact object when it carries a handle line and the first line is not a domain field. */
function contactObjectParagraphs(lines: readonly ResponseLine[]): Map<number, string> {
  const handles = new Map<number, string>();
  const firstLabel = new Map<number, string | null>();
  for (const line of lines) {
    if (!firstLabel.has(line.paragraph)) firstLabel.set(line.paragraph, line.label);
    if (line.section === null && isHandleLabel(line.label) && line.value !== '' && !handles.has(line.paragraph)) {
      handles.set(line.paragraph, line.value.toUpperCase());
    }
  }
  for (const [paragraph] of handles) {
    const first = firstLabel.get(paragraph);
    const target = first === null || first === undefined ? null : classifyLabel(first);
    if (target?.kind === 'record' && target.field === 'domain') handles.delete(paragraph);
  }
  return handles;
}

/** A RIPE-style registrar object ("registrar: X" then its address, phone, website). */
function registrarObjectParagraphs(lines: readonly ResponseLine[]): Set<number> {
  const first = new Map<number, ResponseLine>();
  const attributeLines = new Map<number, number>();
  for (const line of lines) {
    if (!first.has(line.paragraph)) first.set(line.paragraph, line);
    if (line.label !== null && objectAttribute(line.label) !== null) attributeLines.set(line.paragraph, (attributeLines.get(line.paragraph) ?? 0) + 1);
  }
  const result = new Set<number>();
  for (const [paragraph, line] of first) {
    const target = line.label === null ? null : classifyLabel(line.label);
    if (target?.kind === 'record' && target.field === 'registrar' && (attributeLines.get(paragraph) ?? 0) >= 2) result.add(paragraph);
  }
  return result;
}

export function collectFields(lines: readonly ResponseLine[]): CollectedFields {
  const collected: CollectedFields = { record: new Map(), recordParagraphs: new Map(), contacts: new Map(), references: new Map(), objects: new Map() };
  const objectParagraphs = contactObjectParagraphs(lines);
  const registrarParagraphs = registrarObjectParagraphs(lines);
  const sectionTargets = new Map<string, FieldTarget | null>();
  const sectionOf = (label: string): FieldTarget | null => {
    if (!sectionTargets.has(label)) sectionTargets.set(label, classifyLabel(label));
    return sectionTargets.get(label)!;
  };
  for (const line of lines) {
    const handle = objectParagraphs.get(line.paragraph);
    if (handle !== undefined) {
      collectObjectLine(collected, handle, line);
      continue;
    }
    if (registrarParagraphs.has(line.paragraph) && line.label !== null) {
      const attribute = normaliseLabel(line.label);
      if (/^(?:website|url|www|web)$/.test(attribute)) addRecordValue(collected, 'registrarUrl', line.value, line.paragraph);
      else if (classifyLabel(line.label)?.kind === 'record') addRecordValue(collected, 'registrar', line.value, line.paragraph);
      continue;
    }
    const section = line.section === null ? null : sectionOf(line.section);
    if (line.label === null || (section !== null && classifyInSection(section, line.label) === null)) {
      if (section !== null && (line.label === null || !looksLikeUnknownLabel(line.label))) collectBareLine(collected, section, line);
      continue;
    }
    const target = classifyInSection(section, line.label);
    if (target === null) continue;
    if (line.value === '') continue;
    collectTarget(collected, target, line.value, { inSection: section !== null, paragraph: line.paragraph });
  }
  return collected;
}

/** "Language: en" under a contact is a label we do not map; "Cumhuriyet Cd. No:61" is an address line. */
function looksLikeUnknownLabel(label: string): boolean {
  return !/[\d.,]/.test(label) && label.split(/\s+/).length <= 3;
}

function addRecordValue(collected: CollectedFields, field: RecordField, value: string, paragraph: number): void {
  if (value === '') return;
  const values = collected.record.get(field);
  if (values === undefined) collected.record.set(field, [value]);
  else values.push(value);
  const paragraphs = collected.recordParagraphs.get(field);
  if (paragraphs === undefined) collected.recordParagraphs.set(field, [paragraph]);
  else paragraphs.push(paragraph);
}

function contactOf(collected: CollectedFields, role: ContactRole): RawContact {
  let contact = collected.contacts.get(role);
  if (contact === undefined) {
    contact = emptyRawContact();
    collected.contacts.set(role, contact);
  }
  return contact;
}

function collectTarget(collected: CollectedFields, target: FieldTarget, value: string, context: { inSection: boolean; paragraph: number }): void {
  if (target.kind === 'record') {
    addRecordValue(collected, target.field, value, context.paragraph);
    return;
  }
  if (target.role === 'other') return;
  // "holder-c: X", "Registrant ID: X": a handle, maybe of an object elsewhere in the response.
  const handleReference = target.attribute === 'handle' && !context.inSection;
  if (target.attribute === 'reference' || handleReference) {
    if (context.inSection) setRawAttribute(contactOf(collected, target.role), 'name', value);
    else if (!collected.references.has(target.role)) collected.references.set(target.role, value);
    return;
  }
  setRawAttribute(contactOf(collected, target.role), target.attribute, value);
}

function collectBareLine(collected: CollectedFields, section: FieldTarget, line: ResponseLine): void {
  const text = line.text;
  if (section.kind === 'record') {
    if (section.field === 'registrar' && /^https?:\/\//i.test(text)) addRecordValue(collected, 'registrarUrl', text, line.paragraph);
    else addRecordValue(collected, section.field, text, line.paragraph);
    return;
  }
  if (section.role === 'other') return;
  const contact = contactOf(collected, section.role);
  if (section.attribute === 'street') contact.addressBlock.push(text);
  else if (section.attribute === 'reference') contact.bareLines.push(text);
  else setRawAttribute(contact, section.attribute, text);
}

function collectObjectLine(collected: CollectedFields, handle: string, line: ResponseLine): void {
  let contact = collected.objects.get(handle);
  if (contact === undefined) {
    contact = emptyRawContact();
    contact.handle = handle;
    collected.objects.set(handle, contact);
  }
  if (line.label === null) return;
  const attribute = objectAttribute(line.label);
  if (attribute === null || attribute === 'handle') return;
  setRawAttribute(contact, attribute, line.value);
}

/**
 * Accuracy of a WHOIS parser against the corpus, field by field: for each field, how many
 * responses assert it and how many of those the parse gets right. Values are compared the way the
 * schema normalises them (emails lowercased, phones E.164, address lines joined), and a field the
 * parse withheld as a redaction or a privacy service's stand-in counts as right when the expected
 * value is one (the Ruby parser returns such values as if they were identities).
 */
import type { RegistrationContact, RegistrationRecord } from '@indicia/core';
import { registrationPhoneE164 } from '../../contact-phone.js';
import { redactionOf } from '../../redaction.js';
import { WhoisParseError } from '../whois-parse-error.js';
import type { CorpusCase } from './corpus-cases.js';
import type { ExpectedContact, ExpectedParse, ExpectedTime } from './expected-file-reader.js';

export interface FieldTally {
  asserted: number;
  correct: number;
}

export interface Mismatch {
  readonly file: string;
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface CorpusAccuracy {
  readonly responses: number;
  /** Responses that threw WhoisParseError, and other errors (bugs). */
  parseErrors: number;
  unexpectedErrors: number;
  readonly fields: Record<string, FieldTally>;
  readonly mismatches: Mismatch[];
}

export type WhoisParse = (text: string, options: { server: string }) => RegistrationRecord;

const contactFields = ['name', 'organization', 'email', 'phone', 'address', 'city', 'country'] as const;
const roleProperties = { registrant: 'registrant', admin: 'admin', tech: 'tech' } as const;

const availableSymbols = new Set(['available']);
const registeredSymbols = new Set(['registered', 'redemption', 'inactive', 'suspended', 'expired', 'reserved']);

function normaliseText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim().toLowerCase();
  return text === '' ? null : text;
}

function normaliseAddress(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return normaliseText(value.split(/\n|,\s*/).map((line) => line.trim()).filter((line) => line !== '').join(' '));
}

/**
 * A spec time with a zone ("2013-07-08T19:35:53+03:00") names an instant: compared as one. Without
 * a zone it is the wall-clock time Ruby read (see the report on JST/EEST values), compared as written.
 */
function timeMatches(expected: ExpectedTime | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (expected.time === null) return actual.slice(0, 10) === expected.date;
  if (expected.offset !== null) {
    const offset = expected.offset === 'Z' ? 'Z' : expected.offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return Date.parse(actual) === Date.parse(`${expected.date}T${expected.time}${offset}`);
  }
  return actual.slice(0, 19) === `${expected.date}T${expected.time}`;
}

function expectedRegistered(expected: ExpectedParse): boolean | undefined {
  if (expected.registered !== undefined) return expected.registered;
  if (expected.available !== undefined) return !expected.available;
  if (expected.status !== undefined && expected.status !== null && 'symbol' in expected.status) {
    if (availableSymbols.has(expected.status.symbol)) return false;
    if (registeredSymbols.has(expected.status.symbol)) return true;
  }
  return undefined;
}

class Tallier {
  constructor(
    private readonly accuracy: CorpusAccuracy,
    private readonly file: string,
  ) {}
  check(field: string, correct: boolean, expected: unknown, actual: unknown): void {
    const tally = (this.accuracy.fields[field] ??= { asserted: 0, correct: 0 });
    tally.asserted += 1;
    if (correct) tally.correct += 1;
    else this.accuracy.mismatches.push({ file: this.file, field, expected, actual });
  }
}

/** Parses every case and tallies each asserted field. */
export function measureCorpusAccuracy(cases: readonly CorpusCase[], parse: WhoisParse): CorpusAccuracy {
  const accuracy: CorpusAccuracy = { responses: cases.length, parseErrors: 0, unexpectedErrors: 0, fields: {}, mismatches: [] };
  for (const corpusCase of cases) {
    let record: RegistrationRecord | null = null;
    let error: unknown = null;
    try {
      record = parse(corpusCase.text, { server: corpusCase.server });
    } catch (caught) {
      // Tallied, not swallowed: a WhoisParseError is a verdict on the response, anything else a bug.
      error = caught;
      if (caught instanceof WhoisParseError) accuracy.parseErrors += 1;
      else accuracy.unexpectedErrors += 1;
    }
    if (corpusCase.expected === null) continue;
    compareCase(new Tallier(accuracy, corpusCase.file), corpusCase.expected, record, error);
  }
  return accuracy;
}

function compareCase(tally: Tallier, expected: ExpectedParse, record: RegistrationRecord | null, error: unknown): void {
  if (expected.throttled === true) {
    tally.check('rateLimited', error instanceof WhoisParseError && error.failure === 'rate-limited', 'rate-limited', error ?? 'a record');
    return;
  }
  const registered = expectedRegistered(expected);
  if (registered !== undefined) tally.check('registered', record?.registered === registered, registered, record?.registered);
  if (typeof expected.domain === 'string') tally.check('domain', record?.domain === expected.domain.toLowerCase(), expected.domain, record?.domain);
  if (expected.status !== undefined && expected.status !== null && 'list' in expected.status) {
    const wanted = expected.status.list.map((value) => value.replace(/\s+https?:\/\/\S+$/, ''));
    const actual = record?.status ?? [];
    tally.check('status', wanted.length === actual.length && wanted.every((value) => actual.includes(value)), wanted, actual);
  }
  for (const [property, field] of [['createdOn', 'createdAt'], ['updatedOn', 'updatedAt'], ['expiresOn', 'expiresAt']] as const) {
    const time = expected[property];
    if (time !== undefined) tally.check(field, record !== null && timeMatches(time, record[field]), time, record?.[field]);
  }
  if (expected.nameservers !== undefined) {
    const wanted = expected.nameservers.map((name) => name.toLowerCase().replace(/\.$/, ''));
    const actual = record?.nameservers ?? [];
    tally.check('nameservers', record !== null && wanted.length === actual.length && wanted.every((name) => actual.includes(name)), wanted, actual);
  }
  compareRegistrar(tally, expected, record);
  for (const role of Object.keys(roleProperties) as Array<keyof typeof roleProperties>) {
    const wanted = expected[role];
    if (wanted === undefined) continue;
    const actual = record?.[role] ?? null;
    if (wanted === null) {
      tally.check(`${role}.present`, record !== null && actual === null, null, actual);
      continue;
    }
    tally.check(`${role}.present`, actual !== null, 'a contact', actual);
    compareContact(tally, role, wanted, actual);
  }
}

function compareRegistrar(tally: Tallier, expected: ExpectedParse, record: RegistrationRecord | null): void {
  if (expected.registrar === undefined) return;
  const actual = record?.registrar ?? null;
  if (expected.registrar === null) {
    tally.check('registrar.name', record !== null && (actual === null || actual.name === null), null, actual?.name);
    return;
  }
  const { id, name, organization, url } = expected.registrar;
  if (name !== undefined || organization !== undefined) {
    const wanted = name ?? organization ?? null;
    tally.check('registrar.name', record !== null && normaliseText(wanted) === normaliseText(actual?.name), wanted, actual?.name);
  }
  if (id !== undefined) tally.check('registrar.id', record !== null && normaliseText(id) === normaliseText(actual?.id), id, actual?.id);
  if (url !== undefined) tally.check('registrar.url', record !== null && normaliseText(url) === normaliseText(actual?.url), url, actual?.url);
}

/** Is the expected contact a privacy service's stand-in (its every field the service's)? */
function expectedIsProxy(contact: ExpectedContact): boolean {
  return [contact.name, contact.organization, contact.email].some((value) => typeof value === 'string' && redactionOf(value)?.kind === 'proxy-service');
}

function compareContact(tally: Tallier, role: string, expected: ExpectedContact, actual: RegistrationContact | null): void {
  const proxy = expectedIsProxy(expected);
  for (const field of contactFields) {
    const wanted = field === 'country' ? (expected.countryCode ?? expected.country) : expected[field];
    if (wanted === undefined) continue;
    const ours = actual === null ? null : field === 'address' ? actual.street : actual[field];
    const withheld = actual !== null && ours === null && actual.redacted.includes(field === 'address' ? 'street' : field);
    const standIn = wanted !== null && (proxy || redactionOf(wanted) !== null);
    let correct: boolean;
    if (standIn && withheld) correct = true;
    else if (field === 'country') correct = [expected.countryCode, expected.country].some((value) => value !== undefined && normaliseText(value) === normaliseText(ours));
    else if (field === 'address') correct = normaliseAddress(wanted) === normaliseAddress(ours);
    else if (field === 'phone') {
      const country = expected.countryCode ?? actual?.country ?? null;
      correct = wanted === null ? ours === null : (registrationPhoneE164(wanted, country) ?? wanted) === ours;
    } else correct = normaliseText(wanted) === normaliseText(ours);
    tally.check(`${role}.${field}`, correct, wanted, ours);
  }
}

/** Accuracy per field (correct / asserted), rounded to 3 decimals. */
export function accuracyByField(accuracy: CorpusAccuracy): Record<string, { asserted: number; correct: number; accuracy: number }> {
  const result: Record<string, { asserted: number; correct: number; accuracy: number }> = {};
  for (const field of Object.keys(accuracy.fields).sort()) {
    const { asserted, correct } = accuracy.fields[field]!;
    result[field] = { asserted, correct, accuracy: Math.floor((correct / asserted) * 1000) / 1000 };
  }
  return result;
}

/** The table printed by the test and the bench. */
export function accuracyTable(accuracy: CorpusAccuracy): string {
  const rows = Object.entries(accuracyByField(accuracy)).map(
    ([field, { asserted, correct, accuracy: ratio }]) => `${field.padEnd(24)} ${String(correct).padStart(4)} / ${String(asserted).padEnd(4)} ${ratio.toFixed(3)}`,
  );
  return [`${'field'.padEnd(24)} correct / asserted  accuracy`, ...rows, `responses ${accuracy.responses}, WhoisParseError ${accuracy.parseErrors}, other errors ${accuracy.unexpectedErrors}`].join('\n');
}

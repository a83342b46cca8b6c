/**
 * The record's three dates from every value the response gives for each. A response can name a
 * date more than once: a registrar's answer repeats the registry's ("Updated Date: 02-oct-2014"
 * then "Updated Date: 2014-10-02T15:33:46Z"), RIPE-style objects list every change ("changed:
 * ... 19960111", ..., "changed: ... 20140116"). The first value wins, refined by a later one of
 * the same day that carries the time of day; the update time is the latest change of the first
 * value's paragraph.
 */
import { readWhoisDate } from './whois-dates.js';

export interface RecordDateValues {
  readonly createdAt: readonly string[];
  readonly updatedAt: readonly string[];
  /** The paragraph of each updatedAt value, index for index (CollectedFields.recordParagraphs). */
  readonly updatedAtParagraphs: readonly number[];
  readonly expiresAt: readonly string[];
  /** Status values: two registries state the end of the registration there (statusExpiryOf). */
  readonly status: readonly string[];
}

export interface RecordDates {
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly expiresAt: string | null;
}

export interface RecordDateOptions {
  /** The server writes "01/02/2012" for January 2nd (server-quirks-data.ts). */
  readonly monthFirst?: boolean;
}

interface ReadDate {
  readonly iso: string;
  readonly hasTimeOfDay: boolean;
  readonly paragraph: number;
}

const timeOfDay = /\d{1,2}:\d{2}|\d{14}/;
const numericDate = /\b(\d{1,2})[./-](\d{1,2})[./-]\d{4}\b/g;

export function recordDatesOf(values: RecordDateValues, options: RecordDateOptions = {}): RecordDates {
  const monthFirst = options.monthFirst === true || impliedMonthFirst([...values.createdAt, ...values.updatedAt, ...values.expiresAt]);
  const read = (list: readonly string[], paragraphs: readonly number[] = []): ReadDate[] =>
    list.flatMap((value, index) => {
      const iso = readWhoisDate(value, { monthFirst });
      return iso === null ? [] : [{ iso, hasTimeOfDay: timeOfDay.test(value), paragraph: paragraphs[index] ?? 0 }];
    });
  const expiresAt = firstRefined(read(values.expiresAt)) ?? firstRefined(read(values.status.flatMap(statusExpiryOf)));
  return { createdAt: firstRefined(read(values.createdAt)), updatedAt: latestChange(read(values.updatedAt, values.updatedAtParagraphs)), expiresAt };
}

/**
 * Dot TK writes "Domain registered: 12/18/2001" and "Record will expire on: 03/02/2012": one date
 * whose second part is over 12 settles the order for the others of the same response.
 */
function impliedMonthFirst(values: readonly string[]): boolean {
  let monthFirst = false;
  let dayFirst = false;
  for (const value of values) {
    for (const match of value.matchAll(numericDate)) {
      const [first, second] = [+match[1]!, +match[2]!];
      if (first <= 12 && second > 12) monthFirst = true;
      if (first > 12 && second <= 12) dayFirst = true;
    }
  }
  return monthFirst && !dayFirst;
}

/** The first date, or a later one of the same day that gives the time the first leaves out. */
function firstRefined(dates: readonly ReadDate[]): string | null {
  const first = dates[0];
  if (first === undefined) return null;
  if (first.hasTimeOfDay) return first.iso;
  return dates.find((date) => date.hasTimeOfDay && date.iso.slice(0, 10) === first.iso.slice(0, 10))?.iso ?? first.iso;
}

/**
 * The latest change listed with the first: other objects of a RIPE-style response (.cz's nsset
 * and keyset) carry "changed:" lines of their own, which are not the domain's.
 */
function latestChange(dates: readonly ReadDate[]): string | null {
  const first = dates[0];
  if (first === undefined) return null;
  const own = dates.filter((date) => date.paragraph === first.paragraph);
  const latestDay = own.reduce((day, date) => (date.iso.slice(0, 10) > day ? date.iso.slice(0, 10) : day), '');
  const latest = own.filter((date) => date.iso.slice(0, 10) === latestDay);
  return firstRefined([...latest, ...dates.filter((date) => date.paragraph !== first.paragraph)]);
}

/**
 * UANIC's "status: OK-UNTIL 20131218000000" and JPRS's "[State] Connected (2010/09/30)" state
 * when the registration runs out; read only when no expiry line exists.
 */
function statusExpiryOf(value: string): string[] {
  const match = /^(?:ok-until|connected)\s*\(?\s*([^()]*\d[^()]*?)\s*\)?\s*$/i.exec(value.trim());
  return match === null ? [] : [match[1]!];
}

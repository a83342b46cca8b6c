/**
 * WHOIS dates as registries write them, to ISO 8601 instants (UTC). There is no standard before
 * the 2013 RAA: "2012-10-12T10:19:46.0Z", "12-Oct-2012", "2012.10.12", "12/10/2012" (day first in
 * most of the world, month first at a few registries), "Tue Dec 12 2000", "2nd April, 2015",
 * "2014-Aug-12.", "changed: hostmaster@example.net 20120101", "20121216134104" and "before Aug-1996".
 */

export interface DateReadingOptions {
  /** Read "01/02/2012" as January 2nd (a few US-style registries); day first otherwise. */
  readonly monthFirst?: boolean;
}

const monthNames: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Offsets (minutes east of UTC) of the zone names registries print. */
const zoneOffsets: Readonly<Record<string, number>> = {
  z: 0, utc: 0, gmt: 0, ut: 0, jst: 540, kst: 540, cst: 480, cet: 60, cest: 120, eet: 120, eest: 180,
  msk: 180, est: -300, edt: -240, pst: -480, pdt: -420, mst: -420, mdt: -360, bst: 60, ist: 330,
};

const timeOfDay = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?`;
const zone = String.raw`\s*(?:(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}\b)|\(?\b([A-Za-z]{1,4})\b\)?)?`;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: string | undefined;
  minute?: string | undefined;
  second?: string | undefined;
  offset?: string | undefined;
  zoneName?: string | undefined;
}

type DateReader = (text: string, options: DateReadingOptions) => DateParts | null;

const readers: readonly DateReader[] = [
  // 2012-10-12T10:19:46.0Z, 2012-10-12 10:19:46+02:00, 2012.10.12, 2013/06/01 01:05:07 (JST)
  (text) => {
    const match = new RegExp(String.raw`\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)` + timeOfDay + zone).exec(text);
    if (match === null) return null;
    return { year: +match[1]!, month: +match[2]!, day: +match[3]!, hour: match[4], minute: match[5], second: match[6], offset: match[7], zoneName: match[8] };
  },
  // 2014-Aug-12
  (text) => {
    const match = /\b(\d{4})[-\s]([A-Za-z]{3,9})[-\s](\d{1,2})\b/.exec(text);
    if (match === null) return null;
    return withMonthName(+match[1]!, match[2]!, +match[3]!);
  },
  // 12-Oct-2012, 12 Oct 2012 10:00:00 UTC, 2nd April, 2015
  (text) => {
    const match = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[-\s/.]+([A-Za-z]{3,9})\.?,?[-\s/.]+(\d{4})(?!\d)` + timeOfDay + zone).exec(text);
    if (match === null) return null;
    const parts = withMonthName(+match[3]!, match[2]!, +match[1]!);
    return parts === null ? null : { ...parts, hour: match[4], minute: match[5], second: match[6], offset: match[7], zoneName: match[8] };
  },
  // Tue Dec 12 2000, Dec 12, 2000, Tue Dec 12 10:00:00 GMT 2000
  (text) => {
    const match = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(?:(\d{1,2}):(\d{2}):(\d{2})\s+(?:([A-Za-z]{1,4})\s+)?)?(\d{4})\b/.exec(text);
    if (match === null) return null;
    const parts = withMonthName(+match[7]!, match[1]!, +match[2]!);
    return parts === null ? null : { ...parts, hour: match[3], minute: match[4], second: match[5], zoneName: match[6] };
  },
  // 12/10/2012, 12.10.2012 10:00:00
  (text, options) => {
    const match = new RegExp(String.raw`\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)` + timeOfDay + zone).exec(text);
    if (match === null) return null;
    const [first, second] = [+match[1]!, +match[2]!];
    const monthFirst = second > 12 || (first <= 12 && options.monthFirst === true);
    return { year: +match[3]!, month: monthFirst ? first : second, day: monthFirst ? second : first, hour: match[4], minute: match[5], second: match[6], offset: match[7], zoneName: match[8] };
  },
  // 20121216134104 (UANIC's "changed: notify@example.net 20121216134104", "OK-UNTIL 20131218000000")
  (text) => {
    const match = /(?:^|[^\d])(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:$|[^\d])/.exec(text);
    if (match === null) return null;
    return { year: +match[1]!, month: +match[2]!, day: +match[3]!, hour: match[4], minute: match[5], second: match[6] };
  },
  // 20121012 (often after an email in RIPE-style "changed:" lines)
  (text) => {
    const match = /(?:^|[^\d])(\d{4})(\d{2})(\d{2})(?:$|[^\d])/.exec(text);
    return match === null ? null : { year: +match[1]!, month: +match[2]!, day: +match[3]! };
  },
  // before Aug-1996, Aug 1996
  (text) => {
    const match = /\b([A-Za-z]{3,9})[-\s](\d{4})\b/.exec(text);
    return match === null ? null : withMonthName(+match[2]!, match[1]!, 1);
  },
];

function withMonthName(year: number, name: string, day: number): DateParts | null {
  const month = monthNames[name.slice(0, 3).toLowerCase()];
  return month === undefined ? null : { year, month, day };
}

/** The instant a WHOIS date value names, as ISO 8601 UTC; null when the value holds no date. */
export function readWhoisDate(value: string, options: DateReadingOptions = {}): string | null {
  const text = value.trim();
  if (text === '' || !/\d{4}/.test(text)) return null;
  for (const reader of readers) {
    const parts = reader(text, options);
    if (parts !== null) return partsToIso(parts);
  }
  return null;
}

function partsToIso(parts: DateParts): string | null {
  const { year, month, day } = parts;
  if (year < 1980 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hour = parts.hour === undefined ? 0 : +parts.hour;
  const minute = parts.minute === undefined ? 0 : +parts.minute;
  const second = parts.second === undefined ? 0 : +parts.second;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(parts) * 60_000;
  const date = new Date(millis);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

function offsetMinutes(parts: DateParts): number {
  if (parts.hour === undefined) return 0;
  if (parts.offset !== undefined) {
    if (parts.offset.toUpperCase() === 'Z') return 0;
    const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(parts.offset);
    if (match === null) return 0;
    const minutes = +match[2]! * 60 + +(match[3] ?? '0');
    return match[1] === '-' ? -minutes : minutes;
  }
  if (parts.zoneName !== undefined) return zoneOffsets[parts.zoneName.toLowerCase()] ?? 0;
  return 0;
}

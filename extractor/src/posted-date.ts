/**
 * When an ad was posted, as an ISO 8601 date ("2024-05-12") or date-time, from a <time datetime>
 * or a "Posted: ..." line. Relative dates ("3 days ago") count back from the fetch time. Day/month
 * order in "05/06/2024" follows the page's country (month first only in the US and a few others).
 */
const postedLabel = /^(?:posted|published|date posted|listed|added|created|updated|date|veröffentlicht|eingestellt|datum|publié|publicado|pubblicato|opublikowano|dodano|geplaatst|publicat|опубликовано|опубліковано)\b(?:\s+on)?\s*[:\-–]?\s*(.{4,60})$/imu;

const monthNames: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const monthFirstCountries = new Set(['US', 'PH', 'CA', 'FM', 'PW', 'MH']);

export function postedDateFromLine(text: string, options: { fetchedAt: string; country: string | null }): string | null {
  const line = postedLabel.exec(text);
  return line ? parseLooseDate(line[1]!, options) : null;
}

export function parseDateTimeAttribute(value: string): string | null {
  const trimmed = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (dateOnly) return isoDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(trimmed)) return null;
  const time = Date.parse(trimmed.replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function parseLooseDate(text: string, options: { fetchedAt: string; country: string | null }): string | null {
  const value = text.trim().toLowerCase();
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?))?/.exec(value);
  if (iso) return iso[4] ? parseDateTimeAttribute(iso[0].toUpperCase()) : isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const relative = relativeDate(value, options.fetchedAt);
  if (relative) return relative;

  const numeric = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(value);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[3])];
    const year = fullYear(Number(numeric[4]));
    // Dots are day-first everywhere; slashes follow the country; a value over 12 settles it.
    const monthFirst = numeric[2] !== '.' && (a > 12 ? false : b > 12 ? true : monthFirstCountries.has(options.country ?? ''));
    return monthFirst ? isoDate(year, a, b) : isoDate(year, b, a);
  }

  const dayMonth = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b/.exec(value);
  if (dayMonth && monthNames[dayMonth[2]!]) return isoDate(Number(dayMonth[3]), monthNames[dayMonth[2]!]!, Number(dayMonth[1]));
  const monthDay = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(value);
  if (monthDay && monthNames[monthDay[1]!]) return isoDate(Number(monthDay[3]), monthNames[monthDay[1]!]!, Number(monthDay[2]));
  return null;
}

function relativeDate(value: string, fetchedAt: string): string | null {
  const base = Date.parse(fetchedAt);
  if (Number.isNaN(base)) return null;
  let daysAgo: number | null = null;
  if (/^today\b/.test(value)) daysAgo = 0;
  else if (/^yesterday\b/.test(value)) daysAgo = 1;
  else {
    const m = /^(\d{1,3}|an?|one)\s+(hour|day|week)s?\s+ago\b/.exec(value);
    if (m) {
      const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1;
      daysAgo = m[2] === 'hour' ? count / 24 : m[2] === 'week' ? count * 7 : count;
    }
  }
  if (daysAgo === null) return null;
  return new Date(base - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

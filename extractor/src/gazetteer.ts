import { isStandalone } from './text-boundaries.js';
import { citiesByCountry, countryNames, localCountryNames, namesNotMatched, regionCodes, regionNames } from './gazetteer-data.js';

export type PlaceKind = 'city' | 'region' | 'country';

export interface PlaceMention {
  /** The place's name in the gazetteer (for a city, its English name, however the text spells it). */
  name: string;
  country: string;
  kind: PlaceKind;
  start: number;
  end: number;
}

interface Entry {
  name: string;
  country: string;
  kind: PlaceKind;
}

/** A spelling to look for, and the place it names. */
interface Spelling {
  written: string;
  entry: Entry;
}

function cities(): Spelling[] {
  return Object.entries(citiesByCountry).flatMap(([country, list]) =>
    list.flatMap((names) => {
      const [name, ...others] = names.split('|');
      const entry: Entry = { name: name!, country, kind: 'city' };
      const spellings = namesNotMatched.has(name!) ? others : [name!, ...others];
      return spellings.map((written) => ({ written, entry }));
    }),
  );
}

function places(table: Record<string, string>, kind: PlaceKind): Spelling[] {
  return Object.entries(table).flatMap(([country, names]) => names.split('|').map((name) => ({ written: name, entry: { name, country, kind } })));
}

const spellings: Spelling[] = [
  ...cities(),
  ...places(regionNames, 'region'),
  ...places(countryNames, 'country'),
  ...places(localCountryNames, 'country'),
];
const byExactName = new Map(spellings.map((s) => [s.written, s.entry]));
const byLowerName = new Map(spellings.map((s) => [s.written.toLowerCase(), s.entry]));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest names first, so "New York City" wins over "New York" and "Newcastle upon Tyne" over "Newcastle".
const alternation = [...new Set(spellings.map((s) => s.written))].sort((a, b) => b.length - a.length).map(escape).join('|');
// Word boundaries are checked in code: a Unicode lookbehind here made the scan four times slower.
const anyCasePattern = new RegExp(alternation, 'giu');
const regionCodePattern = new RegExp(`,\\s*(${Object.values(regionCodes).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const regionCodeCountry = new Map(Object.entries(regionCodes).flatMap(([country, codes]) => codes.split('|').map((code) => [code, country] as const)));
/** Chinese writes no spaces between words: a Han name stands alone without word boundaries. */
const han = /[\u4e00-\u9fff]/;

/**
 * Running text is read at capitals and Han characters only (every spelling starts with one), each
 * looked up by its first two characters: far cheaper than trying a thousand-name alternation at every
 * position of the text.
 */
const nameStart = /[\p{Lu}\u4e00-\u9fff]/gu;
const byFirstTwo = new Map<string, string[]>();
for (const written of [...byExactName.keys()].sort((a, b) => b.length - a.length)) {
  const key = written.slice(0, 2);
  const list = byFirstTwo.get(key);
  if (list) list.push(written);
  else byFirstTwo.set(key, [written]);
}

/**
 * Places named in text. In running text names must be capitalised as written here ("Paris", not
 * "paris"), which keeps ordinary words out; a short location field is matched in any case.
 * Region codes count only after a comma ("Las Vegas, NV").
 */
export function findPlaces(text: string, options: { anyCase?: boolean } = {}): PlaceMention[] {
  const found: PlaceMention[] = options.anyCase ? anyCasePlaces(text) : capitalisedPlaces(text);
  for (const m of text.matchAll(regionCodePattern)) {
    const code = m[1]!;
    found.push({ name: code, country: regionCodeCountry.get(code)!, kind: 'region', start: m.index + m[0].length - code.length, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function capitalisedPlaces(text: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  nameStart.lastIndex = 0;
  for (let m = nameStart.exec(text); m; m = nameStart.exec(text)) {
    const start = m.index;
    const written = byFirstTwo.get(text.slice(start, start + 2))?.find((name) => text.startsWith(name, start) && (han.test(name) || isStandalone(text, start, start + name.length)));
    if (!written) continue;
    const entry = byExactName.get(written)!;
    found.push({ name: entry.name, country: entry.country, kind: entry.kind, start, end: start + written.length });
    nameStart.lastIndex = start + written.length;
  }
  return found;
}

function anyCasePlaces(text: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const m of text.matchAll(anyCasePattern)) {
    const end = m.index + m[0].length;
    if (!han.test(m[0]) && !isStandalone(text, m.index, end)) continue;
    const entry = byLowerName.get(m[0].toLowerCase());
    if (entry) found.push({ name: entry.name, country: entry.country, kind: entry.kind, start: m.index, end });
  }
  return found;
}

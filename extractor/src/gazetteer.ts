import { isStandalone } from './text-boundaries.js';
import { citiesByCountry, countryNames, regionCodes, regionNames } from './gazetteer-data.js';

export type PlaceKind = 'city' | 'region' | 'country';

export interface PlaceMention {
  /** The name as the gazetteer spells it. */
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

function entries(table: Record<string, string>, kind: PlaceKind): Entry[] {
  return Object.entries(table).flatMap(([country, names]) => names.split('|').map((name) => ({ name, country, kind })));
}

const places: Entry[] = [...entries(citiesByCountry, 'city'), ...entries(regionNames, 'region'), ...entries(countryNames, 'country')];
const byExactName = new Map(places.map((p) => [p.name, p]));
const byLowerName = new Map(places.map((p) => [p.name.toLowerCase(), p]));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest names first, so "New York City" wins over "New York" and "Newcastle upon Tyne" over "Newcastle".
const alternation = [...places].sort((a, b) => b.name.length - a.name.length).map((p) => escape(p.name)).join('|');
// Word boundaries are checked in code: a Unicode lookbehind here made the scan four times slower.
const exactPattern = new RegExp(alternation, 'gu');
const anyCasePattern = new RegExp(alternation, 'giu');
const regionCodePattern = new RegExp(`,\\s*(${Object.values(regionCodes).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const regionCodeCountry = new Map(Object.entries(regionCodes).flatMap(([country, codes]) => codes.split('|').map((code) => [code, country] as const)));

/**
 * Places named in text. In running text names must be capitalised as written here ("Paris", not
 * "paris"), which keeps ordinary words out; a short location field is matched in any case.
 * Region codes count only after a comma ("Las Vegas, NV").
 */
export function findPlaces(text: string, options: { anyCase?: boolean } = {}): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const m of text.matchAll(options.anyCase ? anyCasePattern : exactPattern)) {
    if (!isStandalone(text, m.index, m.index + m[0].length)) continue;
    const entry = options.anyCase ? byLowerName.get(m[0].toLowerCase()) : byExactName.get(m[0]);
    if (entry) found.push({ name: entry.name, country: entry.country, kind: entry.kind, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(regionCodePattern)) {
    const code = m[1]!;
    found.push({ name: code, country: regionCodeCountry.get(code)!, kind: 'region', start: m.index + m[0].length - code.length, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

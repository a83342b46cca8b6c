import { UsageError, handlePlatforms } from '@indicia/core';
import { normalizeEmail, normalizeHandle } from '@indicia/extractor';
import type { SearchQuery } from '@indicia/indexer';
import { phoneReadings } from './phone-readings.js';

export interface SearchInput {
  text?: string;
  phone?: string;
  email?: string;
  handle?: string;
  /** Ads located in this country. */
  country?: string;
  /** The country to read a national phone number in. */
  phoneCountry?: string;
  site?: string;
  limit?: number;
  offset?: number;
}

export interface InterpretedQuery {
  query: SearchQuery;
  /** What the free text was read as, to tell the user ("phone +17025550134"). */
  readAs: Array<{ as: 'phone' | 'email' | 'handle' | 'text'; value: string }>;
  /** A national number valid in several countries: every reading, `query.phone` being the first. */
  phoneReadings: string[];
}

const phoneLike = /^[\d\s()+.\-/]{7,}$/;

/**
 * Turns what the user typed into an exact query: a phone in any common format becomes its E.164
 * form, an email is lowercased, `platform:value` is a handle; anything else is full text.
 */
export function interpretQuery(input: SearchInput): InterpretedQuery {
  const country = input.country?.toUpperCase();
  const phoneCountry = input.phoneCountry?.toUpperCase();
  const query: SearchQuery = { limit: input.limit ?? 20, offset: input.offset ?? 0 };
  const readAs: InterpretedQuery['readAs'] = [];
  let readings: string[] = [];
  if (country) query.country = country;
  if (input.site) query.site = input.site.toLowerCase();
  if (input.phone !== undefined) {
    readings = phoneReadings(input.phone, phoneCountry);
    if (readings.length === 0) throw new UsageError(`cannot read "${input.phone}" as a phone number${phoneCountry ? ` in ${phoneCountry}` : ''}: give it with its country code (+1 702 555 0134)`);
    query.phone = readings[0]!;
    readAs.push({ as: 'phone', value: readings[0]! });
  }
  if (input.email !== undefined) {
    const email = normalizeEmail(input.email);
    if (!email) throw new UsageError(`"${input.email}" is not an email address`);
    query.email = email;
    readAs.push({ as: 'email', value: email });
  }
  if (input.handle !== undefined) {
    const handle = normalizeHandle(input.handle);
    if (!handle) throw new UsageError(`cannot read "${input.handle}" as a handle: write platform:value, platform one of ${handlePlatforms.join(', ')}`);
    query.handle = handle;
    readAs.push({ as: 'handle', value: `${handle.platform}:${handle.value}` });
  }
  const text = input.text?.trim();
  if (text) readings = readFreeText(text, phoneCountry, query, readAs) ?? readings;
  if (readAs.length === 0 && !query.country && !query.site) throw new UsageError('nothing to search for: give text, --phone, --email, --handle, --country or --site');
  return { query, readAs, phoneReadings: readings };
}

/** Reads free text as an email, phone or handle if it is one; returns the phone readings if a phone. */
function readFreeText(text: string, phoneCountry: string | undefined, query: SearchQuery, readAs: InterpretedQuery['readAs']): string[] | undefined {
  if (!query.email && text.includes('@') && !text.includes(' ')) {
    const email = normalizeEmail(text);
    if (email) {
      query.email = email;
      readAs.push({ as: 'email', value: email });
      return undefined;
    }
  }
  if (!query.phone && phoneLike.test(text)) {
    const readings = phoneReadings(text, phoneCountry);
    if (readings.length > 0) {
      query.phone = readings[0]!;
      readAs.push({ as: 'phone', value: readings[0]! });
      return readings;
    }
  }
  if (!query.handle && /^[a-z]+:@?[\w.-]+$/i.test(text) && (handlePlatforms as readonly string[]).includes(text.split(':')[0]!.toLowerCase())) {
    const handle = normalizeHandle(text);
    if (handle) {
      query.handle = handle;
      readAs.push({ as: 'handle', value: `${handle.platform}:${handle.value}` });
      return undefined;
    }
  }
  query.text = text;
  readAs.push({ as: 'text', value: text });
  return undefined;
}

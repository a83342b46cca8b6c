import type { estypes } from '@elastic/elasticsearch';
import { UsageError } from '@indicia/core';
import { derivedFields } from './ad-document.js';

/** The indices of one store, named from its prefix, so several stores (and tests) share a cluster. */
export interface IndexNames {
  /** One document per ad (ad-document.ts). */
  ads: string;
  /** One document per distinct indicator: exact counts for the summary. */
  indicators: string;
  /** One document per registration (WHOIS/RDAP) snapshot: the history reverse WHOIS reads. */
  registrations: string;
  /** One document per DNS snapshot. */
  dns: string;
}

/** Settings a deployment tunes; each has a default that suits one local node. */
export interface IndexTuning {
  shards: number;
  /** Index setting `refresh_interval`: how soon writes become searchable without a forced refresh. */
  refreshInterval: string;
  /** Index setting `mapping.nested_objects.limit`: indicators, their provenance and images of one ad. */
  maxNestedObjectsPerAd: number;
  /** Index setting `max_result_window`: the deepest page a search can reach (offset + limit). */
  maxResultWindow: number;
}

const prefixPattern = /^[a-z0-9][a-z0-9_-]{0,200}$/;

export function indexNames(prefix: string): IndexNames {
  if (!prefixPattern.test(prefix)) throw new UsageError(`an Elasticsearch index prefix is lowercase letters, digits, "-" and "_", starting with a letter or digit (got "${prefix}")`);
  return { ads: `${prefix}-ads`, indicators: `${prefix}-indicators`, registrations: `${prefix}-registrations`, dns: `${prefix}-dns` };
}

/** Keywords longer than this are kept in _source but not indexed: Lucene refuses terms over 32 KB. */
const keyword = { type: 'keyword', ignore_above: 8191 } as const;
const date = { type: 'date', format: 'strict_date_optional_time' } as const;
const integer = { type: 'integer' } as const;
/** Kept in _source for reading back, never searched. */
const stored = { type: 'keyword', index: false, doc_values: false } as const;
/** The folded words of a text (search-words.ts), split on the spaces the store put between them. */
const searchText = { type: 'text', analyzer: 'whitespace' } as const;

const provenanceMapping: estypes.MappingProperty = {
  type: 'nested',
  properties: {
    captureId: keyword,
    source: keyword,
    attribute: keyword,
    imageSha256: keyword,
    start: integer,
    end: integer,
    raw: keyword,
    obfuscated: { type: 'boolean' },
    rules: keyword,
  },
};

const attributeSpan = { raw: stored, source: keyword, start: integer, end: integer };

/**
 * `dynamic: strict`: a field the mapping does not know fails its document instead of growing the
 * mapping. Texts are analysed twice: the original with the standard analyzer, for Kibana and other
 * readers, and the store's folded words (search-words.ts), which its own searches use.
 */
export const adsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  _source: { excludes: derivedFields },
  properties: {
    id: keyword,
    url: keyword,
    canonicalUrl: keyword,
    site: keyword,
    title: { type: 'text' },
    text: { type: 'text' },
    imageText: { type: 'text' },
    words: { properties: { title: searchText, text: searchText, imageText: searchText } },
    imageHashChunks: keyword,
    contentHash: keyword,
    // As the page stated it: a date the mapping cannot read is kept in _source, not refused.
    postedAt: { type: 'date', format: 'strict_date_optional_time||epoch_millis', ignore_malformed: true },
    location: { properties: { text: keyword, city: keyword, country: keyword } },
    language: keyword,
    prices: { properties: { amount: { type: 'double' }, maxAmount: { type: 'double' }, currency: keyword, per: keyword, ...attributeSpan } },
    age: { properties: { min: integer, max: integer, ...attributeSpan } },
    needsBrowser: { type: 'boolean' },
    truncated: { type: 'boolean' },
    firstSeen: date,
    lastSeen: date,
    latestCaptureId: keyword,
    versions: { properties: { contentHash: keyword, captureId: keyword, firstSeen: date, lastSeen: date } },
    indicators: {
      type: 'nested',
      properties: { id: keyword, type: keyword, value: keyword, platform: keyword, chain: keyword, firstSeen: date, lastSeen: date, provenance: provenanceMapping },
    },
    images: {
      type: 'nested',
      properties: {
        sha256: keyword,
        url: keyword,
        mediaType: keyword,
        width: integer,
        height: integer,
        perceptualHash: keyword,
        ocr: { properties: { status: keyword, text: stored, reason: stored } },
        captureId: keyword,
        firstSeen: date,
        lastSeen: date,
      },
    },
  },
};

export const indicatorsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: { id: keyword, type: keyword, value: keyword, platform: keyword, chain: keyword },
};

/** Settings that can change on a live index: applied at creation and again by every open. */
export function dynamicSettings(tuning: IndexTuning, kind: keyof IndexNames): estypes.IndicesIndexSettings {
  const settings: estypes.IndicesIndexSettings = { number_of_replicas: 0, refresh_interval: tuning.refreshInterval };
  if (kind === 'ads') Object.assign(settings, { max_result_window: tuning.maxResultWindow, 'mapping.nested_objects.limit': tuning.maxNestedObjectsPerAd });
  return settings;
}

/**
 * A registration snapshot: the record and raw response kept in _source only; `held` lists the
 * identity values its contacts hold as "field\u0000key" and "role\u0000field\u0000key" keywords
 * (identity-values.ts), so reverse WHOIS is one term query.
 */
export const registrationsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: keyword,
    domain: keyword,
    observedAt: date,
    source: keyword,
    server: keyword,
    rawSha256: keyword,
    record: { type: 'object', enabled: false },
    raw: stored,
    /** WhoisRecorded.chain: the earlier answers of a WHOIS lookup, kept in _source only. */
    chain: { type: 'object', enabled: false },
    held: keyword,
  },
};

export const dnsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: keyword,
    domain: keyword,
    observedAt: date,
    resolver: keyword,
    records: { type: 'object', enabled: false },
  },
};

import type { Client, estypes } from '@elastic/elasticsearch';
import { UsageError } from '@indicia/core';
import { hitSnippet, type HitSnippet } from '../hit-snippet.js';
import { indicatorIdOf } from '../indicator-identity.js';
import type { SearchHit, SearchPage } from '../index-store.js';
import type { NormalisedSearchQuery } from '../search-query.js';
import { matchOpen } from '../snippet.js';
import type { AdDocument, IndicatorLinkDocument } from './ad-document.js';
import { refOf } from './ad-document-views.js';
import { facetAggregations, readFacets } from './es-facets.js';
import { fts5Snippet } from './fts5-snippet.js';
import type { IndexNames } from './index-layout.js';
import { parseTextQuery, type QueryPhrase } from './search-words.js';

/** The searched texts, in the order of the SQLite full-text columns; title words weigh three times. */
const searchedFields = [
  { field: 'words.title', boost: 3 },
  { field: 'words.text', boost: 1 },
  { field: 'words.imageText', boost: 1 },
] as const;
/** Index of the OCR text among the searched texts, for FTS5's snippet(table, 2, ...). */
const ocrColumn = 2;
/** A multi-word prefix ("velvet:even*") matches through at most this many completions of its last word. */
const phrasePrefixExpansions = 1000;

/**
 * Search over the ads index, with the SQLite store's semantics: indicator, site and country
 * filters are exact; text words are ANDed across title, text and OCR text, each word (or its
 * prefix) matched as SQLite's tokenizer reads it (search-words.ts). A text-only query ranks by
 * relevance, anything else newest first; ties go by id. Totals are exact.
 */
export class EsSearch {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
    private readonly maxResultWindow: number,
  ) {}

  async search(query: NormalisedSearchQuery): Promise<SearchPage> {
    const phrases = query.text === null ? [] : parseTextQuery(query.text);
    if (query.text !== null && phrases.length === 0) return emptyPage(query, 0);
    const wantedIds = query.indicators.map(indicatorIdOf);
    const esQuery: estypes.QueryDslQueryContainer = { bool: { filter: adFilters(query, wantedIds), must: phrases.map(phraseQuery) } };
    const aggs = query.facets ? facetAggregations : undefined;
    if (query.offset + query.limit > this.maxResultWindow) {
      const { count } = await this.client.count({ index: this.names.ads, query: esQuery });
      if (query.offset >= count) {
        if (!aggs || count === 0) return emptyPage(query, count);
        const counted = await this.client.search({ index: this.names.ads, query: esQuery, size: 0, aggs });
        return { total: count, hits: [], totalIsLowerBound: false, facets: readFacets(counted.aggregations) };
      }
      throw new UsageError(`the Elasticsearch index serves the first ${this.maxResultWindow} results of a search (asked for ${query.offset + query.limit} of ${count}); narrow the search or export`);
    }
    const ranked = phrases.length > 0 && wantedIds.length === 0;
    const sort: estypes.Sort = [...(ranked ? ['_score' as const] : []), { lastSeen: 'desc' as const }, { id: 'asc' as const }];
    const response = await this.client.search<AdDocument>({
      index: this.names.ads,
      query: esQuery,
      sort,
      from: query.offset,
      size: query.limit,
      track_total_hits: true,
      _source_excludes: ['versions'],
      ...(aggs ? { aggs } : {}),
    });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const hits = response.hits.hits.map((hit) => searchHit(hit._source!, wantedIds, phrases));
    const page: SearchPage = { total, hits, totalIsLowerBound: false };
    if (aggs) page.facets = readFacets(response.aggregations);
    return page;
  }
}

/** The exact conditions: indicators, site, country, seen times, indicator type. Stored times are ISO 8601 UTC, as the bounds are. */
function adFilters(query: NormalisedSearchQuery, wantedIds: readonly string[]): estypes.QueryDslQueryContainer[] {
  const filter: estypes.QueryDslQueryContainer[] = wantedIds.map((id) => ({ nested: { path: 'indicators', query: { term: { 'indicators.id': id } } } }));
  if (query.site !== null) filter.push({ term: { site: query.site } });
  if (query.country !== null) filter.push({ term: { 'location.country': query.country } });
  if (query.seenFrom !== null) filter.push({ range: { lastSeen: { gte: query.seenFrom } } });
  if (query.seenTo !== null) filter.push({ range: { firstSeen: { lte: query.seenTo } } });
  if (query.matchedAfter !== null) filter.push(matchedAfter(query.matchedAfter, wantedIds));
  if (query.indicatorType !== null) filter.push({ nested: { path: 'indicators', query: { term: { 'indicators.type': query.indicatorType } } } });
  return filter;
}

/**
 * The ad began to match after `time`: it was first seen after it or, with indicator conditions,
 * came to hold one of them after it (its link to the last of them is that recent).
 */
function matchedAfter(time: string, wantedIds: readonly string[]): estypes.QueryDslQueryContainer {
  if (wantedIds.length === 0) return { range: { firstSeen: { gt: time } } };
  const since = (id: string): estypes.QueryDslQueryContainer => ({
    nested: { path: 'indicators', query: { bool: { filter: [{ term: { 'indicators.id': id } }, { range: { 'indicators.firstSeen': { gt: time } } }] } } },
  });
  return { bool: { should: wantedIds.map(since), minimum_should_match: 1 } };
}

/** One word of the query: found in any of the searched texts. */
function phraseQuery(phrase: QueryPhrase): estypes.QueryDslQueryContainer {
  const words = phrase.tokens.join(' ');
  const single = phrase.tokens.length === 1;
  const should = searchedFields.map(({ field, boost }): estypes.QueryDslQueryContainer => {
    if (single) return phrase.prefix ? { prefix: { [field]: { value: words, boost } } } : { term: { [field]: { value: words, boost } } };
    return phrase.prefix ? { match_phrase_prefix: { [field]: { query: words, boost, max_expansions: phrasePrefixExpansions } } } : { match_phrase: { [field]: { query: words, boost } } };
  });
  return { bool: { should, minimum_should_match: 1 } };
}

function searchHit(doc: AdDocument, wantedIds: readonly string[], phrases: readonly QueryPhrase[]): SearchHit {
  const matched = wantedIds.map((id) => doc.indicators.find((link) => link.id === id)).filter((link): link is IndicatorLinkDocument => link !== undefined);
  const { snippet, source } = hitSnippet({
    text: doc.text,
    matchedProvenance: matched.map((link) => link.provenance),
    ocrTextOf: (imageSha256) => doc.images.find((image) => image.sha256 === imageSha256)?.ocr.text,
    textMatch: () => (phrases.length === 0 ? null : textMatchSnippet(doc, phrases)),
  });
  return {
    adId: doc.id,
    url: doc.url,
    site: doc.site,
    title: doc.title,
    snippet,
    snippetSource: source,
    firstSeen: doc.firstSeen,
    lastSeen: doc.lastSeen,
    matched: matched.map(refOf),
    indicators: doc.indicators.map(refOf),
    location: doc.location,
    postedAt: doc.postedAt,
  };
}

/** As the SQLite store reads FTS5's snippet: from the OCR text when the best snippet is the OCR column's. */
function textMatchSnippet(doc: AdDocument, phrases: readonly QueryPhrase[]): HitSnippet | null {
  const texts = [doc.title, doc.text, doc.imageText];
  const best = fts5Snippet(texts, phrases);
  if (best === '') return null;
  const fromOcr = best.includes(matchOpen) && best === fts5Snippet(texts, phrases, ocrColumn);
  return { snippet: best.replace(/\s+/g, ' ').trim(), source: fromOcr ? 'ocr' : 'text' };
}

function emptyPage(query: NormalisedSearchQuery, total: number): SearchPage {
  const page: SearchPage = { total, hits: [], totalIsLowerBound: false };
  if (query.facets) page.facets = { sites: [], countries: [], types: [] };
  return page;
}

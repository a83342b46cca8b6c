import type Database from 'better-sqlite3';
import type { Provenance } from '@indicia/core';
import { compareIndicatorRefs, indicatorIdOf, indicatorRef } from '../indicator-identity.js';
import type { IndicatorRef, SearchFacets, SearchHit, SearchPage } from '../index-store.js';
import type { NormalisedSearchQuery } from '../search-query.js';
import { hitSnippet, type HitSnippet } from '../hit-snippet.js';
import { matchClose, matchOpen } from '../snippet.js';
import { toFtsQuery } from './fts-query.js';
import { indicatorTypeBits } from './indicator-type-bits.js';
import { FacetTally, type FacetRow } from './sqlite-facets.js';
import { locationOf, type AdRow, type LinkRow, type SqliteAdReader } from './sqlite-ad-reader.js';

type Params = Record<string, string | number>;

/**
 * A bounded plan lists every matching ad (their number is bounded by an indicator's ad count or
 * by the text candidate limit), so the count and the page come from one evaluation of the
 * filters. An unbounded plan (no indicator, no text) counts and pages with two indexed queries.
 */
type PlannedQuery =
  | { kind: 'bounded'; matchingAds: string; params: Params; candidatesCapped: boolean }
  | { kind: 'unbounded'; body: string; params: Params };

interface WantedIndicator {
  id: string;
  seq: number;
  adCount: number;
}

/**
 * Probing the full-text index for one ad (by rowid) costs about a hundred times more than
 * listing one more match, so a text condition next to an indicator filter lists the matches
 * when there are fewer than this many per ad to check, and probes per ad otherwise.
 */
const probeCostInMatches = 100;

/** FTS5's snippet of an ad: the best column's, and the OCR text column's (to tell which one it is). */
interface IndexSnippet {
  snippet: string;
  ocrSnippet: string;
}

/** toFtsQuery writes a prefix word as `"word"*`. */
function hasPrefixWord(fts: string): boolean {
  return fts.includes('"*');
}

/** What a bounded plan lists of each match: the seq to page by and what facets count by. */
const matchColumns = 'a.seq, a.site, a.location_country, a.indicator_types';
type MatchRow = FacetRow & { seq: number };

/** Ties broken by id so pages never overlap. */
const newestFirst = 'a.last_seen DESC, a.id';

/**
 * Search over the SQLite index. Indicator filters drive the query from the exact (indicator, ad)
 * index, rarest indicator first, so their totals are exact and their cost does not grow with the
 * index. A text-only query ranks and counts only the `textCandidateLimit` most recently indexed
 * matches: ranking every match of a very common word costs hundreds of milliseconds at a million ads.
 */
export class SqliteSearch {
  private readonly snippetStatement: Database.Statement<{ fts: string; seq: number }, IndexSnippet>;
  private readonly pageSnippetsStatement: Database.Statement<{ fts: string; low: number; high: number; seqs: string }, IndexSnippet & { seq: number }>;
  private readonly selectOcrText: Database.Statement<[number, string], { ocr_text: string }>;
  private readonly countMatches: Database.Statement<{ fts: string; bound: number }, { n: number }>;
  private readonly selectIndicator: Database.Statement<[string], { seq: number; ad_count: number }>;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly reader: SqliteAdReader,
    private readonly textCandidateLimit: number,
  ) {
    // better-sqlite3 binds a JS number as a REAL, and FTS5 ignores a rowid constraint that is not
    // an INTEGER (every match came back, and the snippet was another ad's): hence the CAST.
    // Column -1 lets FTS5 pick the column with the most matches; column 2 is the OCR text, to tell whether it was picked.
    this.snippetStatement = db.prepare(`SELECT snippet(ads_fts, -1, '${matchOpen}', '${matchClose}', '…', 24) AS snippet,
      snippet(ads_fts, 2, '${matchOpen}', '${matchClose}', '…', 24) AS ocrSnippet
      FROM ads_fts WHERE ads_fts MATCH @fts AND rowid = CAST(@seq AS INTEGER)`);
    // Without a prefix index FTS5 expands a prefix word over the whole index on every query, even
    // one restricted to a rowid, so a prefix query's page gets its snippets in one query: the rowid
    // range is FTS5's constraint, and the unary + keeps the list a filter on the rows it returns.
    this.pageSnippetsStatement = db.prepare(`SELECT rowid AS seq, snippet(ads_fts, -1, '${matchOpen}', '${matchClose}', '…', 24) AS snippet,
      snippet(ads_fts, 2, '${matchOpen}', '${matchClose}', '…', 24) AS ocrSnippet
      FROM ads_fts WHERE ads_fts MATCH @fts AND rowid >= CAST(@low AS INTEGER) AND rowid <= CAST(@high AS INTEGER)
      AND +rowid IN (SELECT value FROM json_each(@seqs))`);
    this.selectOcrText = db.prepare('SELECT ocr_text FROM ad_images WHERE ad_seq = ? AND sha256 = ?');
    this.countMatches = db.prepare('SELECT count(*) AS n FROM (SELECT rowid FROM ads_fts WHERE ads_fts MATCH @fts LIMIT @bound)');
    this.selectIndicator = db.prepare('SELECT seq, ad_count FROM indicators WHERE id = ?');
  }

  search(query: NormalisedSearchQuery): SearchPage {
    const fts = query.text === null ? null : toFtsQuery(query.text);
    const wanted: WantedIndicator[] = [];
    for (const indicator of query.indicators) {
      const id = indicatorIdOf(indicator);
      const row = this.selectIndicator.get(id);
      if (!row) return emptyPage(query);
      wanted.push({ id, seq: row.seq, adCount: row.ad_count });
    }
    if (query.text !== null && fts === null) return emptyPage(query);
    const plan = wanted.length > 0 ? this.planByIndicators(query, wanted, fts) : this.planByAds(query, fts);
    let total: number;
    let rows: AdRow[];
    let facets: SearchFacets | undefined;
    if (plan.kind === 'bounded') {
      const matches = this.statement<MatchRow>(plan.matchingAds).all(plan.params);
      total = matches.length;
      rows = this.reader.adsBySeq(matches.slice(query.offset, query.offset + query.limit).map((row) => row.seq));
      if (query.facets) {
        const tally = new FacetTally();
        for (const match of matches) tally.add(match);
        facets = tally.facets();
      }
    } else {
      rows = this.statement<AdRow>(`SELECT a.* ${plan.body} ORDER BY ${newestFirst} LIMIT @limit OFFSET @offset`).all({ ...plan.params, limit: query.limit, offset: query.offset });
      if (query.facets) {
        // One pass counts and facets: the ads grouped by the values facets count by.
        const tally = new FacetTally();
        total = 0;
        for (const group of this.statement<FacetRow & { n: number }>(`SELECT a.site, a.location_country, a.indicator_types, count(*) AS n ${plan.body} GROUP BY 1, 2, 3`).all(plan.params)) {
          tally.add(group, group.n);
          total += group.n;
        }
        facets = tally.facets();
      } else total = this.statement<{ n: number }>(`SELECT count(*) AS n ${plan.body}`).get(plan.params)?.n ?? 0;
    }
    const links = this.reader.linksByAd(rows.map((row) => row.seq));
    const pageSnippets = fts !== null && hasPrefixWord(fts) && rows.length > 1 ? this.pageSnippets(fts, rows) : null;
    const hits = rows.map((row) => this.hit(row, links.get(row.seq) ?? [], wanted, fts, pageSnippets));
    const page: SearchPage = { total, hits, totalIsLowerBound: plan.kind === 'bounded' && plan.candidatesCapped };
    if (facets) page.facets = facets;
    return page;
  }

  /** Query shapes are few (one per combination of filters), so each is compiled once. */
  private statement<Row>(sql: string): Database.Statement<Params, Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<Params, Row>;
  }

  private planByIndicators(query: NormalisedSearchQuery, wanted: WantedIndicator[], fts: string | null): PlannedQuery {
    const { where, params } = adFilters(query);
    const [driving, ...others] = [...wanted].sort((a, b) => a.adCount - b.adCount);
    params.i0 = driving!.seq;
    others.forEach((indicator, index) => {
      where.push(`a.seq IN (SELECT ad_seq FROM ad_indicators WHERE indicator_seq = @i${index + 1})`);
      params[`i${index + 1}`] = indicator.seq;
    });
    if (query.matchedAfter !== null) {
      // The ad began to match when it came to hold the last of the wanted indicators.
      const wantedSeqs = wanted.map((_, index) => `@i${index}`).join(', ');
      where.push(`EXISTS (SELECT 1 FROM ad_indicators m WHERE m.ad_seq = a.seq AND m.indicator_seq IN (${wantedSeqs}) AND m.first_seen > @matchedAfter)`);
      params.matchedAfter = query.matchedAfter;
    }
    if (fts !== null) {
      params.fts = fts;
      const bound = Math.max(1000, driving!.adCount * probeCostInMatches);
      const fewMatches = (this.countMatches.get({ fts, bound })?.n ?? 0) < bound;
      where.push(fewMatches ? 'a.seq IN (SELECT rowid FROM ads_fts WHERE ads_fts MATCH @fts)' : 'EXISTS (SELECT 1 FROM ads_fts WHERE ads_fts MATCH @fts AND rowid = a.seq)');
    }
    // CROSS JOIN fixes the join order: start from the ads holding the rarest indicator.
    const matchingAds = `SELECT ${matchColumns} FROM ad_indicators driving CROSS JOIN ads a ON a.seq = driving.ad_seq
      WHERE driving.indicator_seq = @i0${where.map((w) => ` AND ${w}`).join('')} ORDER BY ${newestFirst}`;
    return { kind: 'bounded', matchingAds, params, candidatesCapped: false };
  }

  private planByAds(query: NormalisedSearchQuery, fts: string | null): PlannedQuery {
    const { where, params } = adFilters(query);
    if (query.matchedAfter !== null) {
      where.push('a.first_seen > @matchedAfter');
      params.matchedAfter = query.matchedAfter;
    }
    const whereClause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    if (fts === null) return { kind: 'unbounded', body: `FROM ads a${whereClause}`, params };
    params.fts = fts;
    params.cap = this.textCandidateLimit;
    const matches = this.countMatches.get({ fts, bound: this.textCandidateLimit + 1 })?.n ?? 0;
    // Title words weigh three times body words and OCR text.
    const matchingAds = `SELECT ${matchColumns} FROM (SELECT rowid AS seq, bm25(ads_fts, 3.0, 1.0, 1.0) AS score FROM ads_fts
      WHERE ads_fts MATCH @fts ORDER BY rowid DESC LIMIT @cap) candidate
      CROSS JOIN ads a ON a.seq = candidate.seq${whereClause} ORDER BY candidate.score, ${newestFirst}`;
    return { kind: 'bounded', matchingAds, params, candidatesCapped: matches > this.textCandidateLimit };
  }

  private pageSnippets(fts: string, rows: readonly AdRow[]): Map<number, IndexSnippet> {
    const seqs = rows.map((row) => row.seq);
    const found = this.pageSnippetsStatement.all({ fts, low: Math.min(...seqs), high: Math.max(...seqs), seqs: JSON.stringify(seqs) });
    return new Map(found.map(({ seq, ...snippet }) => [seq, snippet]));
  }

  private hit(row: AdRow, links: LinkRow[], wanted: WantedIndicator[], fts: string | null, pageSnippets: Map<number, IndexSnippet> | null): SearchHit {
    const matchedLinks = wanted.map(({ id }) => links.find((link) => link.indicator_id === id)).filter((link): link is LinkRow => link !== undefined);
    const { snippet, source } = this.snippet(row, matchedLinks, fts, pageSnippets);
    return {
      adId: row.id,
      url: row.url,
      site: row.site,
      title: row.title,
      snippet,
      snippetSource: source,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      matched: matchedLinks.map(refOf),
      indicators: links.map(refOf).sort(compareIndicatorRefs),
      location: locationOf(row),
      postedAt: row.posted_at,
    };
  }

  /** The shared snippet rules (hit-snippet.ts), with FTS5's snippet() for the text match. */
  private snippet(row: AdRow, matchedLinks: LinkRow[], fts: string | null, pageSnippets: Map<number, IndexSnippet> | null): HitSnippet {
    return hitSnippet({
      text: row.text,
      matchedProvenance: matchedLinks.map((link) => JSON.parse(link.provenance) as Provenance[]),
      ocrTextOf: (imageSha256) => this.selectOcrText.get(row.seq, imageSha256)?.ocr_text,
      textMatch: () => {
        if (fts === null) return null;
        const fromIndex = pageSnippets?.get(row.seq) ?? this.snippetStatement.get({ fts, seq: row.seq });
        if (!fromIndex?.snippet) return null;
        const fromOcr = fromIndex.snippet === fromIndex.ocrSnippet && fromIndex.snippet.includes(matchOpen);
        return { snippet: fromIndex.snippet.replace(/\s+/g, ' ').trim(), source: fromOcr ? 'ocr' : 'text' };
      },
    });
  }
}

/** The conditions on the ad's own columns; `matchedAfter` depends on the plan (it may need the wanted indicators). */
function adFilters(query: NormalisedSearchQuery): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  if (query.site !== null) {
    where.push('a.site = @site');
    params.site = query.site;
  }
  if (query.country !== null) {
    where.push('a.location_country = @country');
    params.country = query.country;
  }
  // Stored times are ISO 8601 UTC with milliseconds, like the normalised bounds: they compare as strings.
  if (query.seenFrom !== null) {
    where.push('a.last_seen >= @seenFrom');
    params.seenFrom = query.seenFrom;
  }
  if (query.seenTo !== null) {
    where.push('a.first_seen <= @seenTo');
    params.seenTo = query.seenTo;
  }
  if (query.indicatorType !== null) {
    where.push('(a.indicator_types & @indicatorTypeBit) != 0');
    params.indicatorTypeBit = indicatorTypeBits[query.indicatorType];
  }
  return { where, params };
}

function emptyPage(query: NormalisedSearchQuery): SearchPage {
  const page: SearchPage = { total: 0, hits: [], totalIsLowerBound: false };
  if (query.facets) page.facets = noFacets();
  return page;
}

function noFacets(): SearchFacets {
  return { sites: [], countries: [], types: [] };
}

function refOf(link: LinkRow): IndicatorRef {
  return indicatorRef(link.type, link.value, link);
}

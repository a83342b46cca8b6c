import { randomUUID } from 'node:crypto';
import type { IndicatorRef } from '@indicia/indexer';
import type { ConsoleDatabase } from './console-database.js';

/** A saved search: the parameters of GET /search. */
export interface WatchedQuery {
  q?: string;
  site?: string;
  country?: string;
  type?: string;
  from?: string;
  to?: string;
}

export interface Watchlist {
  id: string;
  name: string;
  kind: 'indicator' | 'query';
  indicator?: IndicatorRef;
  query?: WatchedQuery;
  createdAt: string;
  lastVisitedAt: string;
}

export type NewWatchlist = { name: string; indicator: IndicatorRef } | { name: string; query: WatchedQuery };

interface WatchlistRow {
  id: string;
  name: string;
  kind: 'indicator' | 'query';
  target_json: string;
  created_at: string;
  last_visited_at: string;
}

/** Each user's saved indicators and queries, with when they last looked, so new matches can be flagged. */
export class Watchlists {
  constructor(private readonly db: ConsoleDatabase) {}

  list(username: string): Watchlist[] {
    return (this.db.prepare('SELECT * FROM watchlists WHERE username = ? ORDER BY created_at, id').all(username) as WatchlistRow[]).map(toWatchlist);
  }

  /** Null when the user has no list with this id (someone else's list is not theirs to see). */
  get(username: string, id: string): Watchlist | null {
    const row = this.db.prepare('SELECT * FROM watchlists WHERE username = ? AND id = ?').get(username, id) as WatchlistRow | undefined;
    return row ? toWatchlist(row) : null;
  }

  create(username: string, list: NewWatchlist): Watchlist {
    const id = randomUUID();
    const now = new Date().toISOString();
    const kind = 'indicator' in list ? 'indicator' : 'query';
    const target = 'indicator' in list ? list.indicator : list.query;
    this.db.prepare('INSERT INTO watchlists (id, username, name, kind, target_json, created_at, last_visited_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, username, list.name, kind, JSON.stringify(target), now, now);
    return this.get(username, id)!;
  }

  /** Marks the list visited at `at`; false when the user has no such list. */
  visit(username: string, id: string, at: string): boolean {
    return this.db.prepare('UPDATE watchlists SET last_visited_at = ? WHERE username = ? AND id = ?').run(at, username, id).changes > 0;
  }

  remove(username: string, id: string): boolean {
    return this.db.prepare('DELETE FROM watchlists WHERE username = ? AND id = ?').run(username, id).changes > 0;
  }
}

function toWatchlist(row: WatchlistRow): Watchlist {
  const target = JSON.parse(row.target_json) as IndicatorRef | WatchedQuery;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    ...(row.kind === 'indicator' ? { indicator: target as IndicatorRef } : { query: target as WatchedQuery }),
    createdAt: row.created_at,
    lastVisitedAt: row.last_visited_at,
  };
}

import Database from 'better-sqlite3';
import { StopRunError, type PageCaptured } from '@indicia/core';
import { captureToRow } from './capture-rows.js';
import { openCrawlDatabase, urlStates, type SqliteDatabase, type UrlState } from './frontier-database.js';

/** A URL waiting to be fetched. */
export interface FrontierEntry {
  canonicalUrl: string;
  /** As first discovered (before canonicalisation). */
  url: string;
  depth: number;
  /** Host name of the canonical URL. */
  host: string;
}

export interface DiscoveredUrl extends FrontierEntry {
  inScope: boolean;
  parentUrl: string | null;
}

/** What a worker does with a requested URL (see Frontier.claimRequested). */
export type RequestClaim = 'fetch' | 'already-captured' | 'already-refused' | 'over-budget';

export interface RunStart {
  runId: string;
  settingsJson: string;
  respectRobotsTxt: boolean;
  recrawl: boolean;
  retryFailed: boolean;
  seeds: DiscoveredUrl[];
}

export interface RunStarted {
  /** Pages completed by earlier runs that this run will not fetch again. */
  alreadyCaptured: number;
  /** In frontier order. */
  pending: FrontierEntry[];
  generation: number;
}

interface RunRow {
  run_id: string;
  generation: number;
  recrawl: number;
  completed: number;
}

/**
 * The crawl frontier in SQLite: every URL the crawl knows and its state, the captures, and the
 * runs. Each state change is committed before the crawl moves on, so a crawl killed at any point
 * resumes from here: in-flight URLs go back to pending, completed ones are never fetched again.
 */
export class Frontier {
  private readonly statements;
  private admitted: number;
  private generation = 0;
  /**
   * URLs handed out for fetching, not yet written as in_flight. The in_flight state only informs
   * (a killed run puts in_flight back to pending, the same state these still have), so it is
   * written with the next transaction instead of costing a commit per page.
   */
  private dispatched: Array<{ url: string; at: string }> = [];

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly maxPages: number,
  ) {
    this.statements = {
      admit: db.prepare(
        `INSERT INTO urls (canonical_url, url, depth, host, state, parent_url, discovered_at, updated_at)
         VALUES (@canonicalUrl, @url, @depth, @host, 'pending', @parentUrl, @now, @now)
         ON CONFLICT (canonical_url) DO UPDATE SET state = 'pending', depth = excluded.depth, parent_url = excluded.parent_url, updated_at = excluded.updated_at
         WHERE urls.state = 'out_of_scope'`,
      ),
      recordOutOfScope: db.prepare(
        `INSERT OR IGNORE INTO urls (canonical_url, url, depth, host, state, parent_url, discovered_at, updated_at)
         VALUES (@canonicalUrl, @url, @depth, @host, 'out_of_scope', @parentUrl, @now, @now)`,
      ),
      markInFlight: db.prepare(`UPDATE urls SET state = 'in_flight', attempts = attempts + 1, updated_at = ? WHERE canonical_url = ? AND state IN ('pending', 'in_flight')`),
      markDone: db.prepare(`UPDATE urls SET state = 'done', last_error = NULL, generation = ?, updated_at = ? WHERE canonical_url = ?`),
      setState: db.prepare(`UPDATE urls SET state = ?, last_error = ?, updated_at = ? WHERE canonical_url = ?`),
      recordAttemptError: db.prepare(`UPDATE urls SET last_error = ?, updated_at = ? WHERE canonical_url = ?`),
      insertCapture: db.prepare(
        `INSERT INTO captures (capture_id, run_id, canonical_url, url, final_url, site, depth, status, content_type, headers_json,
           fetched_at, proxy, fetch_mode, body_sha256, body_bytes, truncated, media_json, settled)
         VALUES (@capture_id, @run_id, @canonical_url, @url, @final_url, @site, @depth, @status, @content_type, @headers_json,
           @fetched_at, @proxy, @fetch_mode, @body_sha256, @body_bytes, @truncated, @media_json,
           EXISTS (SELECT 1 FROM early_settlements WHERE capture_id = @capture_id))`,
      ),
      dropEarlySettlement: db.prepare('DELETE FROM early_settlements WHERE capture_id = ?'),
      stateOf: db.prepare('SELECT state FROM urls WHERE canonical_url = ?'),
      capturedInRun: db.prepare('SELECT 1 FROM captures WHERE url = ? AND run_id = ? LIMIT 1'),
    };
    this.admitted = db.prepare(`SELECT count(*) FROM urls WHERE state != 'out_of_scope'`).pluck().get() as number;
  }

  static open(dataDir: string, options: { maxPages: number }): Frontier {
    return new Frontier(openCrawlDatabase(dataDir), options.maxPages);
  }

  /**
   * Prepares the frontier for a run: URLs a killed run left in flight go back to pending, seeds
   * are added if new, and with `recrawl` the pages of earlier runs are queued again (a recrawl
   * that was interrupted continues instead of starting over).
   */
  beginRun(start: RunStart): RunStarted {
    const now = new Date().toISOString();
    return this.db
      .transaction((): RunStarted => {
        this.db.prepare(`UPDATE urls SET state = 'pending', updated_at = ? WHERE state = 'in_flight'`).run(now);
        if (!start.respectRobotsTxt) this.db.prepare(`UPDATE urls SET state = 'pending', last_error = NULL, updated_at = ? WHERE state = 'robots_blocked'`).run(now);
        const last = this.db.prepare('SELECT run_id, generation, recrawl, completed FROM runs ORDER BY started_at DESC, rowid DESC LIMIT 1').get() as RunRow | undefined;
        this.generation = last?.generation ?? 0;
        const resumingRecrawl = last !== undefined && last.recrawl === 1 && last.completed === 0;
        if (start.recrawl && !resumingRecrawl) {
          this.generation++;
          this.db
            .prepare(`UPDATE urls SET state = 'pending', last_error = NULL, updated_at = ? WHERE state IN ('done', 'failed') AND generation < ?`)
            .run(now, this.generation);
        }
        if (start.retryFailed) this.db.prepare(`UPDATE urls SET state = 'pending', last_error = NULL, updated_at = ? WHERE state = 'failed'`).run(now);
        for (const seed of start.seeds) this.admitOne(seed, now);
        this.db
          .prepare(
            `INSERT INTO runs (run_id, started_at, generation, recrawl, respect_robots_txt, settings_json)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(start.runId, now, this.generation, start.recrawl ? 1 : 0, start.respectRobotsTxt ? 1 : 0, start.settingsJson);
        const pending = this.db
          .prepare(`SELECT canonical_url AS canonicalUrl, url, depth, host FROM urls WHERE state = 'pending' ORDER BY rowid`)
          .all() as FrontierEntry[];
        const alreadyCaptured = this.db.prepare(`SELECT count(*) FROM urls WHERE state = 'done'`).pluck().get() as number;
        return { alreadyCaptured, pending, generation: this.generation };
      })
      .immediate();
  }

  /**
   * Distributed mode: a crawl.requested message arrived for this worker. Says whether to fetch it:
   * a URL new to this worker is admitted (within maxPages); one pending or in flight (admitted by
   * this worker's own discovery, or left in flight by a worker that died) is fetched; one already
   * captured is fetched again only when `recrawlRunId` is given and no capture of that run has it.
   */
  claimRequested(request: DiscoveredUrl, options: { recrawlRunId: string | null }): RequestClaim {
    const row = this.statements.stateOf.get(request.canonicalUrl) as { state: UrlState } | undefined;
    const now = new Date().toISOString();
    if (!row || row.state === 'out_of_scope') return this.admitOne({ ...request, inScope: true }, now) ? 'fetch' : 'over-budget';
    if (row.state === 'pending' || row.state === 'in_flight') return 'fetch';
    if (options.recrawlRunId !== null && !this.statements.capturedInRun.get(request.canonicalUrl, options.recrawlRunId)) {
      this.setState(request.canonicalUrl, 'pending', null);
      return 'fetch';
    }
    return row.state === 'done' ? 'already-captured' : 'already-refused';
  }

  /** Of these in-scope links, the ones this frontier has never admitted, within what maxPages leaves. */
  unknownLinks(links: DiscoveredUrl[]): DiscoveredUrl[] {
    const fresh = links.filter((link) => {
      if (!link.inScope) return false;
      const row = this.statements.stateOf.get(link.canonicalUrl) as { state: UrlState } | undefined;
      return !row || row.state === 'out_of_scope';
    });
    return fresh.slice(0, Math.max(0, this.maxPages - this.admitted));
  }

  markInFlight(canonicalUrl: string): void {
    this.dispatched.push({ url: canonicalUrl, at: new Date().toISOString() });
  }

  /**
   * Records a capture, marks its page done and admits the links found on it, in one transaction.
   * Returns the links that were new to the frontier (the ones to fetch).
   */
  recordCapture(capture: PageCaptured, runId: string, links: DiscoveredUrl[]): FrontierEntry[] {
    const now = new Date().toISOString();
    const admittedBefore = this.admitted;
    try {
      return this.db.transaction((): FrontierEntry[] => {
        this.writeDispatched();
        this.statements.insertCapture.run(captureToRow(capture, runId));
        this.statements.dropEarlySettlement.run(capture.captureId);
        this.statements.markDone.run(this.generation, now, capture.url); // the frontier key is the URL requested, not where its redirects ended
        const admitted: FrontierEntry[] = [];
        for (const link of links) {
          if (this.admitOne(link, now)) admitted.push({ canonicalUrl: link.canonicalUrl, url: link.url, depth: link.depth, host: link.host });
        }
        return admitted;
      })();
    } catch (error) {
      this.admitted = admittedBefore;
      // A frontier that cannot record captures (disk full, file corrupt) cannot keep the resume promise.
      if (error instanceof Database.SqliteError) throw new StopRunError(`cannot record a capture in the frontier: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /** A failed attempt that will be retried: remember why. */
  recordAttemptError(canonicalUrl: string, reason: string): void {
    this.statements.recordAttemptError.run(reason, new Date().toISOString(), canonicalUrl);
  }

  markFailed(canonicalUrl: string, reason: string): void {
    this.setState(canonicalUrl, 'failed', reason);
  }

  markRobotsBlocked(canonicalUrl: string, reason: string): void {
    this.setState(canonicalUrl, 'robots_blocked', reason);
  }

  /** URLs that were handed out but not finished when the run stopped. */
  markPending(canonicalUrls: Iterable<string>): void {
    this.db.transaction(() => {
      this.writeDispatched();
      for (const url of canonicalUrls) this.setState(url, 'pending', null);
    })();
  }

  endRun(runId: string, outcome: { completed: boolean; summaryJson: string }): void {
    this.db
      .prepare('UPDATE runs SET ended_at = ?, completed = ?, summary_json = ? WHERE run_id = ?')
      .run(new Date().toISOString(), outcome.completed ? 1 : 0, outcome.summaryJson, runId);
  }

  /** Writes the in_flight states not yet written (see `dispatched`). */
  flush(): void {
    if (this.dispatched.length > 0) this.db.transaction(() => this.writeDispatched())();
  }

  stateCounts(): Record<UrlState, number> {
    const counts = Object.fromEntries(urlStates.map((state) => [state, 0])) as Record<UrlState, number>;
    const rows = this.db.prepare('SELECT state, count(*) AS n FROM urls GROUP BY state').all() as Array<{ state: UrlState; n: number }>;
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  private writeDispatched(): void {
    for (const { url, at } of this.dispatched) this.statements.markInFlight.run(at, url);
    this.dispatched = [];
  }

  /** Inserts (or records out of scope) one URL; true when it is new to the crawl. */
  private admitOne(url: DiscoveredUrl, now: string): boolean {
    const row = { canonicalUrl: url.canonicalUrl, url: url.url, depth: url.depth, host: url.host, parentUrl: url.parentUrl, now };
    if (!url.inScope) {
      this.statements.recordOutOfScope.run(row);
      return false;
    }
    if (this.admitted >= this.maxPages) return false;
    if (this.statements.admit.run(row).changes === 0) return false;
    this.admitted++;
    return true;
  }

  private setState(canonicalUrl: string, state: UrlState, reason: string | null): void {
    // In order: an in_flight written after this would hide the state (the guard on pending aside).
    this.flush();
    this.statements.setState.run(state, reason, new Date().toISOString(), canonicalUrl);
  }
}

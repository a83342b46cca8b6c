import { setTimeout as sleep } from 'node:timers/promises';
import type { Client, estypes } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import type { Logger } from '@indicia/core';
import type { PreparedAd } from '../prepare-ad.js';
import { indexedBody, type AdDocument, type IndicatorDocument } from './ad-document.js';
import { isTransientFailure, isTransientStatus, redactedReason } from './es-failure.js';
import type { IndexNames } from './index-layout.js';
import { indicatorDocuments, mergeCapture } from './merge-capture.js';
import { RecentIds } from './recent-ids.js';
import { RetryBudget } from './retry-budget.js';
import { batchFailure, type AdWriteFailure } from './write-failures.js';

/**
 * When a write becomes visible to searches: `wait_for` answers once a refresh has made it
 * searchable (read-after-write, at the cost of up to one refresh interval per batch); `immediate`
 * forces a refresh (small segments: for tests and tiny indices); `none` leaves it to the refresh interval.
 */
export type RefreshPolicy = 'wait_for' | 'immediate' | 'none';

export interface AdBulkWriterOptions {
  client: Client;
  names: IndexNames;
  refresh: RefreshPolicy;
  retryBudgetMs: number;
  /** How many times an ad that another writer changed meanwhile is read and merged again. */
  conflictRetries: number;
  log: Logger;
}

interface StoredAd {
  doc: AdDocument;
  seqNo: number;
  primaryTerm: number;
}

/** One ad of the batch, with every capture of it the batch holds. */
interface AdWrite {
  adId: string;
  captures: PreparedAd[];
  /**
   * Undefined until read (and again after a conflict); null when the index does not hold it, or
   * is assumed not to (an ad this writer has not met is written with `create` without a read first).
   */
  stored: StoredAd | null | undefined;
  /** The bulk operation waiting to be sent (kept as it is across transient failures). */
  operation: string | null;
  conflicts: number;
  state: 'pending' | 'written' | 'failed';
}

interface IndicatorWrite {
  operation: string;
  holders: Set<string>;
  done: boolean;
}

type BulkItem = { status: number; error?: estypes.ErrorCause };

const refreshParameter: Record<RefreshPolicy, string | undefined> = { wait_for: 'wait_for', immediate: 'true', none: undefined };

/**
 * The write path. Elasticsearch here runs no scripts, so merging is done in TypeScript: read the
 * stored documents (a realtime mget), fold the batch's captures into them (merge-capture.ts) and
 * write each changed ad with optimistic concurrency: `create` for a new ad, `if_seq_no` and
 * `if_primary_term` for a known one. An ad that another writer changed meanwhile (409) is read
 * and merged again, so concurrent workers never lose each other's captures. Most ads of a crawl
 * are new, so an ad this writer has not met lately is sent as a `create` without reading it
 * first: when it was there after all, the 409 sends it down the read-and-merge path.
 *
 * The batch goes out as one `_bulk`, with the indicator documents it names. Items that fail for a
 * reason that may pass (429, 5xx, the node unreachable) are sent again with exponential backoff
 * within the retry budget. What still fails is thrown with a reason per ad, after everything
 * else has been written.
 */
export class AdBulkWriter {
  /** Ads known to be in the index: read before writing. Bounded: forgetting one costs one 409. */
  private readonly knownAds = new RecentIds(50_000);

  constructor(private readonly options: AdBulkWriterOptions) {}

  async write(ads: readonly PreparedAd[]): Promise<void> {
    if (ads.length === 0) return;
    const writes = groupByAd(ads);
    for (const write of writes) if (!this.knownAds.has(write.adId)) write.stored = null;
    const indicators = this.indicatorWrites(writes);
    const failures: AdWriteFailure[] = [];
    const fail = (write: AdWrite, reason: string, retryable: boolean): void => {
      write.state = 'failed';
      failures.push({ adId: write.adId, reason, retryable });
    };
    const budget = new RetryBudget({ budgetMs: this.options.retryBudgetMs, initialDelayMs: 100, maxDelayMs: 5000 });
    for (;;) {
      const pending = writes.filter((write) => write.state === 'pending');
      let transient: unknown = null;
      try {
        await this.readStored(pending.filter((write) => write.stored === undefined));
        for (const write of pending) this.prepareOperation(write);
        transient = await this.sendBatch(writes, indicators, fail);
      } catch (error) {
        if (!isTransientFailure(error)) throw error;
        transient = error;
      }
      const waiting = writes.some((write) => write.state === 'pending') || [...indicators.values()].some((indicator) => !indicator.done);
      if (!waiting) break;
      if (transient === null) {
        // Only version conflicts are left: a short random pause keeps writers of one ad from colliding in step.
        const conflicts = Math.max(...writes.map((write) => (write.state === 'pending' ? write.conflicts : 0)));
        if (conflicts > 1) await sleep(Math.random() * Math.min(200, 10 * conflicts));
        continue;
      }
      this.options.log.warn({ ads: writes.length, retry: budget.attempts + 1, err: transient }, 'Elasticsearch could not take the batch yet; retrying');
      if (!(await budget.pause())) {
        const reason = `Elasticsearch unavailable for ${Math.round(this.options.retryBudgetMs / 1000)} s: ${transient instanceof Error ? transient.message : String(transient)}`;
        for (const write of writes) if (write.state === 'pending') fail(write, reason, true);
        for (const indicator of indicators.values()) {
          if (indicator.done) continue;
          for (const write of writes) if (indicator.holders.has(write.adId) && write.state !== 'failed') fail(write, `its indicators could not be indexed: ${reason}`, true);
        }
        break;
      }
    }
    if (failures.length > 0) throw batchFailure(failures, writes.length);
  }

  /** One create per distinct indicator of the batch: they never change, so a 409 means it is there. */
  private indicatorWrites(writes: readonly AdWrite[]): Map<string, IndicatorWrite> {
    const indicators = new Map<string, IndicatorWrite>();
    for (const write of writes) {
      for (const capture of write.captures) {
        for (const doc of indicatorDocuments(capture)) {
          const known = indicators.get(doc.id);
          if (known) known.holders.add(write.adId);
          else indicators.set(doc.id, { operation: this.indicatorOperation(doc), holders: new Set([write.adId]), done: false });
        }
      }
    }
    return indicators;
  }

  private indicatorOperation(doc: IndicatorDocument): string {
    // Index names and ids are plain [a-z0-9_-] (index-layout.ts, core's ids): no JSON escaping needed.
    return `{"create":{"_index":"${this.options.names.indicators}","_id":"${doc.id}"}}\n${JSON.stringify(doc)}\n`;
  }

  /** A realtime read: it sees every acknowledged write, refreshed or not. */
  private async readStored(writes: readonly AdWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const response = await this.options.client.mget<AdDocument>({ index: this.options.names.ads, ids: writes.map((write) => write.adId), realtime: true });
    response.docs.forEach((found, i) => {
      const write = writes[i]!;
      if ('error' in found) throw new Error(`Elasticsearch could not read ad ${write.adId} before writing it: ${redactedReason(found.error)}`);
      write.stored = found.found && found._source ? { doc: found._source, seqNo: found._seq_no!, primaryTerm: found._primary_term! } : null;
    });
  }

  /** Merges the captures into the stored document; an unchanged ad is done without a write. */
  private prepareOperation(write: AdWrite): void {
    if (write.operation !== null) return;
    const stored = write.stored ?? null;
    const merged = write.captures.reduce<AdDocument | null>((doc, capture) => mergeCapture(doc, capture), stored?.doc ?? null)!;
    if (stored && JSON.stringify(merged) === JSON.stringify(stored.doc)) {
      write.state = 'written';
      return;
    }
    const target = { _index: this.options.names.ads, _id: write.adId };
    const action = stored ? { index: { ...target, if_seq_no: stored.seqNo, if_primary_term: stored.primaryTerm } } : { create: target };
    write.operation = `${JSON.stringify(action)}\n${indexedBody(merged)}\n`;
  }

  /**
   * Sends every waiting operation in one `_bulk` and records each item's outcome. Returns a
   * description of the transient failures, or null when none.
   */
  private async sendBatch(writes: readonly AdWrite[], indicators: Map<string, IndicatorWrite>, fail: (write: AdWrite, reason: string, retryable: boolean) => void): Promise<unknown> {
    const adItems = writes.filter((write) => write.state === 'pending' && write.operation !== null);
    const indicatorItems = [...indicators.values()].filter((indicator) => !indicator.done);
    if (adItems.length === 0 && indicatorItems.length === 0) return null;
    const body = adItems.map((write) => write.operation).join('') + indicatorItems.map((indicator) => indicator.operation).join('');
    const refresh = refreshParameter[this.options.refresh];
    let response: { errors: boolean; items?: Array<Record<string, BulkItem>> };
    try {
      response = await this.options.client.transport.request({
        method: 'POST',
        path: '/_bulk',
        querystring: { filter_path: 'errors,items.*.status,items.*.error', ...(refresh ? { refresh } : {}) },
        bulkBody: body,
      });
    } catch (error) {
      if (isTransientFailure(error) || !(error instanceof errors.ResponseError)) throw error;
      // The whole request was refused (413 too large, 400): none of its ads can be written this way.
      const reason = redactedReason((error.meta.body as { error?: estypes.ErrorCause } | undefined)?.error ?? { reason: error.message });
      for (const write of adItems) fail(write, reason, false);
      for (const indicator of indicatorItems) indicator.done = true;
      return null;
    }
    const items = (response.items ?? []).map((item) => Object.values(item)[0]!);
    if (items.length !== adItems.length + indicatorItems.length) throw new Error(`Elasticsearch answered ${items.length} items for a bulk of ${adItems.length + indicatorItems.length}`);
    let transient: string | null = null;
    adItems.forEach((write, i) => {
      const item = items[i]!;
      if (item.status === 409 || item.status < 300) this.knownAds.add(write.adId);
      if (item.status < 300) write.state = 'written';
      else if (item.status === 409) {
        // The ad was there after all, or another writer changed it since it was read: read it and merge again.
        write.operation = null;
        write.stored = undefined;
        write.conflicts++;
        // The first conflict of an ad created without a read is expected: it is not counted against the limit.
        if (write.conflicts > this.options.conflictRetries + 1) fail(write, `it kept changing while being written (${write.conflicts} version conflicts)`, true);
      } else if (isTransientStatus(item.status)) transient = `ad item ${item.status}: ${redactedReason(item.error)}`;
      else fail(write, redactedReason(item.error), false);
    });
    indicatorItems.forEach((indicator, i) => {
      const item = items[adItems.length + i]!;
      if (item.status < 300 || item.status === 409) indicator.done = true;
      else if (isTransientStatus(item.status)) transient = `indicator item ${item.status}: ${redactedReason(item.error)}`;
      else {
        indicator.done = true;
        const reason = `one of its indicators was refused: ${redactedReason(item.error)}`;
        for (const write of writes) if (indicator.holders.has(write.adId) && write.state !== 'failed') fail(write, reason, false);
      }
    });
    return transient;
  }
}

function groupByAd(ads: readonly PreparedAd[]): AdWrite[] {
  const byId = new Map<string, AdWrite>();
  for (const ad of ads) {
    const known = byId.get(ad.adId);
    if (known) known.captures.push(ad);
    else byId.set(ad.adId, { adId: ad.adId, captures: [ad], stored: undefined, operation: null, conflicts: 0, state: 'pending' });
  }
  return [...byId.values()];
}

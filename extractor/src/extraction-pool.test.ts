import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeadLetterError, RetryableError, StopRunError, UsageError } from '@indicia/core';
import { extractBatchRecord, parseBatchRecord } from './batch-record.js';
import { extractIndicators } from './extract-indicators.js';
import { extractPage } from './extract-page.js';
import { ExtractionPool } from './extraction-pool.js';
import { capturedPage } from './fixtures/captured-page.js';
import { classifiedsHost, detailPage, listingPage } from './fixtures/classifieds-site.js';

const adPage = (id: number) => capturedPage(`http://${classifiedsHost}/ads/${id}`, detailPage(id));

describe('ExtractionPool', () => {
  // Starting workers costs a second or more on a loaded machine: the plain cases share one pool.
  let shared: ExtractionPool;
  before(() => {
    shared = new ExtractionPool({ workers: 2 });
  });
  after(() => shared.close());

  it('gives each caller the same result as extracting in the calling thread, whichever worker ran it', async () => {
    const pages = [...Array.from({ length: 12 }, (_, i) => adPage(1000 + i)), capturedPage(`http://${classifiedsHost}/category/companions?page=1`, listingPage(1))];
    const results = await Promise.all(pages.map((page) => shared.extractPage(page)));
    assert.deepEqual(results, pages.map((page) => extractPage(page)));
    assert.equal(results.at(-1)!.kind, 'listing');
    assert.equal(shared.pending, 0);
  });

  it('uses its extract options (a default country) in every worker', async () => {
    const page = capturedPage('http://ads.example/ads/7', '<html><body><main><h1>Ad 7</h1><p>Ring 020 7946 0018 tonight, ad number 7.</p></main></body></html>');
    const pool = new ExtractionPool({ workers: 1, extractOptions: { defaultCountry: 'GB' } });
    try {
      const extraction = await pool.extractPage(page);
      assert.deepEqual(extraction.ad?.indicators.map((i) => i.value), ['+442079460018']);
      assert.deepEqual(extraction, extractPage(page, { defaultCountry: 'GB' }));
    } finally {
      await pool.close();
    }
  });

  it('extracts batch records, batch lines and texts like the in-thread functions', async () => {
    const record = { id: 'ad-1', text: 'Call (702) 555-0134 or write anna@example.com', html: '<p>Mail <a href="mailto:bella@example.com">me</a></p>' };
    const text = 'Text 702-555-0136 tonight';
    assert.deepEqual(await shared.extractRecord(record, { defaultCountry: 'US' }), extractBatchRecord(record, { defaultCountry: 'US' }));
    const line = JSON.stringify(record);
    const parsed = parseBatchRecord(line);
    assert.ok(parsed.ok);
    assert.deepEqual(await shared.extractBatchLine(line), { ok: true, output: JSON.stringify(extractBatchRecord(parsed.record)) });
    assert.deepEqual(await shared.extractBatchLine('{"id": 7}'), parseBatchRecord('{"id": 7}'));
    const context = { captureId: 'c-1', source: 'text' as const, defaultCountry: 'US' };
    assert.deepEqual(await shared.extractIndicators(text, context), extractIndicators(text, context));
  });

  it('rethrows a worker-side DeadLetterError as a DeadLetterError, so the runtime dead-letters it at once', async () => {
    const page = { ...adPage(1), url: 'nope', finalUrl: 'nope', canonicalUrl: 'nope' };
    await assert.rejects(shared.extractPage(page), (error: unknown) => error instanceof DeadLetterError && /no valid absolute URL/.test(error.message));
    assert.equal((await shared.extractPage(adPage(2))).kind, 'ad', 'the workers go on after a task failed');
  });

  it('replaces a worker that dies (out of memory) and fails only the tasks it held, as retryable', async () => {
    // A heap cap far below what a 10 MB page needs makes the crash real, not simulated.
    const pool = new ExtractionPool({ workers: 1, maxWorkerHeapMb: 48, tasksPerWorker: 1 });
    try {
      // Half a million elements: the document tree alone outgrows the cap.
      const huge = capturedPage(`http://${classifiedsHost}/ads/1`, `<html><body><main>${'<b>1</b>'.repeat(500_000)}</main></body></html>`);
      const crashing = pool.extractPage(huge);
      const queuedBehind = pool.extractPage(adPage(3));
      await assert.rejects(crashing, (error: unknown) => error instanceof RetryableError && /worker crashed .*memory.* while extracting capture /.test(error.message));
      assert.equal((await queuedBehind).kind, 'ad', 'a task waiting in the pool runs on the replacement worker');
      assert.equal(pool.size, 1);
    } finally {
      await pool.close();
    }
  });

  it('fails every task with a StopRunError when workers cannot even start', async () => {
    const pool = new ExtractionPool({ workers: 2, maxWorkerHeapMb: 1 });
    await assert.rejects(pool.extractPage(adPage(1)), (error: unknown) => error instanceof StopRunError && /cannot start/.test(error.message));
    await assert.rejects(pool.extractPage(adPage(2)), StopRunError);
    await pool.close();
  });

  it('finishes the tasks it holds on close, then refuses new ones', async () => {
    const pool = new ExtractionPool({ workers: 1, tasksPerWorker: 1 });
    const results = [1, 2, 3].map((n) => pool.extractPage(adPage(n)));
    await pool.close();
    assert.deepEqual((await Promise.all(results)).map((r) => r.kind), ['ad', 'ad', 'ad']);
    await assert.rejects(pool.extractPage(adPage(4)), (error: unknown) => error instanceof StopRunError && /closed/.test(error.message));
  });

  it('refuses a worker count that is not a whole number of at least one', () => {
    assert.throws(() => new ExtractionPool({ workers: 0 }), UsageError);
    assert.throws(() => new ExtractionPool({ workers: 1.5 }), UsageError);
    assert.throws(() => new ExtractionPool({ workers: 1, tasksPerWorker: 0 }), UsageError);
    assert.throws(() => new ExtractionPool({ workers: 1, replyAfterMs: -1 }), UsageError);
  });

  describe('batches', () => {
    // Two single-worker pools, started together: worker start-up is most of these tests' time.
    let replyingAtBatchEnd: ExtractionPool;
    let replyingAtOnce: ExtractionPool;
    before(() => {
      replyingAtBatchEnd = new ExtractionPool({ workers: 1, replyAfterMs: 60_000 });
      replyingAtOnce = new ExtractionPool({ workers: 1, replyAfterMs: 0 });
    });
    after(() => Promise.all([replyingAtBatchEnd.close(), replyingAtOnce.close()]));

    /** The tasks still pending when each of four pages, submitted at once to an idle pool, settles. */
    async function pendingAsEachSettles(pool: ExtractionPool): Promise<number[]> {
      const seen: number[] = [];
      await Promise.all([1, 2, 3, 4].map((n) => pool.extractPage(adPage(n)).then(() => seen.push(pool.pending))));
      return seen;
    }

    it('sends an idle worker what was submitted together as two batches and takes each batch back in one message', async () => {
      assert.deepEqual(await pendingAsEachSettles(replyingAtBatchEnd), [2, 2, 0, 0]);
    });

    it('replies with what a worker has finished once a batch has run replyAfterMs, so a slow page does not hold back quick ones', async () => {
      assert.deepEqual(await pendingAsEachSettles(replyingAtOnce), [3, 2, 1, 0]);
    });
  });
});

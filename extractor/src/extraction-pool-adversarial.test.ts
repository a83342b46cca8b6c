// test-runner: alone (it asserts on time; scripts/test.mjs runs it after the other files, by itself)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { PageCaptured } from '@indicia/core';
import { ExtractionPool } from './extraction-pool.js';
import { adversarialTexts, tenMegabyteSingleLineHtml } from './fixtures/adversarial-inputs.js';
import { capturedPage } from './fixtures/captured-page.js';

/**
 * Issue 3, Speed: each adversarial input finishes within 1 s (or is cut, with a flag) and the
 * event loop is never blocked more than 100 ms. This is a test, not the benchmark: it runs on a
 * loaded 2-core machine beside other builds and tests, so its bounds are 3× the targets (3 s per
 * input, 300 ms of event-loop delay); bench/extract.mjs records the real figures.
 */
const perInputBoundMs = 3_000;
const eventLoopDelayBoundMs = 300;

describe('adversarial inputs through the extraction pool', () => {
  let pool: ExtractionPool;
  let delay: IntervalHistogram;
  // Built before the event loop is watched: hashing 10 MB is this test's work, not the pool's.
  const texts = adversarialTexts();
  let html: string;
  let htmlPage: PageCaptured;
  before(async () => {
    html = tenMegabyteSingleLineHtml().text;
    htmlPage = capturedPage('http://ads.example/ads/10', html);
    pool = new ExtractionPool({ workers: 1 });
    // Worker start-up (loading the extractor) is not what is being timed.
    await pool.extractIndicators('warm up', { captureId: 'warm-up', source: 'text' });
    delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
  });
  after(async () => {
    delay.disable();
    await pool.close();
  });

  async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const startedAt = performance.now();
    const result = await work();
    return { result, ms: performance.now() - startedAt };
  }

  for (const input of texts) {
    // The batch record runs the text path (normalisation and every text rule) and builds its output.
    it(`${input.name}: a batch record finishes within ${perInputBoundMs} ms`, async () => {
      const record = await timed(() => pool.extractRecord({ id: 'adversarial', text: input.text }, { defaultCountry: 'US' }));
      assert.ok(record.ms < perInputBoundMs, `extractBatchRecord took ${Math.round(record.ms)} ms`);
    });
  }

  it(`10 MB single-line HTML: extractPage finishes within ${perInputBoundMs} ms, and says when it read only part`, async () => {
    const { result, ms } = await timed(() => pool.extractPage(htmlPage));
    assert.ok(ms < perInputBoundMs, `extractPage took ${Math.round(ms)} ms`);
    assert.equal(result.kind, 'ad');
    assert.ok(result.reasons.some((reason) => /read up to/.test(reason)), `no truncation flag in ${JSON.stringify(result.reasons)}`);
  });

  it(`10 MB single-line HTML: a batch record finishes within ${perInputBoundMs} ms`, async () => {
    const { result, ms } = await timed(() => pool.extractRecord({ id: 'adversarial', text: '', html }, { defaultCountry: 'US' }));
    assert.ok(ms < perInputBoundMs, `extractBatchRecord took ${Math.round(ms)} ms`);
    assert.ok(result.indicators.length > 0);
  });

  it(`the main thread's event loop was never blocked ${eventLoopDelayBoundMs} ms meanwhile`, () => {
    const maxMs = delay.max / 1e6;
    assert.ok(maxMs < eventLoopDelayBoundMs, `event loop delay reached ${Math.round(maxMs)} ms`);
  });
});

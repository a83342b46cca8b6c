import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachStage, createEnvelope, InMemoryTransport, silentLogger, UsageError, type DeadLetter, type Envelope, type PageCaptured } from '@indicia/core';
import { createExtractStage, type ExtractStageOptions } from './extract-stage.js';
import { capturedPage } from './fixtures/captured-page.js';
import { classifiedsHost, detailPage, listingPage } from './fixtures/classifieds-site.js';

async function runStage(
  pages: PageCaptured[],
  options: ExtractStageOptions = {},
): Promise<{ ads: Envelope<'ad.extracted'>[]; domains: Envelope<'domain.seen'>[]; deadLetters: DeadLetter[]; concurrency: number }> {
  const transport = new InMemoryTransport({ retryBaseMs: 1 });
  const ads: Envelope<'ad.extracted'>[] = [];
  const domains: Envelope<'domain.seen'>[] = [];
  const deadLetters: DeadLetter[] = [];
  transport.subscribe('ad.extracted', async (m) => void ads.push(m), { group: 'test-ads' });
  transport.subscribe('domain.seen', async (m) => void domains.push(m), { group: 'test-domains' });
  transport.onDeadLetter((d) => deadLetters.push(d));
  const stage = createExtractStage(options);
  attachStage(stage, transport, { runId: 'run-test', log: silentLogger(), concurrency: stage.concurrency });
  for (const page of pages) await transport.publish(createEnvelope('page.captured', page, { runId: 'run-test', producer: 'test' }));
  await transport.drain();
  await transport.close();
  await stage.close?.();
  return { ads, domains, deadLetters, concurrency: stage.concurrency };
}

describe('createExtractStage', () => {
  it('declares its name and message types', () => {
    const stage = createExtractStage();
    assert.equal(stage.name, 'extract');
    assert.equal(stage.consumes, 'page.captured');
    assert.deepEqual([...stage.produces], ['ad.extracted', 'domain.seen']);
    assert.equal(stage.concurrency, 2, 'without workers: one page read while another is extracted');
  });

  it('emits ad.extracted for an ad page and domain.seen per domain, none for a listing', async () => {
    const ad = capturedPage(`http://${classifiedsHost}/ads/1012`, detailPage(1012));
    const listing = capturedPage(`http://${classifiedsHost}/category/companions?page=1`, listingPage(1));
    const { ads, domains, deadLetters } = await runStage([ad, listing]);
    assert.deepEqual(deadLetters, []);
    assert.equal(ads.length, 1);
    assert.equal(ads[0]!.payload.captureId, ad.captureId);
    assert.equal(ads[0]!.producer, 'extract');
    assert.deepEqual(domains.map((d) => `${d.payload.domain}/${d.payload.via}/${d.payload.captureId === ad.captureId ? 'ad' : 'listing'}`).sort(), [
      'example.com/email/ad',
      `${classifiedsHost}/site/ad`,
      `${classifiedsHost}/site/listing`,
    ]);
  });

  it('is deterministic: a redelivered capture gives the same payloads', async () => {
    const page = capturedPage(`http://${classifiedsHost}/ads/1012`, detailPage(1012));
    const first = await runStage([page]);
    const second = await runStage([page]);
    assert.deepEqual(second.ads.map((m) => m.payload), first.ads.map((m) => m.payload));
    assert.deepEqual(second.domains.map((m) => m.payload), first.domains.map((m) => m.payload));
  });

  it('sends a capture it can never process to the dead letter, once', async () => {
    const page = { ...capturedPage(`http://${classifiedsHost}/ads/1`, '<p>x</p>'), url: 'nope', finalUrl: 'nope', canonicalUrl: 'nope' };
    const { ads, deadLetters } = await runStage([page]);
    assert.equal(ads.length, 0);
    assert.equal(deadLetters.length, 1);
    assert.equal(deadLetters[0]!.attempts, 1);
    assert.match(deadLetters[0]!.error, /DeadLetterError: .*no valid absolute URL/);
  });

  it('runs on worker threads with the same results, and still dead-letters what can never succeed', async () => {
    const pages = [1012, 1013, 1014].map((id) => capturedPage(`http://${classifiedsHost}/ads/${id}`, detailPage(id)));
    const broken = { ...capturedPage(`http://${classifiedsHost}/ads/1`, '<p>x</p>'), url: 'nope', finalUrl: 'nope', canonicalUrl: 'nope' };
    const inThread = await runStage([...pages, broken]);
    const onWorkers = await runStage([...pages, broken], { workers: 2 });
    assert.equal(onWorkers.concurrency, 32, 'enough pages in flight for a batch running and one waiting in each worker');
    const byCapture = (messages: Envelope<'ad.extracted'>[]) => messages.map((m) => m.payload).sort((a, b) => a.captureId.localeCompare(b.captureId));
    assert.equal(onWorkers.ads.length, 3);
    assert.deepEqual(byCapture(onWorkers.ads), byCapture(inThread.ads));
    assert.equal(onWorkers.deadLetters.length, 1);
    assert.equal(onWorkers.deadLetters[0]!.attempts, 1, 'a DeadLetterError from a worker is not retried');
  });

  it('refuses an invalid site configuration up front', () => {
    assert.throws(() => createExtractStage({ workers: -1 }), UsageError);
    assert.throws(() => createExtractStage({ siteConfigs: [{ host: 'x.test', adUrlPattern: '([' }] }), UsageError);
    assert.throws(() => createExtractStage({ siteConfigs: [{ host: 'x.test', defaultCountry: 'GBR' }] }), UsageError);
    assert.throws(() => createExtractStage({ defaultCountry: 'XX' }), UsageError);
  });
});

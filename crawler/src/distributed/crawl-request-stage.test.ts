import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { InMemoryTransport, attachStage, createEnvelope, silentLogger, type CrawlRequested, type PageCaptured } from '@indicia/core';
import { groundTruth, startTestbed } from '@indicia/testbed';
import { temporaryDir } from '../loopback-fixtures.js';
import { createCrawlRequestStage } from './crawl-request-stage.js';
import { HostPacer } from './host-pacer.js';

const seed = 3;
const ads = 40;

function seedRequest(url: string, submissionId = 'submission-1'): CrawlRequested {
  return { url, canonicalUrl: url, host: new URL(url).hostname, depth: 0, parentUrl: null, submission: { id: submissionId, seeds: [url], maxDepth: 10, recrawl: false } };
}

describe('the distributed crawl stage (crawl.requested → page.captured + crawl.requested)', () => {
  it('crawls a site from one request, following its links through the bus, each page once', async () => {
    const testbed = await startTestbed({ seed, ads });
    const dir = await temporaryDir();
    const transport = new InMemoryTransport({ retryBaseMs: 10 });
    const captures: PageCaptured[] = [];
    try {
      const stage = await createCrawlRequestStage({
        settings: { dataDir: dir.path, proxyUrl: testbed.proxyUrl, mode: 'http', images: false, perHostConcurrency: 2, retryBackoffMs: 10, maxRetries: 1 },
        workerId: 'crawl-test',
        log: silentLogger(),
      });
      attachStage(stage, transport, { log: silentLogger(), concurrency: 4 });
      transport.subscribe('page.captured', async (message) => void captures.push(message.payload), { group: 'test' });
      const site = testbed.seedUrls.find((url) => url.includes('velvet-nights'))!;
      await transport.publish(createEnvelope('crawl.requested', seedRequest(site), { runId: 'submission-1', producer: 'test' }));
      await transport.drain();

      const adUrls = groundTruth({ seed, ads }).ads.filter((ad) => ad.url.startsWith(site) && ad.requires === null).map((ad) => ad.url);
      const captured = new Set(captures.map((capture) => capture.canonicalUrl));
      assert.ok(adUrls.length > 5);
      assert.deepEqual(adUrls.filter((url) => !captured.has(url)), [], 'every ad page of the site captured');
      const requested = captures.map((capture) => capture.url);
      assert.equal(new Set(requested).size, requested.length, 'no URL fetched twice');
      assert.ok(captures.every((capture) => new URL(capture.canonicalUrl).hostname === new URL(site).hostname), 'stays on the seed site');

      // A redelivered request (at-least-once) for a page this worker has captured is acknowledged, not fetched.
      const before = testbed.requestLog.length;
      await transport.publish(createEnvelope('crawl.requested', seedRequest(site), { runId: 'submission-1', producer: 'test' }));
      await transport.drain();
      assert.equal(testbed.requestLog.length, before);
      assert.equal(captures.length, requested.length);
      await stage.close?.();
    } finally {
      await transport.close();
      await testbed.close();
      await dir.remove();
    }
  });
});

describe('HostPacer', () => {
  it('holds each host to its concurrency and spaces request starts by the delay', async () => {
    const pacer = new HostPacer({ perHostConcurrency: 1, perHostDelayMs: 40 });
    const starts: number[] = [];
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const release = await pacer.acquire('a.test');
        starts.push(Date.now());
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        release();
      }),
    );
    assert.equal(most, 1);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    assert.ok(gaps.every((gap) => gap >= 39), `gaps ${gaps.join(', ')} ms`);
    // Another host is not held back by the first.
    const release = await Promise.race([pacer.acquire('b.test'), new Promise<null>((resolve) => setTimeout(() => resolve(null), 20))]);
    assert.ok(release, 'b.test starts at once');
    release();
  });
});

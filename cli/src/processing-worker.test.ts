import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { StopRunError, createEnvelope, type PageCaptured } from '@indicia/core';
import { pivotConfig } from '@indicia/pivot';
import { ProcessingWorker } from './processing-worker.js';
import { tempDir } from './test-support/run-cli.js';

const page = (n: number): PageCaptured => ({
  captureId: `capture-${n}`,
  url: `http://ads.test/ads/${n}`,
  finalUrl: `http://ads.test/ads/${n}`,
  canonicalUrl: `http://ads.test/ads/${n}`,
  site: 'ads.test',
  depth: 1,
  status: 200,
  contentType: 'text/html',
  headers: {},
  fetchedAt: '2026-11-21T10:00:00.000Z',
  proxy: null,
  fetchMode: 'http',
  bodySha256: 'a'.repeat(64),
  bodyBytes: 100,
  truncated: false,
  images: [],
  refusedImages: [],
  screenshotSha256: null,
  needsBrowser: false,
  render: null,
  body: `<html lang="en-US"><body><main><h1>Ad ${n}</h1><p>Location: Las Vegas, NV</p><p>Call (702) 555-01${String(n).padStart(2, '0')} or write ana${n}@example.com</p></main></body></html>`,
});

/** The defaults: what a crawl with no pivot settings gets. */
const pivotSettings = pivotConfig.resolve({}).values;

describe('the processing worker (extract + index in a worker thread)', () => {
  const dir = tempDir('worker');
  after(() => dir.remove());

  it('settles every capture it is given and reports what the index holds', async () => {
    const settled: string[] = [];
    const worker = new ProcessingWorker(
      { indexPath: join(dir.path, 'index.sqlite'), siteConfigs: [], defaultCountry: null, extractWorkers: 2, ocrWorkers: 1, runId: 'run-test', logFile: join(dir.path, 'log.jsonl'), pivot: pivotSettings, pivotCacheDir: dir.path },
      { onSettled: (id) => settled.push(id), onDeadLetter: () => assert.fail('no dead letters expected') },
    );
    for (let n = 0; n < 20; n++) await worker.publish(createEnvelope('page.captured', page(n), { runId: 'run-test', producer: 'test', id: page(n).captureId }));
    await worker.drain();
    assert.equal(settled.length, 20);
    assert.equal(worker.extracted.ads, 20);
    const { index: summary, pivot } = await worker.close();
    assert.equal(summary.ads, 20);
    assert.equal(summary.indicatorsByType.phone, 20);
    // The site's and the emails' domains are reserved (RFC 2606/6761) and no server is configured for them: seen, never looked up.
    assert.deepEqual([pivot.domainsSeen > 0, pivot.skipped > 0, pivot.registrationsRecorded, pivot.dnsRecorded, pivot.failed], [true, true, 0, 0, 0]);
  });

  it('turns a worker that cannot start into a StopRunError that says why', async () => {
    const notADirectory = join(dir.path, 'file');
    writeFileSync(notADirectory, 'x');
    const worker = new ProcessingWorker(
      { indexPath: join(notADirectory, 'index.sqlite'), siteConfigs: [], defaultCountry: null, extractWorkers: 1, ocrWorkers: 1, runId: 'run-test', logFile: null, pivot: pivotSettings, pivotCacheDir: dir.path },
      { onSettled: () => undefined, onDeadLetter: () => undefined },
    );
    await assert.rejects(worker.drain(), (error: unknown) => error instanceof StopRunError && /worker/.test(error.message));
  });
});

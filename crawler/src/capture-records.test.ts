import assert from 'node:assert/strict';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readWarcRecords, warcField } from './evidence/warc-reader.js';
import { CaptureRecords, HttpCrawl, type CaptureRecord } from './index.js';
import { recordingHooks, sendHtml, startForwardProxy, startOrigin, temporaryDir } from './loopback-fixtures.js';

const site: Record<string, string> = {
  '/': '<a href="/a">a</a> <a href="/b">b</a> <a href="/c">c</a>',
  '/a': '<p>ad a</p>',
  '/b': '<p>ad b</p>',
  '/c': '<p>ad c</p>',
};

/** Crawls the little site through a loopback proxy into `dataDir` (evidence on, as always). */
async function crawlSite(dataDir: string): Promise<ReturnType<typeof recordingHooks>> {
  const origin = await startOrigin((request, response) => {
    const page = site[request.url ?? ''];
    if (page === undefined) return void response.writeHead(404).end();
    sendHtml(response, page);
  });
  const proxy = await startForwardProxy(origin.port);
  try {
    const hooks = recordingHooks();
    const summary = await new HttpCrawl({ seeds: ['http://site.test/'], dataDir, proxyUrl: proxy.url, mode: 'http', retryBackoffMs: 10, requestTimeoutMs: 2000 }, hooks, 'run-records').run();
    assert.equal(summary.captured, 4);
    return hooks;
  } finally {
    await proxy.close();
    await origin.close();
  }
}

async function firstWarcRecordAt(dataDir: string, warc: NonNullable<CaptureRecord['warc']>) {
  for await (const record of readWarcRecords(join(dataDir, warc.file), { startOffset: warc.offset })) return record;
  assert.fail(`no WARC record at ${warc.file}:${warc.offset}`);
}

describe('CaptureRecords', () => {
  test('reads back what a crawl captured: metadata from crawl.sqlite, WARC location from the custody log', async () => {
    const dir = await temporaryDir();
    try {
      const hooks = await crawlSite(dir.path);
      const byUrl = new Map(hooks.captures.map((capture) => [capture.url, capture]));
      const a = byUrl.get('http://site.test/a')!;
      const b = byUrl.get('http://site.test/b')!;

      const records = CaptureRecords.open(dir.path);
      try {
        const found = await records.capturesOf({ canonicalUrl: a.canonicalUrl, captureIds: [b.captureId, 'no-such-capture'] });
        assert.deepEqual(found.map((record) => record.url).sort(), ['http://site.test/a', 'http://site.test/b']);
        const fetchedAt = found.map((record) => record.fetchedAt);
        assert.deepEqual(fetchedAt, [...fetchedAt].sort(), 'oldest first');

        for (const record of found) {
          const captured = byUrl.get(record.url)!;
          assert.deepEqual({ ...record, warc: null }, {
            captureId: captured.captureId,
            canonicalUrl: captured.canonicalUrl,
            url: captured.url,
            fetchedAt: captured.fetchedAt,
            status: 200,
            proxy: captured.proxy,
            mode: 'http',
            contentType: captured.contentType,
            bodySha256: captured.bodySha256,
            screenshotSha256: null,
            warc: null,
          });
          assert.ok(record.warc, `${record.url} has a custody entry`);
          assert.match(record.warc.file, /^warc\/.+\.warc\.gz$/);
          const first = await firstWarcRecordAt(dir.path, record.warc);
          assert.equal(warcField(first, 'WARC-Type'), 'request');
          assert.equal(warcField(first, 'WARC-Target-URI'), record.url);
        }

        assert.deepEqual(await records.capture(a.captureId), found.find((record) => record.captureId === a.captureId));
        assert.equal(await records.capture('no-such-capture'), null);
      } finally {
        records.close();
      }

      // Captures crawled before evidence was recorded have no custody entry: no WARC, still a record.
      await rename(join(dir.path, 'custody.jsonl'), join(dir.path, 'custody.jsonl.moved'));
      const withoutCustody = CaptureRecords.open(dir.path);
      try {
        const record = await withoutCustody.capture(a.captureId);
        assert.equal(record?.url, a.url);
        assert.equal(record?.warc, null);
      } finally {
        withoutCustody.close();
      }
    } finally {
      await dir.remove();
    }
  });

  test('a data dir without crawl.sqlite has no captures, and is not an error', async () => {
    const dir = await temporaryDir();
    try {
      const records = CaptureRecords.open(dir.path);
      assert.deepEqual(await records.capturesOf({ canonicalUrl: 'http://site.test/a', captureIds: ['x'] }), []);
      assert.equal(await records.capture('x'), null);
      records.close();
    } finally {
      await dir.remove();
    }
  });
});


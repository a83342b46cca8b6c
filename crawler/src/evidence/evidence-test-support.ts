/**
 * Test support for the evidence tests: Python's warcio as the reference checker, and a data dir
 * filled with real exchanges from a loopback server. Not part of the package's API.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { BlobStore } from '../blob-store.js';
import { crawlPaths } from '../frontier-database.js';
import { HttpFetcher } from '../http-fetcher.js';
import { startOrigin, type OriginServer } from '../loopback-fixtures.js';
import { CustodyLog, type CaptureCustodyEntry } from './custody-log.js';
import { WarcWriter } from './warc-writer.js';

/** Runs `warcio ARGS` (Python); fails the test, never skips, when warcio is not installed. */
export function warcio(args: string[]): { status: number; stdout: string; stderr: string } {
  const run = spawnSync('python3', ['-c', 'import sys\nfrom warcio.cli import main\nmain(sys.argv[1:])', ...args], { encoding: 'utf8' });
  if (run.error || /No module named .?warcio/.test(run.stderr)) {
    assert.fail(`Python's warcio is needed to check the WARC files: pip install warcio (${run.error?.message ?? run.stderr.trim()})`);
  }
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** A PNG signature and a few bytes: enough for a resource record and a sniffed extension. */
export const fakePng = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('screenshot pixels')]);
export const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('photo bytes')]);

/** Serves a plain page, a gzip page, a chunked page and a redirect, as an ad site would. */
export async function startEvidenceOrigin(): Promise<OriginServer> {
  return startOrigin((request, response) => {
    const path = request.url ?? '/';
    if (path === '/plain') return void response.writeHead(200, { 'content-type': 'text/html', 'content-length': '22' }).end('<p>call 702-555-0142</p>'.slice(0, 22));
    if (path === '/gzip') return void response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>gzip page 312-555-0199</p>'));
    if (path === '/chunked') {
      response.writeHead(200, { 'content-type': 'text/html', 'X-Mixed-Case': 'Kept' });
      response.write('<p>first chunk</p>');
      response.end('<p>second chunk</p>');
      return;
    }
    if (path === '/go') return void response.writeHead(302, { location: '/plain', 'content-length': '0' }).end();
    response.writeHead(404).end();
  });
}

export interface FilledDataDir {
  captures: CaptureCustodyEntry[];
}

/**
 * Fetches each path for real, writes its exchanges to the WARC (plus a screenshot resource and a
 * metadata record for the first), stores body, screenshot and image in the blob store, and
 * appends a custody entry per capture.
 */
export async function fillDataDir(dataDir: string, origin: OriginServer, paths: string[], options: { maxFileBytes?: number } = {}): Promise<FilledDataDir> {
  const fetcher = new HttpFetcher({ proxyUrl: null, userAgent: 'IndiciaTest/1.0', timeoutMs: 5000, maxBodyBytes: 1024 * 1024, maxRedirects: 5 });
  const writer = await WarcWriter.open({ dataDir, software: 'Indicia/test', maxFileBytes: options.maxFileBytes });
  const custody = await CustodyLog.open(dataDir);
  const blobs = new BlobStore(crawlPaths(dataDir).blobs);
  const captures: CaptureCustodyEntry[] = [];
  try {
    for (const [index, path] of paths.entries()) {
      const fetched = await fetcher.fetch(`${origin.url}${path}`);
      const warc = [];
      for (const exchange of [...fetched.redirectExchanges, fetched.exchange]) {
        const pair = await writer.writeExchange(exchange);
        warc.push(pair.request, pair.response);
      }
      const response = warc[warc.length - 1]!;
      const body = await blobs.put(fetched.body);
      let screenshotSha256: string | null = null;
      let imageSha256s: string[] = [];
      if (index === 0) {
        warc.push(await writer.writeResource({ targetUri: fetched.url, contentType: 'image/png', bytes: fakePng, concurrentTo: response.recordId }));
        warc.push(await writer.writeMetadata({ targetUri: fetched.url, refersTo: response.recordId, fields: { settingsSha256: 'a'.repeat(64), toolVersion: '0.1.0', proxy: null, operator: 'analyst-1', caseId: 'CASE-7' } }));
        screenshotSha256 = (await blobs.put(fakePng)).sha256;
        imageSha256s = [(await blobs.put(fakeJpeg)).sha256];
      }
      captures.push(await custody.append({ captureId: `capture-${index}`, url: fetched.url, warc, bodySha256: body.sha256, screenshotSha256, imageSha256s }));
    }
  } finally {
    fetcher.close();
    await writer.close();
    await custody.close();
  }
  return { captures };
}

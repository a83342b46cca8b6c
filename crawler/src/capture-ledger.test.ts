import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaptureLedger, HttpCrawl } from './index.js';
import { recordingHooks, sendHtml, startForwardProxy, startOrigin, temporaryDir } from './loopback-fixtures.js';

test('capture ledger: rebuilds unsettled captures from rows and blobs; settlements may arrive before the row', async () => {
  const origin = await startOrigin((request, response) => {
    if (request.url === '/robots.txt') return void response.writeHead(404).end();
    if (request.url === '/latin1') return void response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from('<p>caf\xe9</p>', 'latin1'));
    if (request.url === '/file.bin') return void response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 3]));
    sendHtml(response, request.url === '/' ? Array.from({ length: 6 }, (_, i) => `<a href="/p${i}">p</a>`).join('') + '<a href="/latin1">l</a><a href="/file.bin">b</a>' : `page ${request.url}`);
  });
  const proxy = await startForwardProxy(origin.port);
  const dir = await temporaryDir();
  const ledger = CaptureLedger.open(dir.path);
  try {
    // The pipeline may finish with a capture before the crawler writes its row: settle /p0../p4 from inside the hook.
    const hooks = recordingHooks(async (capture) => {
      if (/\/p[0-4]$/.test(capture.url)) ledger.markSettled(capture.captureId);
    });
    const summary = await new HttpCrawl({ seeds: ['http://site.test/'], dataDir: dir.path, proxyUrl: proxy.url, retryBackoffMs: 10, mode: 'http' }, hooks, 'run-ledger').run();
    assert.equal(summary.captured, 9);
    assert.deepEqual(ledger.count(), { captures: 9, settled: 5 });

    const unsettled = [...ledger.unsettled()];
    assert.deepEqual(unsettled.map((capture) => capture.url).sort(), ['http://site.test/', 'http://site.test/file.bin', 'http://site.test/latin1', 'http://site.test/p5']);
    const original = new Map(hooks.captures.map((capture) => [capture.captureId, capture]));
    for (const capture of unsettled) assert.deepEqual(capture, original.get(capture.captureId), 'rebuilt exactly as delivered');
    const rebuilt = new Map(unsettled.map((capture) => [capture.url, capture]));
    assert.equal(rebuilt.get('http://site.test/latin1')!.body, '<p>café</p>');
    assert.equal(rebuilt.get('http://site.test/file.bin')!.body, '');

    for (const capture of ledger.unsettled()) ledger.markSettled(capture.captureId);
    assert.deepEqual(ledger.count(), { captures: 9, settled: 9 });
    assert.equal([...ledger.unsettled()].length, 0);
  } finally {
    ledger.close();
    await proxy.close();
    await origin.close();
    await dir.remove();
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { CaptureLedger, HttpCrawl } from './index.js';
import { recordingHooks, sendHtml, startForwardProxy, startOrigin, temporaryDir } from './loopback-fixtures.js';

const pageCount = 40;
/** Pages the origin serves before it stops answering, so the crawl is killed with requests in flight. */
const servedBeforeKill = 12;

/** Runs a crawl in a child process, the way `indicia crawl` would, and returns it with what it printed. */
function crawlInChild(settings: object) {
  const entry = new URL('./index.js', import.meta.url).href;
  const script = `
    import { HttpCrawl } from ${JSON.stringify(entry)};
    import { silentLogger } from '@indicia/core';
    const crawl = new HttpCrawl(JSON.parse(process.env.CRAWL_SETTINGS), { log: silentLogger(), onCapture: async () => {} }, 'run-killed');
    await crawl.run();
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    env: { ...process.env, CRAWL_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output, exited };
}

test('resume after SIGKILL: every page fetched exactly once over both runs, nothing captured lost', async () => {
  let holding = true;
  const held: ServerResponse[] = [];
  const origin = await startOrigin((request, response) => {
    if (request.url === '/robots.txt') return void response.writeHead(404).end();
    const servedPages = [...origin.completed].filter(([key]) => !key.endsWith('/robots.txt')).reduce((sum, [, n]) => sum + n, 0);
    if (holding && servedPages >= servedBeforeKill) return void held.push(response);
    sendHtml(response, request.url === '/' ? Array.from({ length: pageCount }, (_, i) => `<a href="/ad/${i}">ad ${i}</a>`).join('') : `ad ${request.url}`);
  });
  const proxy = await startForwardProxy(origin.port);
  const dir = await temporaryDir();
  try {
    const settings = { seeds: ['http://site.test/'], dataDir: dir.path, proxyUrl: proxy.url, concurrency: 6, retryBackoffMs: 10, mode: 'http' as const };
    const { child, output, exited } = crawlInChild(settings);

    // Wait until the served pages are recorded as done, with the crawler stuck on the held ones, then kill it.
    const doneCount = (): number => {
      if (!existsSync(join(dir.path, 'crawl.sqlite'))) return 0;
      const db = new Database(join(dir.path, 'crawl.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(`SELECT count(*) FROM urls WHERE state = 'done'`).pluck().get() as number;
      } catch (error) {
        // The file exists a moment before the child's first migration commits its tables.
        if (error instanceof Database.SqliteError && /no such table/.test(error.message)) return 0;
        throw error;
      } finally {
        db.close();
      }
    };
    const deadline = Date.now() + 20_000;
    for (;;) {
      await sleep(50);
      const done = doneCount();
      if ((done === servedBeforeKill && held.length > 0) || Date.now() > deadline) break;
    }
    assert.equal(doneCount(), servedBeforeKill, `child stderr: ${output.stderr}`);
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    assert.equal(output.stdout, '', 'the crawler writes nothing to stdout');
    for (const response of held.splice(0)) response.destroy();
    holding = false;

    const second = await new HttpCrawl(settings, recordingHooks(), 'run-resumed').run();
    assert.equal(second.alreadyCaptured, servedBeforeKill);
    assert.equal(second.captured, pageCount + 1 - servedBeforeKill);
    assert.equal(second.completed, true);
    const pages = [...origin.completed].filter(([key]) => !key.endsWith('/robots.txt'));
    assert.equal(pages.length, pageCount + 1);
    for (const [page, times] of pages) assert.equal(times, 1, `${page} fetched ${times} times`);

    const ledger = CaptureLedger.open(dir.path);
    assert.equal(ledger.count().captures, pageCount + 1, 'no capture lost, none duplicated');
    ledger.close();
  } finally {
    for (const response of held) response.destroy();
    await proxy.close();
    await origin.close();
    await dir.remove();
  }
});

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SqliteIndexStore, type StoredAd } from '@indicia/indexer';
import { startTestbed } from '@indicia/testbed';
import { runIndicia, tempDir } from '../test-support/run-cli.js';

/** Runs Python's warcio, the reference WARC checker; fails (never skips) when it is not installed. */
function warcio(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('python3', ['-c', 'import sys\nfrom warcio.cli import main\nmain(sys.argv[1:])', ...args], { encoding: 'utf8' });
  if (run.error || /No module named .?warcio/.test(run.stderr)) assert.fail(`Python's warcio checks the exported WARC: pip install warcio (${run.error?.message ?? run.stderr.trim()})`);
  return run;
}

function flipByte(path: string, position: number): void {
  const bytes = readFileSync(path);
  bytes[position] = bytes[position]! ^ 0x01;
  writeFileSync(path, bytes);
}

const indicatorKeys = (indicators: Array<{ type: string; value: string }>) => indicators.map((indicator) => `${indicator.type} ${indicator.value}`).sort();

describe('indicia evidence verify and export, on a real crawl of the testbed', () => {
  const dir = tempDir('evidence');
  const data = join(dir.path, 'data');
  let ads: StoredAd[] = [];

  before(async () => {
    const testbed = await startTestbed({ seed: 5, ads: 40 });
    try {
      // Listing pages as seeds and depth 1: ~30 pages, most of them ads (text ads and image ads read by OCR).
      const seeds = ['http://velvet-nights.test/ads?page=1', 'http://picture-board.test/ads?page=1'];
      const crawl = await runIndicia(['crawl', ...seeds, '--proxy', testbed.proxyUrl, '--data', data, '--max-pages', '30', '--max-depth', '1', '--json']);
      assert.equal(crawl.code, 0, crawl.stderr);
    } finally {
      await testbed.close();
    }
    const store = SqliteIndexStore.open(join(data, 'index.sqlite'));
    try {
      for await (const exported of store.exportAds()) ads.push((await store.getAd(exported.id))!);
    } finally {
      await store.close();
    }
    ads = ads.filter((ad) => ad.indicators.length > 0);
    assert.ok(ads.length >= 5, `${ads.length} ads with indicators`);
  });
  after(() => dir.remove());

  it('verify: the fresh data dir is intact, exit 0, and --json gives the report', async () => {
    const text = await runIndicia(['evidence', 'verify', '--data', data]);
    assert.equal(text.code, 0, text.stdout + text.stderr);
    assert.match(text.stdout, /result: INTACT/);
    const json = await runIndicia(['evidence', 'verify', data, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { ok: boolean; layout: string; checked: { warcFiles: number; records: number; custodyEntries: number; blobs: number } };
    assert.equal(report.ok, true);
    assert.equal(report.layout, 'data-dir');
    assert.ok(report.checked.warcFiles >= 1 && report.checked.records >= 60 && report.checked.custodyEntries >= 25 && report.checked.blobs >= 25, JSON.stringify(report.checked));
  });

  it('verify: one flipped byte in a WARC file exits 1 and names the file', async () => {
    const copy = join(dir.path, 'tampered');
    cpSync(data, copy, { recursive: true });
    try {
      const warcName = readdirSync(join(copy, 'warc')).find((name) => name.endsWith('.warc.gz'))!;
      const warcPath = join(copy, 'warc', warcName);
      flipByte(warcPath, Math.floor(readFileSync(warcPath).length / 2));
      const result = await runIndicia(['evidence', 'verify', copy]);
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stdout, /result: NOT INTACT/);
      assert.ok(result.stdout.includes(`ERROR   altered     warc/${warcName} (offset `), result.stdout);
      assert.match(result.stderr, /not intact/);
      const alone = await runIndicia(['evidence', 'verify', warcPath, '--json']);
      assert.equal(alone.code, 1, alone.stdout);
      assert.equal((JSON.parse(alone.stdout) as { layout: string }).layout, 'warc-file');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('export: the bundle passes sha256sum -c and warcio check, holds the ad\'s indicators and images, and verifies', async () => {
    // An image ad: its phone was read by OCR, so the bundle carries images and OCR provenance.
    const ad = ads.find((candidate) => candidate.site === 'picture-board.test' && candidate.images.length > 0);
    assert.ok(ad, 'an image ad with indicators was crawled');
    const out = join(dir.path, 'bundle');
    const result = await runIndicia(['evidence', 'export', ad.id, '--out', out, '--data', data]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes(`cd ${out} && sha256sum -c SHA256SUMS`), result.stdout);

    const sums = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    assert.equal(sums.status, 0, sums.stdout + sums.stderr);
    const check = warcio(['check', '-v', join(out, 'records.warc.gz')]);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /response\s+digest pass/);

    const provenance = JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8')) as {
      ad: { id: string };
      captures: Array<{ captureId: string; warcRecords: unknown[] }>;
      indicators: Array<{ type: string; value: string; provenance: Array<{ captureId: string }> }>;
      images: Array<{ sha256: string }>;
    };
    assert.equal(provenance.ad.id, ad.id);
    assert.deepEqual(indicatorKeys(provenance.indicators), indicatorKeys(ad.indicators));
    assert.ok(provenance.indicators.every((indicator) => indicator.provenance.length > 0));
    assert.ok(provenance.captures.some((capture) => capture.captureId === ad.latestCaptureId && capture.warcRecords.length >= 2), JSON.stringify(provenance.captures));
    const exportedImages = readdirSync(join(out, 'images'), { withFileTypes: true }).map((entry) => entry.name.replace(/\.\w+$/, ''));
    assert.deepEqual(exportedImages.sort(), ad.images.map((image) => image.sha256).sort());
    assert.deepEqual(provenance.images.map((image) => image.sha256).sort(), ad.images.map((image) => image.sha256).sort());

    const verified = await runIndicia(['evidence', 'verify', out]);
    assert.equal(verified.code, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /Verified evidence bundle/);

    const again = await runIndicia(['evidence', 'export', ad.id, '--out', out, '--data', data]);
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /not empty.*--force/);
    const forced = await runIndicia(['evidence', 'export', ad.id, '--out', out, '--data', data, '--force', '--capture', ad.latestCaptureId]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out }).status, 0);
  });

  it('export: an unknown ad, or a capture of another ad, exits 1 and says so', async () => {
    const out = join(dir.path, 'unknown');
    const unknown = await runIndicia(['evidence', 'export', 'no-such-ad', '--out', out, '--data', data]);
    assert.equal(unknown.code, 1);
    assert.ok(unknown.stderr.includes(`no ad no-such-ad in ${data}`), unknown.stderr);
    const otherCapture = await runIndicia(['evidence', 'export', ads[0]!.id, '--capture', ads[1]!.latestCaptureId, '--out', out, '--data', data]);
    assert.equal(otherCapture.code, 1);
    assert.match(otherCapture.stderr, /is not a capture of ad/);
  });

  it('export: an ad crawled before evidence was recorded exits 1 and says so', async () => {
    const copy = join(dir.path, 'before-evidence');
    cpSync(data, copy, { recursive: true });
    try {
      rmSync(join(copy, 'custody.jsonl'));
      rmSync(join(copy, 'custody.head.json'));
      const result = await runIndicia(['evidence', 'export', ads[0]!.id, '--out', join(dir.path, 'never'), '--data', copy]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /no evidence to export.*crawled before evidence/);
      assert.equal(existsSync(join(dir.path, 'never')), false, 'nothing is written');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('--help says what is checked and how to re-check by hand', async () => {
    const verifyHelp = await runIndicia(['evidence', 'verify', '--help']);
    assert.equal(verifyHelp.code, 0);
    assert.match(verifyHelp.stdout, /What is checked:[\s\S]*custody[\s\S]*sha256sum -c SHA256SUMS[\s\S]*warcio check[\s\S]*Examples:/);
    const exportHelp = await runIndicia(['evidence', 'export', '--help']);
    assert.equal(exportHelp.code, 0);
    assert.match(exportHelp.stdout, /Usage: indicia evidence export[\s\S]*SHA256SUMS[\s\S]*Examples:/);
  });
});

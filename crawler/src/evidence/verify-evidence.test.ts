import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { temporaryDir } from '../loopback-fixtures.js';
import { CustodyLog } from './custody-log.js';
import { exportEvidenceBundle } from './evidence-bundle.js';
import type { EvidenceReport } from './evidence-findings.js';
import { fillDataDir, startEvidenceOrigin, warcio } from './evidence-test-support.js';
import { verifyEvidence } from './verify-evidence.js';

async function flipByte(path: string, position: number): Promise<void> {
  const bytes = await readFile(path);
  bytes[position] = bytes[position]! ^ 0x01;
  await writeFile(path, bytes);
}

function errors(report: EvidenceReport) {
  return report.findings.filter((finding) => finding.severity === 'error');
}

describe('verifyEvidence', () => {
  test('a clean data dir verifies; single-byte flips in a WARC (header, payload, gzip trailer), a blob or the custody log are named', async () => {
    const pristine = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      const { captures } = await fillDataDir(pristine.path, origin, ['/plain', '/gzip', '/chunked']);
      const clean = await verifyEvidence(pristine.path);
      assert.deepEqual(clean.findings, []);
      assert.equal(clean.ok, true);
      assert.deepEqual(clean.checked, { warcFiles: 1, records: 9, custodyEntries: 3, blobs: 5, files: 2 });

      const response = captures[1]!.warc[1]!;
      const tamperings: { name: string; file: string; position: number }[] = [
        { name: 'gzip header of a response', file: response.file, position: response.offset + 4 },
        { name: 'deflate data of a response', file: response.file, position: response.offset + Math.floor(response.length / 2) },
        { name: 'gzip trailer (CRC) of a response', file: response.file, position: response.offset + response.length - 6 },
        { name: 'the warcinfo record', file: response.file, position: 30 },
        { name: 'the screenshot blob', file: join('blobs', captures[0]!.screenshotSha256!.slice(0, 2), captures[0]!.screenshotSha256!.slice(2, 4), `${captures[0]!.screenshotSha256}.gz`), position: 25 },
        { name: 'the first custody line', file: 'custody.jsonl', position: 40 },
        { name: 'the last custody line', file: 'custody.jsonl', position: -30 },
      ];
      for (const tampering of tamperings) {
        const copy = await temporaryDir();
        try {
          await cp(pristine.path, copy.path, { recursive: true });
          const path = join(copy.path, tampering.file);
          const position = tampering.position < 0 ? (await readFile(path)).length + tampering.position : tampering.position;
          await flipByte(path, position);
          const report = await verifyEvidence(copy.path);
          assert.equal(report.ok, false, `${tampering.name}: not detected`);
          assert.ok(
            errors(report).some((finding) => finding.file === tampering.file || (tampering.file.startsWith('blobs') && finding.file.startsWith('blobs'))),
            `${tampering.name}: findings name other files: ${JSON.stringify(report.findings)}`,
          );
          if (tampering.file === response.file && tampering.position > response.offset) {
            assert.ok(errors(report).some((finding) => finding.offset === response.offset && finding.recordId === response.recordId), `${tampering.name}: ${JSON.stringify(report.findings)}`);
          }
        } finally {
          await copy.remove();
        }
      }
    } finally {
      await origin.close();
      await pristine.remove();
    }
  });

  test('a removed custody line, two swapped lines and a removed last line are named', async () => {
    const dir = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      await fillDataDir(dir.path, origin, ['/plain', '/gzip', '/chunked', '/plain']);
      const logPath = join(dir.path, 'custody.jsonl');
      const lines = (await readFile(logPath, 'utf8')).trimEnd().split('\n');

      await writeFile(logPath, `${[lines[0], lines[2], lines[3]].join('\n')}\n`);
      let report = await verifyEvidence(dir.path);
      assert.ok(errors(report).some((finding) => finding.kind === 'missing' && finding.seq === 2), JSON.stringify(report.findings));

      await writeFile(logPath, `${[lines[0], lines[2], lines[1], lines[3]].join('\n')}\n`);
      report = await verifyEvidence(dir.path);
      assert.deepEqual(
        errors(report).map((finding) => [finding.kind, finding.seq, finding.line]),
        [['reordered', 2, 3]],
      );

      await writeFile(logPath, `${lines.slice(0, 3).join('\n')}\n`);
      report = await verifyEvidence(dir.path);
      assert.ok(errors(report).some((finding) => finding.kind === 'missing' && finding.seq === 4), JSON.stringify(report.findings));
    } finally {
      await origin.close();
      await dir.remove();
    }
  });

  test('a torn custody line after a crash is kept, recorded on reopen, and the chain continues', async () => {
    const dir = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      await fillDataDir(dir.path, origin, ['/plain', '/gzip']);
      const logPath = join(dir.path, 'custody.jsonl');
      await writeFile(logPath, '{"seq":3,"at":"2026-', { flag: 'a' });
      const log = await CustodyLog.open(dir.path);
      assert.ok(log.tornLine);
      const next = await log.append({ captureId: 'after-crash', url: 'http://velvet-nights.test/ads/9', warc: [] });
      await log.close();
      assert.equal(next.seq, 4);
      const report = await verifyEvidence(dir.path);
      assert.equal(report.ok, true, JSON.stringify(report.findings));
      assert.deepEqual(report.findings.map((finding) => [finding.kind, finding.severity, finding.line]), [['torn', 'notice', 3]]);
    } finally {
      await origin.close();
      await dir.remove();
    }
  });

  test('export: sha256sum -c and warcio check pass; one tampered file fails both sha256sum and verify', async () => {
    const dir = await temporaryDir();
    const out = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      const { captures } = await fillDataDir(dir.path, origin, ['/plain', '/gzip']);
      const first = captures[0]!;
      const bundleDir = join(out.path, 'ad-1');
      const exported = await exportEvidenceBundle({
        dataDir: dir.path,
        captures: [{ captureId: first.captureId, screenshotSha256: first.screenshotSha256, imageSha256s: first.imageSha256s }],
        provenance: { adId: 'ad-1', indicators: [{ type: 'phone', value: '+17025550142', source: 'text' }] },
        outDir: bundleDir,
      });
      assert.equal(exported.records, 4);
      assert.deepEqual((await readdir(bundleDir)).sort(), ['SHA256SUMS', 'custody.jsonl', 'images', 'provenance.json', 'records.warc.gz', `screenshot-${first.screenshotSha256}.png`]);
      assert.deepEqual(await readdir(join(bundleDir, 'images')), [`${first.imageSha256s![0]}.jpg`]);
      execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: bundleDir, stdio: 'pipe' });
      assert.equal(warcio(['check', join(bundleDir, 'records.warc.gz')]).status, 0);
      const clean = await verifyEvidence(bundleDir);
      assert.deepEqual(clean.findings, []);
      assert.equal(clean.layout, 'bundle');

      await flipByte(join(bundleDir, 'provenance.json'), 5);
      const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: bundleDir, encoding: 'utf8' });
      assert.notEqual(sums.status, 0);
      assert.match(sums.stdout, /provenance\.json: FAILED/);
      const report = await verifyEvidence(bundleDir);
      assert.deepEqual(errors(report).map((finding) => [finding.kind, finding.file]), [['altered', 'provenance.json']]);
    } finally {
      await origin.close();
      await out.remove();
      await dir.remove();
    }
  });

  test('a single WARC file is checked on its own', async () => {
    const dir = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      const { captures } = await fillDataDir(dir.path, origin, ['/gzip']);
      const path = join(dir.path, captures[0]!.warc[1]!.file);
      assert.equal((await verifyEvidence(path)).ok, true);
      await flipByte(path, captures[0]!.warc[1]!.offset + 40);
      const report = await verifyEvidence(path);
      assert.equal(report.ok, false);
      assert.equal(report.layout, 'warc-file');
    } finally {
      await origin.close();
      await dir.remove();
    }
  });
});

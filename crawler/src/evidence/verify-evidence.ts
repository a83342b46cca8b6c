import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sha256Hex } from '@indicia/core';
import { crawlPaths } from '../frontier-database.js';
import { checkCustodyChain, readCustodyLines } from './custody-chain-check.js';
import { custodyLogName, type CaptureCustodyEntry } from './custody-log.js';
import { bundleRecordsName, bundleSumsName } from './evidence-bundle-layout.js';
import type { EvidenceFinding, EvidenceReport } from './evidence-findings.js';
import type { WarcLocation } from './warc-record-format.js';
import { scanWarcFile, type ScannedRecord } from './warc-scan.js';
import { warcDirName } from './warc-writer.js';

/** Records a custody entry must vouch for; warcinfo and metadata describe files and runs, not captures. */
const vouchedTypes = new Set(['request', 'response', 'resource', 'revisit', 'conversion']);

/**
 * Checks evidence at `path`: a data dir (custody chain and head, every WARC record's digests, every
 * record and blob the log names, records no entry names), one WARC file (digests), or an exported
 * bundle (SHA256SUMS, digests, the bundle's custody entries against its records). Never throws for
 * damaged evidence: everything found is in the report.
 */
export async function verifyEvidence(path: string): Promise<EvidenceReport> {
  const info = await stat(path);
  if (info.isFile()) {
    const findings: EvidenceFinding[] = [];
    const records = await scanWarcFile(path, basename(path), findings);
    return report(path, 'warc-file', findings, { warcFiles: 1, records: records.length, custodyEntries: 0, blobs: 0, files: 1 });
  }
  const names = new Set(await readdir(path));
  if (names.has(bundleSumsName)) return verifyBundle(path);
  return verifyDataDir(path);
}

async function verifyDataDir(dataDir: string): Promise<EvidenceReport> {
  const findings: EvidenceFinding[] = [];
  const hasLog = await exists(join(dataDir, custodyLogName));
  const { captures, lines } = hasLog ? await checkCustodyChain(dataDir, findings) : { captures: [], lines: [] };
  if (!hasLog) findings.push({ kind: 'missing', severity: 'warning', file: custodyLogName, message: 'no custody log in this data dir' });
  const warcNames = (await readdir(join(dataDir, warcDirName)).catch(ifMissing<string[]>([]))).filter((name) => /\.warc(\.gz)?$/.test(name)).sort();
  const scanned = new Map<string, Map<string, ScannedRecord>>();
  let recordCount = 0;
  for (const name of warcNames) {
    const label = `${warcDirName}/${name}`;
    const records = await scanWarcFile(join(dataDir, label), label, findings);
    recordCount += records.length;
    scanned.set(label, new Map(records.map((record) => [record.recordId, record])));
  }
  const vouched = new Set<string>();
  for (const capture of captures) {
    for (const location of capture.warc) {
      vouched.add(`${location.file}\n${location.recordId}`);
      await checkLocation(dataDir, location, capture, scanned, findings);
    }
  }
  for (const [label, records] of scanned) {
    for (const record of records.values()) {
      if (vouchedTypes.has(record.type) && !vouched.has(`${label}\n${record.recordId}`)) {
        findings.push({
          kind: 'out-of-band',
          severity: 'warning',
          file: label,
          offset: record.offset,
          recordId: record.recordId,
          message: `${record.type} record named by no custody entry (added out of band, or a crash between the WARC write and its custody entry)`,
        });
      }
    }
  }
  const blobs = await checkBlobs(dataDir, captures, findings);
  return report(dataDir, 'data-dir', findings, { warcFiles: warcNames.length, records: recordCount, custodyEntries: lines.length, blobs, files: warcNames.length + 1 });
}

/** The record the entry names must be at its offset, byte for byte (its stored sha256). */
async function checkLocation(dir: string, location: WarcLocation, capture: CaptureCustodyEntry, scanned: Map<string, Map<string, ScannedRecord>>, findings: EvidenceFinding[]): Promise<void> {
  const where = { file: location.file, offset: location.offset, recordId: location.recordId, seq: capture.seq };
  const records = scanned.get(location.file);
  if (!records) {
    findings.push({ kind: 'missing', severity: 'error', ...where, message: `the WARC file named by custody entry seq ${capture.seq} is missing` });
    return;
  }
  const stored = await readRange(join(dir, location.file), location.offset, location.length);
  if (stored.length < location.length) {
    findings.push({ kind: 'missing', severity: 'error', ...where, message: `the WARC file ends before the record named by custody entry seq ${capture.seq}` });
  } else if (sha256Hex(stored) !== location.sha256) {
    const found = records.get(location.recordId);
    findings.push({
      kind: found || stored.length > 0 ? 'altered' : 'missing',
      severity: 'error',
      ...where,
      message: `the stored bytes of record ${location.recordId} do not match the sha256 in custody entry seq ${capture.seq}${found && found.offset !== location.offset ? ` (the record is now at offset ${found.offset})` : ''}`,
    });
  }
}

async function checkBlobs(dataDir: string, captures: CaptureCustodyEntry[], findings: EvidenceFinding[]): Promise<number> {
  const blobsDir = crawlPaths(dataDir).blobs;
  const checked = new Set<string>();
  for (const capture of captures) {
    const named = [capture.bodySha256, capture.screenshotSha256, ...(capture.imageSha256s ?? [])].filter((sha): sha is string => typeof sha === 'string');
    for (const sha256 of named) {
      if (checked.has(sha256)) continue;
      checked.add(sha256);
      const file = join('blobs', sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.gz`);
      let bytes: Buffer;
      try {
        bytes = await readFile(join(blobsDir, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.gz`));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        findings.push({ kind: 'missing', severity: 'error', file, seq: capture.seq, message: `blob ${sha256} named by custody entry seq ${capture.seq} is missing` });
        continue;
      }
      let content: Buffer | null = null;
      try {
        content = gunzipSync(bytes);
      } catch (error) {
        findings.push({ kind: 'altered', severity: 'error', file, seq: capture.seq, message: `blob ${sha256} no longer decompresses: ${(error as Error).message}` });
        continue;
      }
      if (sha256Hex(content) !== sha256) findings.push({ kind: 'altered', severity: 'error', file, seq: capture.seq, message: `blob ${sha256} hashes to ${sha256Hex(content)}` });
    }
  }
  return checked.size;
}

async function verifyBundle(dir: string): Promise<EvidenceReport> {
  const findings: EvidenceFinding[] = [];
  const sums = await checkSums(dir, findings);
  const records = (await exists(join(dir, bundleRecordsName))) ? await scanWarcFile(join(dir, bundleRecordsName), bundleRecordsName, findings) : [];
  const byId = new Map(records.map((record) => [record.recordId, record]));
  const lines = (await exists(join(dir, custodyLogName))) ? await readCustodyLines(join(dir, custodyLogName)) : [];
  for (const line of lines) {
    if (!line.entry) {
      findings.push({ kind: 'altered', severity: 'error', file: custodyLogName, line: line.line, message: `line ${line.line} is not a custody entry` });
      continue;
    }
    if (line.entry.event !== 'capture') continue;
    for (const location of line.entry.warc) {
      const record = byId.get(location.recordId);
      const where = { file: bundleRecordsName, recordId: location.recordId, seq: line.entry.seq };
      if (!record) findings.push({ kind: 'missing', severity: 'error', ...where, message: `record named by custody entry seq ${line.entry.seq} is not in the bundle` });
      else if (record.storedSha256 !== location.sha256) {
        findings.push({ kind: 'altered', severity: 'error', ...where, offset: record.offset, message: `record bytes differ from the sha256 in custody entry seq ${line.entry.seq}` });
      }
    }
  }
  return report(dir, 'bundle', findings, { warcFiles: 1, records: records.length, custodyEntries: lines.length, blobs: 0, files: sums });
}

/** `sha256sum -c` over the bundle, plus files the sums do not name. */
async function checkSums(dir: string, findings: EvidenceFinding[]): Promise<number> {
  const listed = new Set<string>();
  const text = await readFile(join(dir, bundleSumsName), 'utf8');
  for (const [index, line] of text.split('\n').entries()) {
    if (!line) continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      findings.push({ kind: 'altered', severity: 'error', file: bundleSumsName, line: index + 1, message: `line ${index + 1} is not a sha256sum line` });
      continue;
    }
    const [, expected, name] = match as unknown as [string, string, string];
    listed.add(name);
    const actual = await fileSha256(join(dir, name));
    if (actual === null) findings.push({ kind: 'missing', severity: 'error', file: name, message: `${name} is listed in ${bundleSumsName} but missing` });
    else if (actual !== expected) findings.push({ kind: 'altered', severity: 'error', file: name, message: `${name} hashes to ${actual}, ${bundleSumsName} says ${expected}` });
  }
  for (const name of await listFiles(dir)) {
    if (name !== bundleSumsName && !listed.has(name)) findings.push({ kind: 'out-of-band', severity: 'error', file: name, message: `${name} is not listed in ${bundleSumsName}` });
  }
  return listed.size;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await listFiles(dir, name)));
    else names.push(name);
  }
  return names;
}

async function fileSha256(path: string): Promise<string | null> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readRange(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, ifMissing(false));
}

function ifMissing<T>(value: T): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === 'ENOENT') return value;
    throw error;
  };
}

function report(path: string, layout: EvidenceReport['layout'], findings: EvidenceFinding[], checked: EvidenceReport['checked']): EvidenceReport {
  return { path, layout, ok: !findings.some((finding) => finding.severity === 'error'), checked, findings };
}

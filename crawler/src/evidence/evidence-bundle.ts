import { createHash } from 'node:crypto';
import { mkdir, open, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { DeadLetterError, sha256Hex, UsageError } from '@indicia/core';
import { BlobStore } from '../blob-store.js';
import { crawlPaths } from '../frontier-database.js';
import { readCustodyLines } from './custody-chain-check.js';
import { custodyLogName } from './custody-log.js';
import { bundleImagesDir, bundleProvenanceName, bundleRecordsName, bundleSumsName } from './evidence-bundle-layout.js';
import { newRecordId, serializeRecord, sha256Label, warcDate, type WarcLocation } from './warc-record-format.js';

const gzipAsync = promisify(gzip);

export interface BundleCapture {
  captureId: string;
  /** The capture's WARC records; taken from its custody entries when absent. */
  warc?: WarcLocation[];
  screenshotSha256?: string | null;
  imageSha256s?: string[];
}

export interface ExportEvidenceBundleInput {
  dataDir: string;
  captures: BundleCapture[];
  /** Extraction provenance (JSON) from the caller: written as provenance.json. */
  provenance: unknown;
  outDir: string;
  /** For the bundle's warcinfo, e.g. `Indicia/0.1.0`. */
  software?: string;
}

export interface ExportedBundle {
  outDir: string;
  /** Every file written, relative to outDir, with its sha256 (SHA256SUMS itself excepted). */
  files: { name: string; sha256: string }[];
  records: number;
}

/**
 * Writes an ad's evidence to `outDir` so another machine can check it with standard tools:
 * `records.warc.gz` (a warcinfo, then the captures' WARC records copied byte for byte — each gzip
 * member as stored, so its sha256 in the custody entries still holds), `images/<sha256>.<ext>`,
 * `screenshot-<sha256>.png`, `provenance.json`, `custody.jsonl` (the captures' entries, verbatim)
 * and `SHA256SUMS` for `sha256sum -c`. Records are checked against their custody sha256 before
 * they are copied: altered evidence is not exported.
 */
export async function exportEvidenceBundle(input: ExportEvidenceBundleInput): Promise<ExportedBundle> {
  await mkdir(input.outDir, { recursive: true });
  if ((await readdir(input.outDir)).length > 0) throw new UsageError(`the export directory is not empty: ${input.outDir}`);
  const wanted = new Set(input.captures.map((capture) => capture.captureId));
  const custodyLines = (await readCustodyLines(join(input.dataDir, custodyLogName)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  })).filter((line) => line.entry?.event === 'capture' && wanted.has(line.entry.captureId));
  const files: { name: string; sha256: string }[] = [];
  const write = async (name: string, bytes: Buffer): Promise<void> => {
    await writeFile(join(input.outDir, name), bytes, { flag: 'wx' });
    files.push({ name, sha256: sha256Hex(bytes) });
  };

  const locations = input.captures.flatMap((capture) => capture.warc ?? custodyLines.flatMap((line) => (line.entry?.event === 'capture' && line.entry.captureId === capture.captureId ? line.entry.warc : [])));
  const members: Buffer[] = [await gzipAsync(bundleWarcinfo(input.software ?? 'Indicia'))];
  const copied = new Set<string>();
  for (const location of locations) {
    if (copied.has(location.recordId)) continue;
    copied.add(location.recordId);
    members.push(await readVerifiedMember(input.dataDir, location));
  }
  await write(bundleRecordsName, Buffer.concat(members));

  const blobs = new BlobStore(crawlPaths(input.dataDir).blobs);
  const images = new Set(input.captures.flatMap((capture) => capture.imageSha256s ?? []));
  if (images.size > 0) await mkdir(join(input.outDir, bundleImagesDir));
  for (const sha256 of images) {
    const bytes = await blobs.get(sha256);
    await write(`${bundleImagesDir}/${sha256}.${imageExtension(bytes)}`, bytes);
  }
  const screenshots = new Set(input.captures.flatMap((capture) => (capture.screenshotSha256 ? [capture.screenshotSha256] : [])));
  for (const sha256 of screenshots) await write(`screenshot-${sha256}.png`, await blobs.get(sha256));
  await write(bundleProvenanceName, Buffer.from(`${JSON.stringify(input.provenance, null, 2)}\n`));
  await write(custodyLogName, Buffer.from(custodyLines.map((line) => `${line.text}\n`).join('')));

  // `sha256sum -c` format: hash, two spaces (text mode), path.
  await writeFile(join(input.outDir, bundleSumsName), files.map((file) => `${file.sha256}  ${file.name}\n`).join(''), { flag: 'wx' });
  return { outDir: input.outDir, files, records: copied.size };
}

async function readVerifiedMember(dataDir: string, location: WarcLocation): Promise<Buffer> {
  const handle = await open(join(dataDir, location.file), 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new DeadLetterError(`cannot export record ${location.recordId}: ${location.file} is missing (run \`indicia evidence verify\`)`);
    throw error;
  });
  try {
    const bytes = Buffer.alloc(location.length);
    const { bytesRead } = await handle.read(bytes, 0, location.length, location.offset);
    if (bytesRead !== location.length || createHash('sha256').update(bytes).digest('hex') !== location.sha256) {
      throw new DeadLetterError(`cannot export record ${location.recordId}: the bytes at ${location.file} offset ${location.offset} do not match its recorded sha256 (run \`indicia evidence verify\`)`);
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

function bundleWarcinfo(software: string): Buffer {
  const block = Buffer.from(`software: ${software}\r\nformat: WARC File Format 1.1\r\ndescription: evidence bundle; the records after this one are copied byte for byte from the crawl's WARC files\r\n`);
  return serializeRecord(
    [
      ['WARC-Type', 'warcinfo'],
      ['WARC-Record-ID', newRecordId()],
      ['WARC-Date', warcDate(new Date())],
      ['WARC-Filename', bundleRecordsName],
      ['WARC-Block-Digest', sha256Label(block)],
      ['Content-Type', 'application/warc-fields'],
    ],
    [block],
  );
}

/** From the bytes, never a header: png, jpg, gif, webp, else bin. */
function imageExtension(bytes: Buffer): string {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return 'bin';
}

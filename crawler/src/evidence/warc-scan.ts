import { open } from 'node:fs/promises';
import { checkRecordDigests } from './warc-digests.js';
import { isGzipFile, MalformedWarcError, readWarcRecords, warcField } from './warc-reader.js';
import type { EvidenceFinding } from './evidence-findings.js';

export interface ScannedRecord {
  recordId: string;
  type: string;
  offset: number;
  length: number;
  storedSha256: string;
}

/**
 * Reads every record of a WARC file and checks its digests, recording a finding for each problem.
 * After a record that cannot be read it resynchronises on the next gzip member (or `WARC/` line) so
 * one damaged record does not hide the rest of the file.
 */
export async function scanWarcFile(path: string, label: string, findings: EvidenceFinding[]): Promise<ScannedRecord[]> {
  const records: ScannedRecord[] = [];
  const gzipped = await isGzipFile(path);
  let startOffset = 0;
  for (;;) {
    try {
      for await (const record of readWarcRecords(path, { startOffset })) {
        const recordId = warcField(record, 'WARC-Record-ID') ?? '';
        records.push({ recordId, type: warcField(record, 'WARC-Type') ?? '', offset: record.offset, length: record.length, storedSha256: record.storedSha256 });
        for (const problem of checkRecordDigests(record)) {
          findings.push({
            kind: 'altered',
            severity: 'error',
            file: label,
            offset: record.offset,
            recordId,
            message: `${problem.field} ${problem.declared} does not match: ${problem.problem}`,
          });
        }
      }
      return records;
    } catch (error) {
      if (!(error instanceof MalformedWarcError)) throw error;
      const cut = /file ends inside/.test(error.problem);
      findings.push({
        kind: cut ? 'torn' : 'altered',
        severity: 'error',
        file: label,
        offset: error.offset,
        message: cut ? `${error.problem}; earlier records are intact` : error.problem,
      });
      const next = await nextRecordStart(path, error.offset + 1, gzipped);
      if (next === null) return records;
      startOffset = next;
    }
  }
}

/** The next offset at or after `from` where a gzip member header (or a `WARC/1.` line) starts. */
async function nextRecordStart(path: string, from: number, gzipped: boolean): Promise<number | null> {
  const marker = gzipped ? Buffer.from([0x1f, 0x8b, 0x08]) : Buffer.from('\r\n\r\nWARC/1.');
  const skip = gzipped ? 0 : 4;
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let position = from;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead < marker.length) return null;
      const found = chunk.subarray(0, bytesRead).indexOf(marker);
      if (found >= 0) return position + found + skip;
      position += bytesRead - marker.length + 1;
    }
  } finally {
    await handle.close();
  }
}

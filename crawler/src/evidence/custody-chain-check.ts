import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '@indicia/core';
import { custodyLogName, readCustodyHead, type CaptureCustodyEntry, type CustodyEntry } from './custody-log.js';
import type { EvidenceFinding } from './evidence-findings.js';

export interface CustodyLine {
  line: number;
  offset: number;
  text: string;
  sha256: string;
  entry: CustodyEntry | null;
}

export interface CustodyCheck {
  lines: CustodyLine[];
  captures: CaptureCustodyEntry[];
}

/** Splits the log into lines with their byte offsets and hashes; a line that does not parse has `entry: null`. */
export async function readCustodyLines(path: string): Promise<CustodyLine[]> {
  const bytes = await readFile(path);
  const lines: CustodyLine[] = [];
  let offset = 0;
  let number = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    const raw = bytes.subarray(offset, end < 0 ? bytes.length : end);
    number++;
    lines.push({ line: number, offset, text: raw.toString('utf8'), sha256: sha256Hex(raw), entry: parseQuietly(raw.toString('utf8')) });
    offset = end < 0 ? bytes.length : end + 1;
  }
  return lines;
}

/**
 * Checks the chain of a data dir's custody log: every entry's `prev` is the hash of the entry
 * with the previous seq, seqs run 1..n without gaps or repeats and in file order, and the head
 * file anchors the last line. Lines are linked by hash, not by position, so a swap is named as a
 * reordering rather than as damage to every later line.
 */
export async function checkCustodyChain(dataDir: string, findings: EvidenceFinding[]): Promise<CustodyCheck> {
  const lines = await readCustodyLines(join(dataDir, custodyLogName));
  const file = custodyLogName;
  const bySeq = new Map<number, CustodyLine>();
  const tornOffsets = new Set(lines.flatMap((line) => (line.entry?.event === 'torn-line' ? [line.entry.tornOffset] : [])));
  let previousSeq = 0;
  for (const line of lines) {
    const entry = line.entry;
    if (!entry) {
      if (tornOffsets.has(line.offset)) {
        findings.push({ kind: 'torn', severity: 'notice', file, line: line.line, offset: line.offset, message: `line ${line.line} was torn by a crash and is recorded by a later torn-line entry` });
      } else {
        findings.push({ kind: 'altered', severity: 'error', file, line: line.line, offset: line.offset, message: `line ${line.line} is not a custody entry (not JSON, or fields damaged)` });
      }
      continue;
    }
    if (bySeq.has(entry.seq)) {
      findings.push({ kind: 'out-of-band', severity: 'error', file, line: line.line, seq: entry.seq, message: `line ${line.line} repeats seq ${entry.seq} of line ${bySeq.get(entry.seq)!.line}` });
      continue;
    }
    bySeq.set(entry.seq, line);
    if (entry.seq < previousSeq) {
      findings.push({ kind: 'reordered', severity: 'error', file, line: line.line, seq: entry.seq, message: `line ${line.line} holds seq ${entry.seq} after seq ${previousSeq}: entries were reordered` });
    }
    previousSeq = Math.max(previousSeq, entry.seq);
  }
  const lastSeq = Math.max(0, ...bySeq.keys());
  for (let seq = 1; seq <= lastSeq; seq++) {
    const line = bySeq.get(seq);
    if (!line) {
      findings.push({ kind: 'missing', severity: 'error', file, seq, message: `entry seq ${seq} is missing (removed, or its line damaged)` });
      continue;
    }
    const expectedPrev = seq === 1 ? null : (bySeq.get(seq - 1)?.sha256 ?? undefined);
    if (expectedPrev !== undefined && line.entry!.prev !== expectedPrev) {
      const before = bySeq.get(seq - 1);
      findings.push({
        kind: 'altered',
        severity: 'error',
        file,
        line: before?.line ?? line.line,
        seq: seq - 1,
        message: before ? `entry seq ${seq - 1} (line ${before.line}) was altered: its sha256 is not the prev recorded by seq ${seq}` : `seq 1 has a prev: entries before it were removed`,
      });
    }
  }
  await checkHead(dataDir, lastSeq > 0 ? bySeq.get(lastSeq)! : null, bySeq, findings);
  const captures = lines.flatMap((line) => (line.entry?.event === 'capture' ? [line.entry] : []));
  return { lines, captures };
}

async function checkHead(dataDir: string, last: CustodyLine | null, bySeq: Map<number, CustodyLine>, findings: EvidenceFinding[]): Promise<void> {
  const file = 'custody.head.json';
  let head;
  try {
    head = await readCustodyHead(dataDir);
  } catch (error) {
    findings.push({ kind: 'altered', severity: 'error', file, message: `the custody head is unreadable: ${(error as Error).message}` });
    return;
  }
  if (!last) {
    if (head) findings.push({ kind: 'missing', severity: 'error', file: custodyLogName, message: `the custody log is empty but its head names seq ${head.seq}` });
    return;
  }
  if (!head) {
    findings.push({ kind: 'missing', severity: 'warning', file, message: 'the custody head is missing: the last entry cannot be checked against it' });
    return;
  }
  const lastSeq = last.entry!.seq;
  if (head.seq === lastSeq && head.sha256 === last.sha256) return;
  if (head.seq === lastSeq - 1 && bySeq.get(head.seq)?.sha256 === head.sha256) {
    findings.push({ kind: 'torn', severity: 'warning', file, seq: lastSeq, message: `the head names seq ${head.seq}, one before the last entry: a crash between writing the entry and its head` });
    return;
  }
  if (head.seq > lastSeq) {
    findings.push({ kind: 'missing', severity: 'error', file: custodyLogName, seq: lastSeq + 1, message: `the head names seq ${head.seq} but the log ends at seq ${lastSeq}: entries at the end were removed` });
    return;
  }
  const named = bySeq.get(head.seq);
  findings.push({
    kind: 'altered',
    severity: 'error',
    file: custodyLogName,
    seq: head.seq,
    line: named?.line,
    message: named ? `entry seq ${head.seq} (line ${named.line}) does not hash to the sha256 in the head: it was altered` : `the head names seq ${head.seq}, which is not in the log`,
  });
}

function parseQuietly(text: string): CustodyEntry | null {
  try {
    const value = JSON.parse(text) as Partial<CustodyEntry> | null;
    if (!value || typeof value !== 'object' || !Number.isInteger(value.seq) || (value.event !== 'capture' && value.event !== 'torn-line')) return null;
    if (value.event === 'capture' && !Array.isArray((value as CaptureCustodyEntry).warc)) return null;
    return value as CustodyEntry;
  } catch {
    // Not JSON: the caller reports the line as altered or torn.
    return null;
  }
}

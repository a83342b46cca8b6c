import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { RetryableError } from '@indicia/core';
import { ExtractionPool, extractBatchLine, type BatchLineResult, type BatchRecordOptions } from '@indicia/extractor';

export interface BatchExtractionOptions {
  input: Readable;
  output: Writable;
  /** Where bad lines, progress and the summary go. */
  log: Writable;
  defaultCountry?: string;
  /** Progress is written at most this often (and only once a run has lasted this long). */
  progressIntervalMs: number;
  /** Worker threads that extract; 0 extracts in this thread. */
  workers: number;
}

export interface BatchExtractionSummary {
  read: number;
  written: number;
  skipped: number;
  blank: number;
}

/** A line handed to extraction and not yet written, in input order. */
interface InFlightLine {
  lineNumber: number;
  line: string;
  result: Promise<BatchLineResult>;
}

/** Lines in flight per worker: enough that no worker waits while the head of the window is written. */
const linesInFlightPerWorker = 16;
/** And by size, so a corpus of 10 MB html records does not fill memory. */
const maxCharsInFlight = 64 * 1024 * 1024;

const number = new Intl.NumberFormat('en-US');

/**
 * The batch mode of `indicia extract`: JSON Lines in, one output line per good input line, in the
 * same order. Lines are read one at a time and the output's back-pressure is honoured, so memory
 * stays flat on corpora of any size. With workers, lines are parsed, extracted and serialised in
 * worker threads, a bounded window of them at once, and written in input order. A bad line is
 * reported (line number and reason, never its content: it may hold personal data) and skipped;
 * blank lines are ignored.
 */
export async function runBatchExtraction(options: BatchExtractionOptions): Promise<BatchExtractionSummary> {
  const summary: BatchExtractionSummary = { read: 0, written: 0, skipped: 0, blank: 0 };
  const recordOptions: BatchRecordOptions = options.defaultCountry ? { defaultCountry: options.defaultCountry } : {};
  const pool = options.workers > 0 ? new ExtractionPool({ workers: options.workers }) : null;
  const extractLine = (line: string): Promise<BatchLineResult> => (pool ? pool.extractBatchLine(line, recordOptions) : Promise.resolve(extractBatchLine(line, recordOptions)));
  const maxLinesInFlight = pool ? pool.size * linesInFlightPerWorker : 1;
  const window: InFlightLine[] = [];
  let charsInFlight = 0;

  const writeOldest = async (): Promise<void> => {
    const oldest = window.shift()!;
    charsInFlight -= oldest.line.length;
    const result = await settledLine(oldest, extractLine);
    if (result.ok) {
      if (!options.output.write(`${result.output}\n`)) await once(options.output, 'drain');
      summary.written++;
    } else {
      summary.skipped++;
      options.log.write(`extract: line ${oldest.lineNumber}: skipped: ${result.reason}\n`);
    }
  };

  const startedAt = Date.now();
  let lastProgressAt = startedAt;
  try {
    const lines = createInterface({ input: options.input, crlfDelay: Infinity });
    for await (const line of lines) {
      summary.read++;
      if (line.trim() === '') {
        summary.blank++;
      } else {
        const result = extractLine(line);
        // Awaited in order later; marked handled now so a failure behind the head is not "unhandled".
        result.catch(() => undefined);
        window.push({ lineNumber: summary.read, line, result });
        charsInFlight += line.length;
        while (window.length >= maxLinesInFlight || (charsInFlight >= maxCharsInFlight && window.length > 0)) await writeOldest();
      }
      const now = Date.now();
      if (now - lastProgressAt >= options.progressIntervalMs) {
        lastProgressAt = now;
        options.log.write(`extract: ${number.format(summary.read)} lines · ${linesPerSecond(summary.read, now - startedAt)} lines/s\n`);
      }
    }
    while (window.length > 0) await writeOldest();
  } finally {
    await pool?.close();
  }
  const elapsedMs = Date.now() - startedAt;
  options.log.write(
    `extract: read ${number.format(summary.read)} lines, wrote ${number.format(summary.written)}, skipped ${number.format(summary.skipped)}` +
      `${summary.blank > 0 ? `, ${number.format(summary.blank)} blank` : ''} in ${(elapsedMs / 1000).toFixed(1)} s (${linesPerSecond(summary.read, elapsedMs)} lines/s)\n`,
  );
  return summary;
}

/**
 * The line's result. A worker that died (out of memory, say) took its lines with it: each is
 * tried once more on the replacement, and reported as skipped if it fails again.
 */
async function settledLine(inFlight: InFlightLine, extractLine: (line: string) => Promise<BatchLineResult>): Promise<BatchLineResult> {
  try {
    return await inFlight.result;
  } catch (error) {
    if (!(error instanceof RetryableError)) throw error;
  }
  try {
    return await extractLine(inFlight.line);
  } catch (error) {
    if (!(error instanceof RetryableError)) throw error;
    return { ok: false, reason: `extraction failed twice: ${error.message}` };
  }
}

function linesPerSecond(lines: number, elapsedMs: number): string {
  return elapsedMs > 0 ? number.format(Math.round((lines * 1000) / elapsedMs)) : '–';
}

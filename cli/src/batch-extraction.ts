import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { extractBatchRecord, parseBatchRecord } from '@indicia/extractor';

export interface BatchExtractionOptions {
  input: Readable;
  output: Writable;
  /** Where bad lines, progress and the summary go. */
  log: Writable;
  defaultCountry?: string;
  /** Progress is written at most this often (and only once a run has lasted this long). */
  progressIntervalMs: number;
}

export interface BatchExtractionSummary {
  read: number;
  written: number;
  skipped: number;
  blank: number;
}

const number = new Intl.NumberFormat('en-US');

/**
 * The batch mode of `indicia extract`: JSON Lines in, one output line per good input line, in the
 * same order. Lines are read one at a time and the output's back-pressure is honoured, so memory
 * stays flat on corpora of any size. A bad line is reported (line number and reason, never its
 * content: it may hold personal data) and skipped; blank lines are ignored.
 */
export async function runBatchExtraction(options: BatchExtractionOptions): Promise<BatchExtractionSummary> {
  const summary: BatchExtractionSummary = { read: 0, written: 0, skipped: 0, blank: 0 };
  const startedAt = Date.now();
  let lastProgressAt = startedAt;
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  for await (const line of lines) {
    summary.read++;
    if (line.trim() === '') {
      summary.blank++;
    } else {
      const parsed = parseBatchRecord(line);
      if (parsed.ok) {
        const record = extractBatchRecord(parsed.record, options.defaultCountry ? { defaultCountry: options.defaultCountry } : {});
        if (!options.output.write(`${JSON.stringify(record)}\n`)) await once(options.output, 'drain');
        summary.written++;
      } else {
        summary.skipped++;
        options.log.write(`extract: line ${summary.read}: skipped: ${parsed.reason}\n`);
      }
    }
    const now = Date.now();
    if (now - lastProgressAt >= options.progressIntervalMs) {
      lastProgressAt = now;
      options.log.write(`extract: ${number.format(summary.read)} lines · ${linesPerSecond(summary.read, now - startedAt)} lines/s\n`);
    }
  }
  const elapsedMs = Date.now() - startedAt;
  options.log.write(
    `extract: read ${number.format(summary.read)} lines, wrote ${number.format(summary.written)}, skipped ${number.format(summary.skipped)}` +
      `${summary.blank > 0 ? `, ${number.format(summary.blank)} blank` : ''} in ${(elapsedMs / 1000).toFixed(1)} s (${linesPerSecond(summary.read, elapsedMs)} lines/s)\n`,
  );
  return summary;
}

function linesPerSecond(lines: number, elapsedMs: number): string {
  return elapsedMs > 0 ? number.format(Math.round((lines * 1000) / elapsedMs)) : '–';
}

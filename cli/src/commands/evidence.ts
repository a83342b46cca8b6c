import type { Command } from 'commander';

interface VerifyFlags {
  json?: boolean;
  data?: string;
}

interface ExportFlags {
  out: string;
  data?: string;
  capture?: string;
  force?: boolean;
}

/** `indicia evidence verify` and `indicia evidence export`: checking captures and handing them over. */
export function registerEvidenceCommand(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('Check the captured evidence (WARC files, custody log, blobs) and export an ad\'s evidence bundle')
    .addHelpText(
      'after',
      `
Examples:
  $ indicia evidence verify                       check the whole data directory
  $ indicia evidence export 3f9c… --out ./case-42/ad-3f9c
  $ cd ./case-42/ad-3f9c && sha256sum -c SHA256SUMS`,
    );

  evidence
    .command('verify')
    .description('Check every digest and the custody chain; name anything altered, missing or reordered (exit 1 if so)')
    .argument('[path]', 'a data directory, one WARC file, or an exported bundle directory (default: the data directory)')
    .option('--json', 'print the structured report as JSON')
    .option('--data <dir>', 'data directory to check when no PATH is given (default ./indicia-data, env INDICIA_DATA)')
    .addHelpText(
      'after',
      `
What is checked:
  data directory  every WARC record in warc/: its WARC-Block-Digest and WARC-Payload-Digest (sha256)
                  and that each gzip member decompresses; the custody log custody.jsonl: each entry
                  holds the sha256 of the line before it, seqs run 1..n in order, custody.head.json
                  anchors the last line; every WARC record a custody entry names is at its offset with
                  the sha256 the entry recorded; every blob (body, screenshot, image) an entry names is
                  present and hashes to its name; request/response records no entry names are reported.
  WARC file       every record's digests.
  bundle          every file against SHA256SUMS (and files it does not list), the digests of
                  records.warc.gz, and its records against the custody entries in custody.jsonl.
Errors (altered, missing, reordered) make the exit status 1. Warnings (explainable by a crash,
look at them) and notices (recorded and accounted for, e.g. a torn line after a crash) are shown
but do not fail.

Re-checking by hand, without Indicia:
  $ cd BUNDLE && sha256sum -c SHA256SUMS          every file as exported
  $ pip install warcio && warcio check records.warc.gz   WARC digests (warcio index lists records)
  $ sha256sum custody.jsonl; head -c 200 custody.jsonl    each line's "prev" is the sha256 of the line before
  Each record's stored gzip member is byte-for-byte the one in the crawl's WARC file; its sha256 is
  the "sha256" of its location in the custody entry (dd skip=OFFSET count=LENGTH bs=1 | sha256sum).

Examples:
  $ indicia evidence verify
  $ indicia evidence verify ./case-42/ad-3f9c --json
  $ indicia evidence verify ./indicia-data/warc/indicia-20260101-000000-00001.warc.gz`,
    )
    .action(async (path: string | undefined, flags: VerifyFlags) => {
      const { runEvidenceVerify } = await import('./evidence-verify.js');
      await runEvidenceVerify({ path, data: flags.data, json: flags.json });
    });

  evidence
    .command('export')
    .description('Write an ad\'s evidence bundle: WARC records, images, screenshot, extraction provenance, custody entries, SHA256SUMS')
    .argument('<adId>', 'the ad id (as in search --json and export)')
    .requiredOption('--out <dir>', 'directory to write the bundle to (must be empty)')
    .option('--capture <id>', 'only this capture of the ad (default: every capture of it)')
    .option('--force', 'replace the contents of a non-empty --out directory')
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .addHelpText(
      'after',
      `
The bundle:
  records.warc.gz     a warcinfo, then the captures' WARC records copied byte for byte
  images/<sha256>.*   the ad's images;  screenshot-<sha256>.png  browser screenshots
  provenance.json     the ad as indexed, each capture with its custody entry, every indicator with
                      where it was read (text offsets, or the image and its OCR text)
  custody.jsonl       the captures' custody entries, verbatim from the data directory's log
  SHA256SUMS          for sha256sum -c
Records are checked against their custody sha256 before they are copied: altered evidence is not exported.

Examples:
  $ indicia evidence export 3f9c… --out ./case-42/ad-3f9c
  $ indicia evidence export 3f9c… --capture 01J… --out ./case-42/ad-3f9c-first --data ./case-42/data
  $ cd ./case-42/ad-3f9c && sha256sum -c SHA256SUMS && indicia evidence verify .`,
    )
    .action(async (adId: string, flags: ExportFlags) => {
      const { runEvidenceExport } = await import('./evidence-export.js');
      const { exportSummaryText } = await import('./evidence-export-text.js');
      const outcome = await runEvidenceExport({ adId, out: flags.out, data: flags.data, capture: flags.capture, force: flags.force, software: `Indicia/${program.version() ?? 'unknown'}` });
      process.stdout.write(exportSummaryText(outcome));
    });
}

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { csvRow, UsageError } from '@indicia/core';
import { csvFields, csvHeader } from './export-csv.js';
import { openIndexStore } from '../open-index-store.js';
import { integerFlag } from '../integer-flag.js';
import { exportGraph } from './export-graph.js';

interface ExportFlags {
  format: string;
  output?: string;
  site?: string;
  data?: string;
  es?: string;
  seed?: string;
  depth: number;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write every indexed ad as JSON Lines or CSV, or the link graph as a STIX 2.1 bundle, Maltego tables or a Maltego graph file')
    .option('--format <format>', 'jsonl, csv, stix, maltego or mtgx', 'jsonl')
    .option('--output <file>', 'write to this file instead of stdout')
    .option('--site <host>', 'ads of this site only')
    .option('--seed <kind:value>', 'stix/maltego: only the graph around this indicator (see indicia graph --help)')
    .option('--depth <n>', 'stix/maltego with --seed: links to follow', integerFlag({ min: 0 }), 2)
    .option('--data <dir>', 'data directory (default ./indicia-data, env INDICIA_DATA)')
    .option('--es <url>', 'export the distributed index in this Elasticsearch instead (env INDICIA_ES)')
    .addHelpText(
      'after',
      `
Each record: {id, url, site, title, text, firstSeen, lastSeen, indicators: [{type, value, platform?, chain?, raw, source}],
location: {text, city?, country?} | null, language, age: {min, max, raw, source, start, end} | null,
prices: [{amount, maxAmount?, currency, per?, raw, source, start, end}],
images: [{url, sha256, mediaType, width, height, perceptualHash, ocr: {status, text, reason?}}],
needsBrowser, truncated} (true when the latest capture may be incomplete: it needed a browser, or was cut at a size cap).
CSV has the same fields, with phones, emails and handles also as "; "-separated columns, indicators as JSON,
the location as city and country, the age as ageMin and ageMax, prices as "1500-2000 EUR/month; 200 USD/hour",
then imageCount, imageSha256s ("; "-separated), needsBrowser and truncated,
and cells that a spreadsheet would run as formulas (starting with = + - @) prefixed with an apostrophe.

Examples:
  $ indicia export --format jsonl > ads.jsonl
  $ indicia export --format csv --output ads.csv --site velvet-nights.test
  $ indicia export --es http://127.0.0.1:9200 > ads.jsonl     the distributed index

stix: a STIX 2.1 bundle of the link graph: observables (email-addr, domain-name, url, ipv4-addr,
user-account for handles; phones and wallets as x-indicia-* objects declared by an extension
definition), ads as observed-data, registrants and registrars as identity, relationships for the
links. maltego: --output DIR gets entities.csv and links.csv (Maltego's "Import Graph from Table"),
plus one links table per pair of entity types. mtgx: --output FILE gets a Maltego graph file
(File > Open in Maltego), with typed entities (maltego.PhoneNumber, maltego.EmailAddress,
maltego.Domain, maltego.Person, maltego.Organization, ...) and labelled links. All three take the
whole graph, or --seed and --depth.
  $ indicia export --format stix --output bundle.json
  $ indicia export --format maltego --seed "phone:(702) 555-0134" --output maltego/
  $ indicia export --format mtgx --seed "phone:(702) 555-0134" --output case.mtgx`,
    )
    .action(async (flags: ExportFlags) => {
      if (flags.format === 'stix' || flags.format === 'maltego' || flags.format === 'mtgx') {
        await exportGraph({ ...flags, format: flags.format });
        return;
      }
      if (flags.format !== 'jsonl' && flags.format !== 'csv') throw new UsageError(`unknown export format "${flags.format}": use jsonl, csv, stix, maltego or mtgx`);
      const store = await openIndexStore(flags);
      const out: Writable = flags.output ? createWriteStream(flags.output) : process.stdout;
      let count = 0;
      try {
        if (flags.format === 'csv') await write(out, csvRow(csvHeader));
        for await (const ad of store.exportAds({ site: flags.site })) {
          await write(out, flags.format === 'csv' ? csvRow(csvFields(ad)) : `${JSON.stringify(ad)}\n`);
          count++;
        }
      } finally {
        await store.close();
        if (flags.output) {
          out.end();
          await once(out, 'finish');
        }
      }
      process.stderr.write(`exported ${count} ads${flags.output ? ` to ${flags.output}` : ''}\n`);
    });
}

/** Writes with back-pressure, so exporting 100,000 ads does not buffer them all. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

import type { Command } from 'commander';
import { CrawlFailedError } from '../crawl-failed-error.js';
import { addCrawlFlags, type CrawlFlagValues } from './crawl-flags.js';

export function registerCrawlCommand(program: Command): void {
  const command = program
    .command('crawl')
    .description('Crawl sites from seed URLs, extract indicators from their ads and index them (resumable)')
    .argument('<url...>', 'seed URLs; the crawl stays on their registrable domains unless --allow widens it');
  addCrawlFlags(command)
    .option('--kafka <host:port>', 'distributed mode: submit the seeds to the crawl workers on this Kafka instead of crawling here (see indicia worker --help)')
    .addHelpText(
      'after',
      `
Examples:
  $ indicia crawl http://velvet-nights.test/ --proxy http://127.0.0.1:8118
  $ indicia crawl https://ads.example/ --max-pages 500 --deny '/login' --data ./case-42
  $ INDICIA_PROXY=http://127.0.0.1:8118 indicia crawl https://ads.example/ --json
  $ indicia crawl http://velvet-nights.test/ --kafka 127.0.0.1:9092     hand the seeds to distributed workers

Interrupt it (Ctrl-C, or kill) and run the same command again: it continues where it stopped,
fetching no completed page twice and indexing no ad twice.
With --proxy set, a proxy that is down makes requests fail; Indicia never falls back to a direct connection.`,
    )
    .action(async (urls: string[], flags: CrawlFlagValues & { kafka?: string }) => {
      if (flags.kafka !== undefined) {
        const { submitSeeds } = await import('../distributed/submit-seeds.js');
        const submission = await submitSeeds(urls, flags);
        process.stdout.write(
          `submitted ${submission.seeds.length} seed${submission.seeds.length === 1 ? '' : 's'} as run ${submission.id} to Kafka ${submission.kafka.join(',')} (topic ${submission.topicPrefix}.crawl.requested)\n` +
            `the crawl, extract and index workers take it from here (indicia worker --help); search with --es URL\n`,
        );
        return;
      }
      // Loaded on use so that --help and usage errors answer at once.
      const { runCrawlRequest } = await import('../run-crawl.js');
      const { crawlReportJson, crawlReportText } = await import('../crawl-report.js');
      const outcome = await runCrawlRequest({ seeds: urls, flags });
      if (flags.json) process.stdout.write(`${JSON.stringify(crawlReportJson(outcome), null, 2)}\n`);
      else process.stdout.write(`${crawlReportText(outcome)}\n`);
      const crawl = outcome.result.crawl;
      if (crawl.captured === 0 && crawl.alreadyCaptured === 0 && crawl.failed > 0) {
        throw new CrawlFailedError(`every page failed (${crawl.failed}); first: ${crawl.failures[0]?.url ?? '?'} — ${crawl.failures[0]?.reason ?? 'unknown'}`);
      }
    });
}

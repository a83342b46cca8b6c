import { Option, type Command } from 'commander';
import { integerFlag } from '../integer-flag.js';
import { addCrawlFlags, type CrawlFlagValues } from './crawl-flags.js';

export interface WorkerFlags extends CrawlFlagValues {
  kafka?: string;
  es?: string;
  indexConcurrency?: number;
}

const kafkaFlag = (command: Command): Command => command.option('--kafka <host:port>', 'Kafka bootstrap server(s), comma-separated (env INDICIA_KAFKA)');
const verboseFlag = (command: Command): Command => command.addOption(new Option('--verbose', 'log at debug level (JSON lines on stderr; info level without it)'));

export function registerWorkerCommand(program: Command): void {
  const worker = program
    .command('worker')
    .description('Run one pipeline stage as a distributed worker on Kafka (crawl, extract or index); start as many as you need')
    .addHelpText(
      'after',
      `
Distributed mode: the same stages as \`indicia crawl\`, one process each, joined by Kafka, with the
index in Elasticsearch. Every worker of a kind joins one consumer group, so adding workers shares
the work; the crawl frontier is keyed by host, so one host's pages go to one crawl worker and
per-host politeness holds whatever the number of workers.

Examples:
  $ infra/kafka.sh start && infra/elasticsearch.sh start        (or: docker compose -f infra/docker-compose.yml up -d)
  $ indicia worker crawl   --kafka 127.0.0.1:9092 --data ./crawler-1 &
  $ indicia worker extract --kafka 127.0.0.1:9092 &
  $ indicia worker index   --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200 &
  $ indicia crawl http://velvet-nights.test/ --kafka 127.0.0.1:9092     submits the seeds
  $ indicia search "(702) 555-0134" --es http://127.0.0.1:9200

A worker killed at any point loses nothing: messages are committed only after they are handled,
and every write is an upsert by a deterministic id, so a redelivered message makes no duplicate.
Ctrl-C (or SIGTERM) finishes the messages in hand and commits them; a second one quits at once.
Settings also come from INDICIA_KAFKA, INDICIA_ES, INDICIA_TOPIC_PREFIX and INDICIA_ES_PREFIX.`,
    );

  addCrawlFlags(kafkaFlag(worker.command('crawl').description('Fetch the URLs of the crawl frontier (topic PREFIX.crawl.requested), keep the captures (WARC, blobs) in --data, publish page.captured and new links')))
    .addHelpText('after', `
Examples:
  $ indicia worker crawl --kafka 127.0.0.1:9092 --data ./crawler-1 --proxy http://127.0.0.1:8118
  $ indicia worker crawl --kafka 127.0.0.1:9092 --data ./crawler-2 --delay 500 --mode http

The seeds, the depth limit and --recrawl come with each submission (indicia crawl URL --kafka ...);
the rest (proxy, politeness, caps, browser) is this worker's. Start several, each with its own --data.`)
    .action(async (flags: WorkerFlags) => {
      const { runCrawlWorker } = await import('../distributed/worker-kinds.js');
      await runCrawlWorker(flags);
    });

  verboseFlag(kafkaFlag(worker.command('extract').description('Extract indicators, ad fields and image text (OCR) from page.captured; publish ad.extracted and domain.seen')))
    .option('--country <cc>', 'country for national phone numbers when a page does not tell (e.g. US)')
    .option('--extract-workers <n>', 'worker threads that extract (default: cores - 1, at least 1; env INDICIA_EXTRACT_WORKERS)', integerFlag({ min: 0 }))
    .option('--ocr-workers <n>', 'tesseract.js workers reading text in images (default: cores - 1; env INDICIA_OCR_WORKERS)', integerFlag({ min: 1 }))
    .option('--config <file>', 'JSON file with "sites": per-site extraction config, and any crawl setting')
    .addHelpText('after', `
Examples:
  $ indicia worker extract --kafka 127.0.0.1:9092
  $ indicia worker extract --kafka 127.0.0.1:9092 --country US --extract-workers 3 --ocr-workers 2`)
    .action(async (flags: WorkerFlags) => {
      const { runExtractWorker } = await import('../distributed/worker-kinds.js');
      await runExtractWorker(flags);
    });

  verboseFlag(kafkaFlag(worker.command('index').description('Write ad.extracted to the Elasticsearch index (bulk, upserts by ad id)')))
    .option('--es <url>', 'Elasticsearch URL (env INDICIA_ES)')
    .option('--index-concurrency <n>', 'ads gathered into one bulk request, at most (default 256)', integerFlag({ min: 1 }))
    .addHelpText('after', `
Examples:
  $ indicia worker index --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200
  $ INDICIA_ES_PREFIX=case42 indicia worker index --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200

An ad is committed on Kafka only once Elasticsearch acknowledged it. While Elasticsearch is down or
overloaded (429, 5xx) writes are retried with backoff for 90 s, then the messages are retried later.`)
    .action(async (flags: WorkerFlags) => {
      const { runIndexWorker } = await import('../distributed/worker-kinds.js');
      await runIndexWorker(flags);
    });
}

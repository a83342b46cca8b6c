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
    .description('Run one pipeline stage as a distributed worker on Kafka (crawl, extract, index or pivot); start as many as you need')
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
  $ indicia worker pivot   --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200 &     (WHOIS/RDAP and DNS of the domains seen)
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

  verboseFlag(kafkaFlag(worker.command('index').description('Write ad.extracted, and the pivot workers\' whois.recorded and dns.recorded, to the Elasticsearch index (bulk, upserts by deterministic id)')))
    .option('--es <url>', 'Elasticsearch URL (env INDICIA_ES)')
    .option('--index-concurrency <n>', 'ads gathered into one bulk request, at most (default 256)', integerFlag({ min: 1 }))
    .addHelpText('after', `
Examples:
  $ indicia worker index --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200
  $ INDICIA_ES_PREFIX=case42 indicia worker index --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200

An ad is committed on Kafka only once Elasticsearch acknowledged it. While Elasticsearch is down or
overloaded (429, 5xx) writes are retried with backoff for 90 s, then the messages are retried later.
Registration and DNS snapshots are kept forever (the WHOIS history), each under a deterministic id:
a redelivered snapshot is not stored twice.`)
    .action(async (flags: WorkerFlags) => {
      const { runIndexWorker } = await import('../distributed/index-worker.js');
      await runIndexWorker(flags);
    });

  verboseFlag(kafkaFlag(worker.command('pivot').description('Look up the WHOIS/RDAP registration and DNS of each domain.seen (once per refresh interval); publish whois.recorded and dns.recorded')))
    .option('--es <url>', 'Elasticsearch URL (env INDICIA_ES): the history tells when a domain was last looked at')
    .option('--pivot-refresh <duration>', 'look at a domain again once its last snapshot is this old: 12h, 7d (default 7d; env INDICIA_PIVOT_REFRESH)')
    .option('--no-pivot', 'look nothing up (every domain is acknowledged as it comes; env INDICIA_PIVOT)')
    .option('--concurrency <n>', 'domains looked up at once (default 16, as in a crawl); each WHOIS/RDAP server is still paced (INDICIA_LOOKUP_INTERVAL_MS)', integerFlag({ min: 1 }))
    .option('--config <file>', 'a crawl\'s JSON config file: its WHOIS/RDAP/DNS settings apply')
    .option('--data <dir>', 'where a refreshed RDAP bootstrap is kept (default: the bundled snapshot only)')
    .addHelpText('after', `
Examples:
  $ indicia worker pivot --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200
  $ INDICIA_WHOIS_SERVERS='*=127.0.0.1:4343' INDICIA_DNS_RESOLVERS=127.0.0.1:5353 indicia worker pivot --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200
  $ indicia worker pivot --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200 --config crawl.json --pivot-refresh 12h

The settings are a crawl's: INDICIA_RDAP_SERVERS, INDICIA_WHOIS_SERVERS, INDICIA_WHOIS_CONNECT,
INDICIA_DNS_RESOLVERS, INDICIA_LOOKUP_INTERVAL_MS, INDICIA_PIVOT_REFRESH, or the same keys in --config.
The worker says at start what its lookups will do. Start two or more to share the work: they form
one consumer group, and domain.seen is keyed by domain, so all of one domain's messages go to one
worker, which looks it up once however many pages name it. Each worker paces its own queries:
two workers may ask one WHOIS server twice as often. The snapshots go to the index workers;
\`indicia pivot refresh --es URL --kafka H:P\` hands every known domain back to these workers.`)
    .action(async (flags: WorkerFlags) => {
      const { runPivotWorker } = await import('../distributed/pivot-worker.js');
      await runPivotWorker(flags);
    });
}

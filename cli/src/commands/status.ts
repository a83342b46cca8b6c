import type { Command } from 'commander';

interface StatusFlags {
  kafka?: string;
  es?: string;
  json?: boolean;
}

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('Distributed mode: how far behind each stage is (Kafka consumer lag), its workers, and what the Elasticsearch index holds')
    .option('--kafka <host:port>', 'Kafka bootstrap server(s) (env INDICIA_KAFKA)')
    .option('--es <url>', 'also count what the Elasticsearch index holds (env INDICIA_ES)')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
A run is finished when every stage's lag is 0 and stays 0.

Examples:
  $ indicia status --kafka 127.0.0.1:9092 --es http://127.0.0.1:9200
  crawl.requested → crawl     lag 0      produced 1,204   workers 2
  page.captured   → extract   lag 12     produced 1,201   workers 1
  ...`,
    )
    .action(async (flags: StatusFlags) => {
      const { resolveDistributed } = await import('../distributed/distributed-config.js');
      const { pipelineLag, deadLetterCount } = await import('@indicia/bus');
      const distributed = resolveDistributed(flags, { needsEs: false });
      const lags = await pipelineLag({ brokers: distributed.kafka, topicPrefix: distributed.topicPrefix });
      const deadLetters = await deadLetterCount({ brokers: distributed.kafka, topicPrefix: distributed.topicPrefix });
      let index: { ads: number; indicators: number } | null = null;
      if (distributed.es) {
        const { ElasticsearchIndexStore } = await import('@indicia/indexer');
        const store = await ElasticsearchIndexStore.open({ node: distributed.es, indexPrefix: distributed.esPrefix });
        try {
          const summary = await store.summary();
          index = { ads: summary.ads, indicators: summary.indicators };
        } finally {
          await store.close();
        }
      }
      const idle = lags.every((lag) => lag.lag === 0);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ idle, stages: lags, deadLetters, index }, null, 2)}\n`);
        return;
      }
      const number = new Intl.NumberFormat('en-US');
      if (lags.length === 0) process.stdout.write(`no worker has consumed from topics ${distributed.topicPrefix}.* yet\n`);
      for (const lag of lags) {
        process.stdout.write(`${`${lag.type} → ${lag.group}`.padEnd(28)} lag ${number.format(lag.lag).padEnd(8)} produced ${number.format(lag.produced).padEnd(10)} workers ${lag.members}\n`);
      }
      process.stdout.write(`dead letters: ${number.format(deadLetters)}${deadLetters > 0 ? ` (messages that failed for good, with why: topic ${distributed.topicPrefix}.dead-letter)` : ''}\n`);
      if (index) process.stdout.write(`index: ${number.format(index.ads)} ads, ${number.format(index.indicators)} indicators\n`);
      process.stdout.write(idle ? 'idle: every stage has caught up\n' : 'working: some stages are behind\n');
    });
}

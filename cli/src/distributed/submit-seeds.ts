import { createEnvelope, createLogger, newRunId, UsageError } from '@indicia/core';
import { KafkaTransport } from '@indicia/bus';
import { canonicalizeUrl } from '@indicia/crawler';
import { crawlConfig, readConfigFile } from '../crawl-config.js';
import { crawlFlagsToConfig, type CrawlFlagValues } from '../commands/crawl-flags.js';
import { resolveDistributed } from './distributed-config.js';

export interface Submission {
  id: string;
  seeds: string[];
  kafka: string[];
  topicPrefix: string;
}

/**
 * `indicia crawl URL... --kafka`: puts the seeds on the crawl frontier topic for the crawl workers,
 * with what every request reached from them carries (scope seeds, depth limit, recrawl).
 */
export async function submitSeeds(urls: string[], flags: CrawlFlagValues & { kafka?: string }): Promise<Submission> {
  const seeds = urls.map((seed) => {
    try {
      return canonicalizeUrl(seed);
    } catch {
      throw new UsageError(`not a crawlable URL: ${seed} (give a full http:// or https:// URL)`);
    }
  });
  if (seeds.length === 0) throw new UsageError('give at least one URL to crawl');
  const distributed = resolveDistributed(flags, { needsEs: false });
  const { values } = crawlConfig.resolve({ flags: crawlFlagsToConfig(flags), env: process.env, file: readConfigFile(flags.config) });
  const id = newRunId();
  const submission = { id, seeds, maxDepth: values.maxDepth, recrawl: values.recrawl };
  const log = createLogger({ level: flags.verbose ? 'debug' : 'warn' });
  const transport = await KafkaTransport.connect({ brokers: distributed.kafka, topicPrefix: distributed.topicPrefix, clientId: `submit-${id}`, log });
  try {
    await transport.start();
    await Promise.all(
      seeds.map((seed) =>
        transport.publish(
          createEnvelope('crawl.requested', { url: seed, canonicalUrl: seed, host: new URL(seed).hostname, depth: 0, parentUrl: null, submission }, { runId: id, producer: 'submit' }),
        ),
      ),
    );
  } finally {
    await transport.close();
  }
  return { id, seeds, kafka: distributed.kafka, topicPrefix: distributed.topicPrefix };
}

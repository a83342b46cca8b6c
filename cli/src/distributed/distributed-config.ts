import { UsageError, defineConfig, z } from '@indicia/core';

const hostPort = z.string().regex(/^[^\s:/]+:\d{1,5}$/, { message: 'must be HOST:PORT, e.g. 127.0.0.1:9092' });

/**
 * Where distributed mode's servers are: flags beat the environment, which beats the defaults.
 * The same variables serve every worker and the submitting `indicia crawl --kafka`.
 */
export const distributedConfig = defineConfig({
  kafka: {
    flag: '--kafka',
    schema: z.array(hostPort).min(1).nullable().default(null),
    env: 'INDICIA_KAFKA',
    description: 'Kafka bootstrap servers, HOST:PORT (comma-separated in the environment)',
  },
  topicPrefix: {
    schema: z.string().regex(/^[A-Za-z0-9._-]+$/).default('indicia'),
    env: 'INDICIA_TOPIC_PREFIX',
    description: 'topics are named PREFIX.MESSAGE-TYPE; one prefix per deployment',
  },
  es: {
    flag: '--es',
    schema: z.string().url().nullable().default(null),
    env: 'INDICIA_ES',
    description: 'Elasticsearch URL of the distributed index',
  },
  esPrefix: {
    schema: z.string().regex(/^[a-z0-9._-]+$/).default('indicia'),
    env: 'INDICIA_ES_PREFIX',
    description: 'indices are named PREFIX-...; one prefix per deployment',
  },
});

export type DistributedSettings = ReturnType<typeof distributedConfig.resolve>['values'];

/** Distributed settings for a command that needs Kafka (and, with `needsEs`, Elasticsearch); a missing one is a usage error saying how to get it. */
export function resolveDistributed(flags: { kafka?: string; es?: string }, options: { needsEs: boolean }, env: Record<string, string | undefined> = process.env): DistributedSettings & { kafka: string[] } {
  // An empty variable (INDICIA_KAFKA=) reads as unset, as a shell user means it.
  const setEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const values = distributedConfig.resolve({ flags: { kafka: flags.kafka?.split(',').map((s) => s.trim()), es: flags.es }, env: setEnv }).values;
  if (values.kafka === null) {
    throw new UsageError('distributed mode needs Kafka: pass --kafka HOST:PORT or set INDICIA_KAFKA (no Kafka yet? `infra/kafka.sh start`, or `docker compose -f infra/docker-compose.yml up -d`)');
  }
  if (options.needsEs && values.es === null) {
    throw new UsageError('this needs Elasticsearch: pass --es URL or set INDICIA_ES (no Elasticsearch yet? `infra/elasticsearch.sh start`, or `docker compose -f infra/docker-compose.yml up -d`)');
  }
  return { ...values, kafka: values.kafka };
}

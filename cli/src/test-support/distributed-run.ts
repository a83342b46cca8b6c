import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pipelineLag, readDeadLetters, readWholeTopic, topicFor, type DeadLetterRecord, type GroupLag } from '@indicia/bus';
import { ElasticsearchIndexStore, type ExportedAd } from '@indicia/indexer';
import { collect, runIndicia, spawnIndicia, tempDir, type CliResult } from './run-cli.js';

export type WorkerKind = 'crawl' | 'extract' | 'index';

/** The servers the distributed tests use: started by `npm test` through infra/ (or given in the environment). */
export const testServers = {
  kafka: process.env.INDICIA_TEST_KAFKA ?? '127.0.0.1:9092',
  es: process.env.INDICIA_TEST_ES_URL ?? 'http://127.0.0.1:9200',
};

export interface DistributedRunOptions {
  /** The testbed's proxy: the crawl worker fetches through it, as the embedded crawl does. */
  proxyUrl: string;
  /** Extra flags for the crawl worker (and the submission). */
  crawlArgs?: string[];
  /** Servers of the test's own; the shared test servers by default. */
  servers?: { kafka: string; es: string };
  /** The workers' log level (INDICIA_LOG_LEVEL); debug says what became of each request. */
  logLevel?: 'debug' | 'info';
}

/**
 * A distributed deployment for one test: its own topic and index prefixes on the shared servers,
 * each stage a real `indicia worker` process that the test can kill and restart.
 */
export class DistributedRun {
  readonly topicPrefix = `t${randomBytes(4).toString('hex')}`;
  readonly esPrefix = this.topicPrefix;
  readonly crawlData = tempDir('distributed-crawl');
  private readonly workers = new Map<WorkerKind, { child: ChildProcess; result: Promise<CliResult>; stderr: () => string }>();
  /** stderr of every worker that ended, for failure messages. */
  readonly endedWorkers: Array<{ kind: WorkerKind; result: CliResult }> = [];

  private readonly servers: { kafka: string; es: string };

  constructor(private readonly options: DistributedRunOptions) {
    this.servers = options.servers ?? testServers;
  }

  get env(): Record<string, string> {
    return { INDICIA_TOPIC_PREFIX: this.topicPrefix, INDICIA_ES_PREFIX: this.esPrefix, ...(this.options.logLevel ? { INDICIA_LOG_LEVEL: this.options.logLevel } : {}) };
  }

  start(kind: WorkerKind): void {
    if (this.workers.has(kind)) throw new Error(`a ${kind} worker is already running`);
    const args = ['worker', kind, '--kafka', this.servers.kafka];
    if (kind === 'crawl') args.push('--proxy', this.options.proxyUrl, '--data', this.crawlData.path, ...(this.options.crawlArgs ?? []));
    if (kind === 'extract') args.push('--extract-workers', '1', '--ocr-workers', '1');
    if (kind === 'index') args.push('--es', this.servers.es);
    const child = spawnIndicia(args, { env: this.env });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    // INDICIA_TEST_WORKER_LOGS=DIR keeps each worker's whole stderr there, for a person to read.
    const keepLogsIn = process.env.INDICIA_TEST_WORKER_LOGS;
    if (keepLogsIn) child.stderr?.pipe(createWriteStream(join(keepLogsIn, `${this.topicPrefix}-${kind}-${child.pid ?? 'unknown'}.log`)));
    const result = collect(child, 30 * 60_000).then((ended) => {
      this.endedWorkers.push({ kind, result: ended });
      return ended;
    });
    this.workers.set(kind, { child, result, stderr: () => stderr });
  }

  startAll(): void {
    for (const kind of ['crawl', 'extract', 'index'] as const) this.start(kind);
  }

  /** Sends the signal and waits for the worker to end. */
  async stop(kind: WorkerKind, signal: NodeJS.Signals = 'SIGTERM'): Promise<CliResult> {
    const worker = this.workers.get(kind);
    if (!worker) throw new Error(`no ${kind} worker is running`);
    worker.child.kill(signal);
    const ended = await worker.result;
    this.workers.delete(kind);
    return ended;
  }

  async submit(seeds: string[]): Promise<CliResult> {
    const submitted = await runIndicia(['crawl', ...seeds, '--kafka', this.servers.kafka, ...(this.options.crawlArgs ?? [])], { env: this.env });
    if (submitted.code !== 0) throw new Error(`submission failed: ${submitted.stderr}`);
    return submitted;
  }

  /**
   * Resolves once every stage has consumed everything (lag 0 in the crawl, extract and index
   * groups) and nothing new was produced for `quietMs`: the run is over.
   */
  async waitUntilIdle(options: { timeoutMs: number; quietMs?: number }): Promise<GroupLag[]> {
    const deadline = Date.now() + options.timeoutMs;
    const quietMs = options.quietMs ?? 3000;
    let lastProduced = -1;
    let quietSince = Date.now();
    for (;;) {
      const lags = await pipelineLag({ brokers: [this.servers.kafka], topicPrefix: this.topicPrefix }).catch(() => [] as GroupLag[]);
      const groups = new Set(lags.map((lag) => lag.group));
      const produced = lags.reduce((sum, lag) => sum + lag.produced, 0);
      if (produced !== lastProduced) {
        lastProduced = produced;
        quietSince = Date.now();
      }
      const caughtUp = ['crawl', 'extract', 'index'].every((group) => groups.has(group)) && lags.every((lag) => lag.lag === 0);
      if (caughtUp && Date.now() - quietSince >= quietMs) return lags;
      if (Date.now() > deadline) {
        throw new Error(`the pipeline did not finish in ${options.timeoutMs} ms: ${JSON.stringify(lags)}\n${this.workerLogs()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Messages of this run that failed for good, with why. */
  deadLetters(): Promise<DeadLetterRecord[]> {
    return readDeadLetters({ brokers: [this.servers.kafka], topicPrefix: this.topicPrefix });
  }

  async exportAds(): Promise<ExportedAd[]> {
    const store = await ElasticsearchIndexStore.open({ node: this.servers.es, indexPrefix: this.esPrefix });
    const ads: ExportedAd[] = [];
    try {
      for await (const ad of store.exportAds()) ads.push(ad);
    } finally {
      await store.close();
    }
    return ads;
  }

  /** The end of what each worker wrote to stderr: the ones that ended, then the ones running. */
  workerLogs(): string {
    const ended = this.endedWorkers.map(({ kind, result }) => `--- ${kind} worker (exit ${result.code ?? result.signal}):\n${result.stderr.slice(-3000)}`);
    const running = [...this.workers].map(([kind, worker]) => `--- ${kind} worker (running):\n${worker.stderr().slice(-3000)}`);
    return [...ended, ...running].join('\n');
  }

  /**
   * Fails unless every expected ad was indexed, saying for each missing one where along the
   * pipeline it stopped, and which crawl requests were dead-lettered and why.
   */
  async assertNoAdLost(expectedUrls: string[], indexedUrls: string[]): Promise<void> {
    const indexed = new Set(indexedUrls);
    const missing = expectedUrls.filter((url) => !indexed.has(url));
    if (missing.length === 0) return;
    const crawlFailures = (await this.deadLetters()).filter((record) => record.type === 'crawl.requested').map((record) => `${record.group}: ${record.error}`);
    assert.fail(
      [`${missing.length} ad(s) lost: ${missing.join(' ')}`, 'crawl requests dead-lettered:', ...crawlFailures, 'what became of the missing ads:', ...(await this.traceUrls(missing)), this.workerLogs()].join('\n'),
    );
  }

  /**
   * What became of each URL along the pipeline: its state in the crawl worker's frontier, how many
   * times it was requested, captured and extracted on the bus, and the worker log lines naming it.
   */
  async traceUrls(urls: string[]): Promise<string[]> {
    const countsOf = async (type: 'crawl.requested' | 'page.captured' | 'ad.extracted'): Promise<Map<string, number>> => {
      const counts = new Map<string, number>();
      for (const value of await readWholeTopic(topicFor(this.topicPrefix, type), { brokers: [this.servers.kafka] })) {
        const url = (JSON.parse(value) as { payload: { canonicalUrl: string } }).payload.canonicalUrl;
        counts.set(url, (counts.get(url) ?? 0) + 1);
      }
      return counts;
    };
    const [requested, captured, extracted] = await Promise.all([countsOf('crawl.requested'), countsOf('page.captured'), countsOf('ad.extracted')]);
    const frontier = new Database(join(this.crawlData.path, 'crawl.sqlite'), { readonly: true });
    const logs = [...this.endedWorkers.map(({ result }) => result.stderr), ...[...this.workers.values()].map((worker) => worker.stderr())].join('\n').split('\n');
    try {
      const stateOf = frontier.prepare('SELECT state, attempts, last_error FROM urls WHERE canonical_url = ?');
      return urls.map((url) => {
        const row = stateOf.get(url) as { state: string; attempts: number; last_error: string | null } | undefined;
        const frontierState = row ? `${row.state} after ${row.attempts} attempt(s)${row.last_error ? ` (${row.last_error})` : ''}` : 'unknown';
        const mentions = logs.filter((line) => line.includes(`"${url}"`)).map((line) => `\n    ${line.slice(0, 400)}`);
        return `${url}: frontier ${frontierState}; requested ${requested.get(url) ?? 0}, captured ${captured.get(url) ?? 0}, extracted ${extracted.get(url) ?? 0}${mentions.join('')}`;
      });
    } finally {
      frontier.close();
    }
  }

  /** Stops every worker, deletes the topics and indices of this run and its crawl data. */
  async close(): Promise<void> {
    await Promise.all([...this.workers.keys()].map((kind) => this.stop(kind, 'SIGKILL')));
    await deleteIndices(this.servers.es, this.esPrefix);
    await deleteTopics(this.servers.kafka, this.topicPrefix);
    this.crawlData.remove();
  }
}

async function deleteIndices(es: string, prefix: string): Promise<void> {
  const response = await fetch(`${es}/_cat/indices/${prefix}-*?format=json&h=index`);
  if (!response.ok) return;
  const indices = (await response.json()) as Array<{ index: string }>;
  // Elasticsearch refuses wildcard deletes by default: name each index.
  for (const { index } of indices) await fetch(`${es}/${index}`, { method: 'DELETE' });
}

async function deleteTopics(kafka: string, prefix: string): Promise<void> {
  const { deleteDeploymentTopics } = await import('@indicia/bus');
  await deleteDeploymentTopics({ brokers: [kafka], topicPrefix: prefix });
}

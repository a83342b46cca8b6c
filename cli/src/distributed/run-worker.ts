import { hostname } from 'node:os';
import { attachStage, type Logger, type MessageType, type Stage, type StopRunError } from '@indicia/core';
import { KafkaTransport } from '@indicia/bus';
import { countedStage, type StageCounts } from './counted-stage.js';
import type { DistributedSettings } from './distributed-config.js';

export interface WorkerRun<T extends MessageType> {
  /** crawl, extract or index: the consumer group, and what the progress line says. */
  kind: string;
  stage: Stage<T>;
  /** Messages of the stage handled at once. */
  concurrency: number;
  distributed: DistributedSettings & { kafka: string[] };
  log: Logger;
  /** Extra figures for the progress line (pages/s for a crawler...). */
  describe?: () => string;
  /** Deliveries of a message before it is dead-lettered, and the first retry delay (doubling); the bus's defaults otherwise. */
  retries?: { maxAttempts: number; retryBaseMs: number };
}

const progressIntervalMs = 5000;

/**
 * Runs one pipeline stage as a Kafka consumer group member until told to stop. The first SIGINT or
 * SIGTERM stops taking messages, lets those in hand finish and commits them; a second quits at
 * once (uncommitted messages are redelivered to another worker: nothing is lost).
 */
export async function runWorker<T extends MessageType>(run: WorkerRun<T>): Promise<StageCounts> {
  const { stage, counts } = countedStage(run.stage);
  const workerId = `${run.kind}-${hostname()}-${process.pid}`;
  process.stderr.write(`worker ${run.kind}: connecting to Kafka at ${run.distributed.kafka.join(',')}\n`);
  const transport = await KafkaTransport.connect({
    brokers: run.distributed.kafka,
    topicPrefix: run.distributed.topicPrefix,
    clientId: workerId,
    log: run.log,
    ...(run.retries ?? {}),
  });
  let deadLetters = 0;
  transport.onDeadLetter((deadLetter) => {
    deadLetters++;
    run.log.warn({ group: deadLetter.group, error: deadLetter.error, attempts: deadLetter.attempts }, 'message dead-lettered');
  });
  attachStage(stage, transport, { log: run.log, concurrency: run.concurrency, group: run.kind });
  await transport.start();
  process.stderr.write(`worker ${run.kind}: consuming ${stage.consumes} as group "${run.kind}" from Kafka ${run.distributed.kafka.join(',')} (topics ${run.distributed.topicPrefix}.*)\n`);

  const startedAt = Date.now();
  const line = () => {
    const seconds = (Date.now() - startedAt) / 1000;
    const rate = seconds > 0 ? (counts.handled / seconds).toFixed(1) : '0.0';
    return `worker ${run.kind}: ${counts.handled} handled · ${rate}/s · in flight ${counts.inFlight} · failed attempts ${counts.failedAttempts} · dead-lettered ${deadLetters}${run.describe ? ` · ${run.describe()}` : ''}`;
  };
  const progress = setInterval(() => process.stderr.write(`${line()}\n`), progressIntervalMs);

  let interrupts = 0;
  let requestStop!: () => void;
  let failure: StopRunError | null = null;
  const stopped = new Promise<void>((resolve) => (requestStop = resolve));
  // The run cannot go on (a stage threw StopRunError, or a consumer failed for good): stop and say why.
  transport.onRunStopped((error) => {
    failure = error;
    requestStop();
  });
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write(`worker ${run.kind}: stopping: finishing the messages in hand and committing them (signal again to quit at once; nothing is lost)\n`);
      requestStop();
    } else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await stopped;
    await transport.close();
  } finally {
    clearInterval(progress);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stage.close?.();
  }
  process.stderr.write(`${line()}\nworker ${run.kind}: stopped\n`);
  if (failure) throw failure;
  return counts;
}

import { hostname } from 'node:os';
import { attachStage, type Logger, type MessageType, type Stage, type StopRunError } from '@indicia/core';
import { KafkaTransport } from '@indicia/bus';
import { countedStage, type StageCounts } from './counted-stage.js';
import type { DistributedSettings } from './distributed-config.js';

/**
 * One stage a worker runs, with how many of its messages are handled at once. A union over the
 * message types (not `Stage<MessageType>`), so each stage keeps its own message type.
 */
export type WorkerStage = { [T in MessageType]: { stage: Stage<T>; concurrency: number } }[MessageType];

export interface WorkerRun {
  /** crawl, extract, index or pivot: the consumer-group name of every stage, and what the progress line says. */
  kind: string;
  /** Run on one transport; each consumes its own topic in its own consumer group (Kafka group PREFIX.TYPE.KIND). */
  stages: WorkerStage[];
  distributed: DistributedSettings & { kafka: string[] };
  log: Logger;
  /** Extra figures for the progress line (pages/s for a crawler...). */
  describe?: () => string;
  /** Deliveries of a message before it is dead-lettered, and the first retry delay (doubling); the bus's defaults otherwise. */
  retries?: { maxAttempts: number; retryBaseMs: number };
  /** Releases what the stages share (an index store), once every stage has closed. */
  close?: () => Promise<void>;
}

interface CountedWorkerStage {
  type: MessageType;
  counts: StageCounts;
  close?: () => Promise<void>;
}

const progressIntervalMs = 5000;

/**
 * Runs a worker's stages as Kafka consumer group members until told to stop. The first SIGINT or
 * SIGTERM stops taking messages, lets those in hand finish and commits them; a second quits at
 * once (uncommitted messages are redelivered to another worker: nothing is lost).
 */
export async function runWorker(run: WorkerRun): Promise<StageCounts> {
  if (run.stages.length === 0) throw new Error(`worker ${run.kind} has no stage to run`);
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
  const stages = run.stages.map((workerStage) => attachCounted(workerStage, transport, run));
  await transport.start();
  const consumed = stages.map((stage) => stage.type).join(', ');
  process.stderr.write(`worker ${run.kind}: consuming ${consumed} as group "${run.kind}" from Kafka ${run.distributed.kafka.join(',')} (topics ${run.distributed.topicPrefix}.*)\n`);

  const startedAt = Date.now();
  const total = (): StageCounts => ({
    handled: sum(stages, (stage) => stage.counts.handled),
    failedAttempts: sum(stages, (stage) => stage.counts.failedAttempts),
    inFlight: sum(stages, (stage) => stage.counts.inFlight),
  });
  const line = () => {
    const counts = total();
    const seconds = (Date.now() - startedAt) / 1000;
    const rate = seconds > 0 ? (counts.handled / seconds).toFixed(1) : '0.0';
    // With several stages, what each handled: the total alone hides a stage that is stuck.
    const perStage = stages.length > 1 ? ` (${stages.map((stage) => `${stage.type} ${stage.counts.handled}`).join(', ')})` : '';
    return `worker ${run.kind}: ${counts.handled} handled${perStage} · ${rate}/s · in flight ${counts.inFlight} · failed attempts ${counts.failedAttempts} · dead-lettered ${deadLetters}${run.describe ? ` · ${run.describe()}` : ''}`;
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
    try {
      for (const stage of stages) await stage.close?.();
    } finally {
      await run.close?.();
    }
  }
  process.stderr.write(`${line()}\nworker ${run.kind}: stopped\n`);
  if (failure) throw failure;
  return total();
}

/** Counts the stage's work and subscribes it; generic so the stage and its subscription share one message type. */
function attachCounted<T extends MessageType>(workerStage: { stage: Stage<T>; concurrency: number }, transport: KafkaTransport, run: WorkerRun): CountedWorkerStage {
  const { stage, counts } = countedStage(workerStage.stage);
  attachStage(stage, transport, { log: run.log, concurrency: workerStage.concurrency, group: run.kind });
  return { type: stage.consumes, counts, ...(stage.close ? { close: () => stage.close!() } : {}) };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

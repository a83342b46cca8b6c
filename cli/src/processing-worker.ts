import { Worker } from 'node:worker_threads';
import { StopRunError, serializeEnvelope, type DeadLetter, type Envelope } from '@indicia/core';
import type { IndexSummary } from '@indicia/indexer';
import type { PivotStageCounts } from '@indicia/pivot';
import type { FromWorker, ProcessingWorkerData, ToWorker } from './pipeline-worker-protocol.js';

/** What the processing worker reports when it stops. */
export interface ProcessingClosed {
  index: IndexSummary;
  pivot: PivotStageCounts;
}

export interface ProcessingWorkerEvents {
  onSettled(captureId: string): void;
  onDeadLetter(deadLetter: DeadLetter): void;
}

/**
 * Captures handed over and not yet settled before `publish` waits: enough to keep both threads
 * busy, few enough (by count and by bytes: a page may be several MB) to keep memory flat.
 */
const maxUnsettled = 512;
const maxUnsettledBytes = 64 * 1024 * 1024;

/**
 * The crawler thread's handle on the processing worker (extract + index in a worker thread).
 * Messages cross as serialised envelopes, exactly as they would cross Kafka.
 */
export class ProcessingWorker {
  private readonly worker: Worker;
  /** Size of each capture handed over and not yet settled. */
  private readonly unsettled = new Map<string, number>();
  private unsettledBytes = 0;
  private counts = { ads: 0, indicators: 0 };
  private failure: Error | null = null;
  private waiters: Array<() => void> = [];
  private readonly replies = new Map<'drained' | 'closed', { resolve: (closed?: ProcessingClosed) => void; reject: (error: Error) => void }>();

  constructor(data: ProcessingWorkerData, private readonly events: ProcessingWorkerEvents) {
    this.worker = new Worker(new URL('./pipeline-worker.js', import.meta.url), { workerData: data });
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => this.fail(new StopRunError(`the extract/index worker crashed: ${error.message}`, { cause: error })));
    this.worker.on('exit', (code) => {
      if (!this.replies.has('closed') || code !== 0) this.fail(new StopRunError(`the extract/index worker exited (code ${code})`));
    });
  }

  /** Distinct ads and indicators the worker has extracted in this run. */
  get extracted(): { ads: number; indicators: number } {
    return this.counts;
  }

  async publish(envelope: Envelope<'page.captured'>): Promise<void> {
    while (this.full() && !this.failure) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
    const text = serializeEnvelope(envelope);
    this.unsettled.set(envelope.id, (this.unsettled.get(envelope.id) ?? 0) + text.length);
    this.unsettledBytes += text.length;
    this.send({ kind: 'capture', envelope: text });
  }

  /** Resolves when every capture handed over has been extracted and indexed. */
  drain(): Promise<void> {
    return this.request('drained', { kind: 'drain' }).then(() => undefined);
  }

  /** Stops the worker after it flushed the index; returns what the index holds and what the pivot stage did. */
  async close(): Promise<ProcessingClosed> {
    const closed = await this.request('closed', { kind: 'close' });
    return closed!;
  }

  private full(): boolean {
    return this.unsettled.size >= maxUnsettled || this.unsettledBytes >= maxUnsettledBytes;
  }

  private request(reply: 'drained' | 'closed', message: ToWorker): Promise<ProcessingClosed | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.replies.set(reply, { resolve, reject });
      this.send(message);
    });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.kind) {
      case 'settled':
        this.unsettledBytes -= this.unsettled.get(message.captureId) ?? 0;
        this.unsettled.delete(message.captureId);
        this.counts = { ads: message.ads, indicators: message.indicators };
        this.events.onSettled(message.captureId);
        for (const wake of this.waiters.splice(0)) wake();
        return;
      case 'dead-letter':
        this.events.onDeadLetter(message.deadLetter);
        return;
      case 'drained':
        this.replies.get('drained')?.resolve();
        this.replies.delete('drained');
        return;
      case 'closed':
        this.replies.get('closed')?.resolve({ index: message.summary, pivot: message.pivot });
        return;
      case 'failed':
        this.fail(new StopRunError(`extract/index failed: ${message.error}`));
        return;
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const wake of this.waiters.splice(0)) wake();
    for (const reply of this.replies.values()) reply.reject(error);
    this.replies.clear();
    void this.worker.terminate();
  }
}

import { Worker } from 'node:worker_threads';
import { RetryableError, StopRunError, UsageError, type AdImage, type Indicator, type PageCaptured } from '@indicia/core';
import type { BatchLineResult, BatchOutputRecord, BatchRecord, BatchRecordOptions } from './batch-record.js';
import type { IndicatorContext } from './extract-indicators.js';
import type { ExtractOptions, PageExtraction } from './extract-page.js';
import {
  deserializeError,
  type ExtractionBatch,
  type ExtractionReply,
  type ExtractionResults,
  type ExtractionTask,
  type ExtractionWorkerData,
  type TaskOutcome,
} from './extraction-protocol.js';

export interface ExtractionPoolOptions {
  /** Worker threads, at least 1. */
  workers: number;
  /** Options every page extraction uses (site configs, default country, HTML size cap). */
  extractOptions?: ExtractOptions;
  /**
   * Tasks handed to one worker at once, at most (default 16); the rest wait in the pool. Deep
   * enough that a worker always has a batch waiting in its port while it runs one, and its
   * results go back (and new work comes) while it runs the next: with both cores busy the main
   * thread may get a core only every few milliseconds, and a worker must not idle meanwhile.
   */
  tasksPerWorker?: number;
  /** A worker replies with what it has finished once a batch has run this long. Default 20 ms. */
  replyAfterMs?: number;
  /** Heap cap of each worker in MB, so a page that exhausts memory kills only its worker. Default: Node's. */
  maxWorkerHeapMb?: number;
}

type TaskKind = ExtractionTask['kind'];
/** A task as callers describe it; the pool numbers it. Distributes over the kinds. */
type TaskInput<K extends TaskKind> = K extends TaskKind ? Omit<Extract<ExtractionTask, { kind: K }>, 'id'> : never;

interface QueuedTask {
  input: TaskInput<TaskKind>;
  /** What the task was, for error messages (an id, never personal data). */
  label: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly inFlight: Map<number, QueuedTask>;
  ready: boolean;
  crash: Error | null;
}

/**
 * Extraction on worker threads. Each call queues one plain task (a page, a batch record or line, a
 * text) and resolves with the plain result; callers that need ordered output await their promises
 * in order. Tasks beyond `workers × tasksPerWorker` wait in the pool, so callers bound what they
 * submit (the transport's concurrency, the batch window).
 *
 * Tasks go out in batches: what callers submit in one turn of the event loop is spread over the
 * least busy workers, one message per worker, and each worker answers a batch with one message.
 * The main thread thus wakes once per batch rather than per page and stays nearly idle, so it
 * takes as little as it can of the cores the workers need. A worker with nothing in hand gets
 * its share as two batches, so it always has the next one queued while results travel.
 *
 * A worker that dies (out of memory on a pathological page, say) is replaced; the tasks it held
 * fail with a RetryableError naming what it was working on, so the runtime retries them and
 * dead-letters a page that keeps killing workers. Workers that cannot start at all make every
 * task fail with a StopRunError instead of being restarted forever.
 */
export class ExtractionPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: QueuedTask[] = [];
  private readonly tasksPerWorker: number;
  private readonly workerData: ExtractionWorkerData;
  private nextTaskId = 1;
  private closed = false;
  private broken: Error | null = null;
  private idleWaiters: Array<() => void> = [];
  private dispatchScheduled = false;

  constructor(private readonly options: ExtractionPoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new UsageError(`extraction workers must be a whole number of at least 1 (got ${options.workers})`);
    this.tasksPerWorker = options.tasksPerWorker ?? 16;
    if (!Number.isInteger(this.tasksPerWorker) || this.tasksPerWorker < 1) throw new UsageError(`tasksPerWorker must be a whole number of at least 1 (got ${this.tasksPerWorker})`);
    const replyAfterMs = options.replyAfterMs ?? 20;
    if (!(replyAfterMs >= 0)) throw new UsageError(`replyAfterMs must be 0 or more (got ${replyAfterMs})`);
    this.workerData = { extractOptions: options.extractOptions ?? {}, replyAfterMs };
    for (let i = 0; i < options.workers; i++) this.workers.push(this.startWorker());
  }

  /** Worker threads the pool keeps running. */
  get size(): number {
    return this.options.workers;
  }

  /** Tasks submitted and not yet settled (running or waiting). */
  get pending(): number {
    return this.queue.length + this.workers.reduce((sum, w) => sum + w.inFlight.size, 0);
  }

  /** `images`: the page's images already read (readImages); extraction needs their readings, not their bytes. */
  extractPage(page: PageCaptured, images: AdImage[] = []): Promise<PageExtraction> {
    // The image bytes (base64, up to megabytes) would be copied to the thread for nothing. A page
    // built by hand rather than parsed (a bench, a JS caller) may lack the array the schema defaults.
    const withoutImageBytes = page.images?.length > 0 ? { ...page, images: page.images.map((image) => ({ ...image, data: '' })) } : page;
    return this.submit<'page'>({ kind: 'page', page: withoutImageBytes, images }, `capture ${page.captureId}`);
  }

  extractRecord(record: BatchRecord, options: BatchRecordOptions = {}): Promise<BatchOutputRecord> {
    return this.submit<'record'>({ kind: 'record', record, options }, `record ${record.id}`);
  }

  /** One `indicia extract` input line, parsed, extracted and serialised in the worker. */
  extractBatchLine(line: string, options: BatchRecordOptions = {}): Promise<BatchLineResult> {
    return this.submit<'batch-line'>({ kind: 'batch-line', line, options }, `a batch line of ${line.length} characters`);
  }

  extractIndicators(text: string, context: IndicatorContext): Promise<Indicator[]> {
    return this.submit<'text'>({ kind: 'text', text, context }, `a text of ${context.captureId}`);
  }

  /** Finishes every task submitted, then stops the workers. Tasks submitted after this fail. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.pending > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await Promise.all(this.workers.splice(0).map((w) => w.worker.terminate()));
  }

  private submit<K extends TaskKind>(input: TaskInput<K>, label: string): Promise<ExtractionResults[K]> {
    if (this.closed) return Promise.reject(new StopRunError(`the extraction pool is closed (${label})`));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<ExtractionResults[K]>((resolve, reject) => {
      this.queue.push({ input, label, resolve: resolve as (result: unknown) => void, reject });
      this.scheduleDispatch();
    });
  }

  /**
   * Dispatches once the current turn of the event loop is over, so the tasks its callers submit
   * meanwhile (all the lanes a batch of results just freed) go out together.
   */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    // Each queued task to the least busy worker, as far as tasksPerWorker allows.
    const shares = new Map<PoolWorker, QueuedTask[]>();
    let taken = 0;
    for (; taken < this.queue.length; taken++) {
      let target: PoolWorker | undefined;
      let targetLoad = Infinity;
      for (const candidate of this.workers) {
        const load = candidate.inFlight.size + (shares.get(candidate)?.length ?? 0);
        if (load < this.tasksPerWorker && load < targetLoad) [target, targetLoad] = [candidate, load];
      }
      if (!target) break;
      const share = shares.get(target);
      if (share) share.push(this.queue[taken]!);
      else shares.set(target, [this.queue[taken]!]);
    }
    this.queue.splice(0, taken);
    for (const [entry, share] of shares) this.post(entry, share);
  }

  private post(entry: PoolWorker, share: QueuedTask[]): void {
    const wasIdle = entry.inFlight.size === 0;
    // A worker with work keeps the process alive; an idle one does not hold it open.
    if (wasIdle) entry.worker.ref();
    const tasks = share.map((task) => {
      const id = this.nextTaskId++;
      entry.inFlight.set(id, task);
      return { ...task.input, id } as ExtractionTask;
    });
    // An idle worker gets two batches: it runs the first while the second waits in its port.
    const split = wasIdle && tasks.length > 1 ? Math.ceil(tasks.length / 2) : tasks.length;
    entry.worker.postMessage({ kind: 'batch', tasks: tasks.slice(0, split) } satisfies ExtractionBatch);
    if (split < tasks.length) entry.worker.postMessage({ kind: 'batch', tasks: tasks.slice(split) } satisfies ExtractionBatch);
  }

  private startWorker(): PoolWorker {
    const resourceLimits = this.options.maxWorkerHeapMb ? { maxOldGenerationSizeMb: this.options.maxWorkerHeapMb } : undefined;
    const worker = new Worker(new URL('./extraction-worker.js', import.meta.url), { workerData: this.workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    const entry: PoolWorker = { worker, inFlight: new Map(), ready: false, crash: null };
    worker.unref();
    worker.on('message', (reply: ExtractionReply) => this.receive(entry, reply));
    worker.on('error', (error) => {
      entry.crash = error;
    });
    worker.on('exit', (code) => this.exited(entry, code));
    return entry;
  }

  private receive(entry: PoolWorker, reply: ExtractionReply): void {
    if (reply.kind === 'ready') {
      entry.ready = true;
      return;
    }
    for (const outcome of reply.outcomes) this.settle(entry, outcome);
    if (entry.inFlight.size === 0) entry.worker.unref();
    if (this.queue.length > 0) this.scheduleDispatch();
    this.wakeIfIdle();
  }

  private settle(entry: PoolWorker, outcome: TaskOutcome): void {
    const task = entry.inFlight.get(outcome.id);
    if (!task) return;
    entry.inFlight.delete(outcome.id);
    if (outcome.ok) task.resolve(outcome.result);
    else task.reject(deserializeError(outcome.error));
  }

  private exited(entry: PoolWorker, code: number): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return; // terminated by close()
    const why = entry.crash ? `${entry.crash.name}: ${entry.crash.message}` : `exit code ${code}`;
    const tasks = [...entry.inFlight.values()];
    entry.inFlight.clear();
    if (!entry.ready) {
      // It died before loading its modules: a replacement would die the same way.
      this.workers.splice(index, 1);
      this.broken = new StopRunError(`extraction workers cannot start (${why})`, { cause: entry.crash ?? undefined });
      for (const other of this.workers.splice(0)) {
        tasks.push(...other.inFlight.values());
        other.inFlight.clear();
        void other.worker.terminate();
      }
      for (const task of [...tasks, ...this.queue.splice(0)]) task.reject(this.broken);
    } else {
      this.workers[index] = this.startWorker();
      for (const task of tasks) task.reject(new RetryableError(`the extraction worker crashed (${why}) while extracting ${task.label}`, { cause: entry.crash ?? undefined }));
      this.scheduleDispatch();
    }
    this.wakeIfIdle();
  }

  private wakeIfIdle(): void {
    if (this.pending === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

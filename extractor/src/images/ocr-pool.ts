import { availableParallelism } from 'node:os';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import { StopRunError, UsageError } from '@indicia/core';
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { ocrLanguages, stageLanguageData, type OcrLanguage } from './ocr-language-data.js';

export interface OcrPoolOptions {
  /** Tesseract workers (each a thread with its own WASM engine). Default: defaultOcrWorkers(). */
  workers?: number;
  languages?: readonly OcrLanguage[];
  /** An image that takes longer is given up (recorded as failed) and its worker replaced. Default 20 s. */
  imageTimeoutMs?: number;
  /** A worker that has not loaded its engine and languages by then fails the run. Default 60 s. */
  startTimeoutMs?: number;
  /** The local folder the npm language data is copied into (see stageLanguageData). */
  languageDataFolder?: string;
}

/** What OCR made of one image: its text, or why there is none. */
export type OcrOutcome = { ok: true; text: string; confidence: number } | { ok: false; reason: string };

/** One worker fewer than the cores, so crawling and extraction keep a core; at least one. */
export function defaultOcrWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Slot {
  worker: TesseractWorker | null;
  thread: ThreadWorker | null;
  busy: boolean;
}

interface QueuedImage {
  png: Buffer;
  resolve(outcome: OcrOutcome): void;
}

/**
 * Tesseract.js workers reading PNGs, one image per worker at a time. (tesseract.js's own
 * scheduler cannot time a job out or drop a dead worker, so the pool keeps its own queue.)
 *
 * Workers start on the first image, so a run without images pays nothing. Language data comes
 * only from the npm packages, staged into a local langPath: tesseract.js never reaches for its
 * CDN. An image that times out or whose worker dies fails alone, with a reason, and the worker
 * is replaced; workers that cannot start at all stop the run (StopRunError), since every image
 * would fail the same way.
 */
export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: QueuedImage[] = [];
  private readonly languages: readonly OcrLanguage[];
  private readonly imageTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private started: Promise<void> | null = null;
  private langPath: string | null = null;
  private closed = false;
  private broken: Error | null = null;

  constructor(private readonly options: OcrPoolOptions = {}) {
    const workers = options.workers ?? defaultOcrWorkers();
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`OCR workers must be a whole number of at least 1 (got ${workers})`);
    this.languages = options.languages ?? ocrLanguages;
    if (this.languages.length === 0) throw new UsageError('OCR needs at least one language');
    this.imageTimeoutMs = options.imageTimeoutMs ?? 20_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    for (let i = 0; i < workers; i++) this.slots.push({ worker: null, thread: null, busy: false });
  }

  get size(): number {
    return this.slots.length;
  }

  /** The local folder tesseract.js loads its languages from; null until the first image. */
  get languageDataFolder(): string | null {
    return this.langPath;
  }

  /** Reads one (preprocessed) PNG. Resolves with the text or a reason; rejects only when OCR cannot run at all. */
  async recognize(png: Buffer): Promise<OcrOutcome> {
    if (this.closed) throw new StopRunError('the OCR pool is closed');
    if (this.broken) throw this.broken;
    this.started ??= this.start();
    await this.started;
    return new Promise<OcrOutcome>((resolve) => {
      this.queue.push({ png, resolve });
      this.dispatch();
    });
  }

  /** Terminates every worker; images still queued resolve as failed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const image of this.queue.splice(0)) image.resolve({ ok: false, reason: 'the OCR pool closed before the image was read' });
    await this.started?.catch(() => undefined);
    await Promise.all(this.slots.map((slot) => this.stopWorker(slot)));
  }

  private async start(): Promise<void> {
    this.langPath = await stageLanguageData(this.languages, this.options.languageDataFolder);
    try {
      await Promise.all(this.slots.map((slot) => this.startWorker(slot)));
    } catch (error) {
      this.broken = error instanceof StopRunError ? error : new StopRunError(`OCR workers cannot start (${String(error)})`, { cause: error });
      await Promise.all(this.slots.map((slot) => this.stopWorker(slot)));
      throw this.broken;
    }
  }

  private async startWorker(slot: Slot): Promise<void> {
    let failStart: (error: Error) => void = () => undefined;
    const startFailed = new Promise<never>((_, reject) => {
      failStart = reject;
    });
    const timer = setTimeout(() => failStart(new StopRunError(`an OCR worker did not start within ${this.startTimeoutMs} ms`)), this.startTimeoutMs);
    const creating = createWorker([...this.languages], OEM.LSTM_ONLY, {
      langPath: this.langPath!,
      gzip: true,
      // Nothing is written next to the process (tesseract.js caches traineddata in the working directory otherwise).
      cacheMethod: 'none',
      logger: () => undefined,
      // Without a handler tesseract.js throws a failed job's error from its message listener,
      // which kills the process. A failed start never settles createWorker: fail it here.
      errorHandler: (error: unknown) => failStart(new StopRunError(`an OCR worker failed to start: ${String(error)}`)),
    });
    try {
      const worker = await Promise.race([creating, startFailed]);
      // Preprocessed PNGs carry no resolution; without one tesseract guesses and warns on stderr.
      await worker.setParameters({ user_defined_dpi: '300' });
      slot.worker = worker;
      slot.thread = (worker as unknown as { worker: ThreadWorker }).worker;
      // A thread error with no listener would be rethrown in the main thread.
      slot.thread.on('error', () => undefined);
    } finally {
      clearTimeout(timer);
      // A worker created after its start timed out is not leaked.
      if (!slot.worker) void creating.then((late) => late.terminate(), () => undefined);
    }
  }

  private async stopWorker(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.thread = null;
    slot.busy = false;
    await worker?.terminate();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.worker || slot.busy) continue;
      this.read(slot, this.queue.shift()!);
    }
  }

  private read(slot: Slot, image: QueuedImage): void {
    const worker = slot.worker!;
    const thread = slot.thread!;
    slot.busy = true;
    let settled = false;
    const finish = (outcome: OcrOutcome, options: { replaceWorker: boolean }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      thread.off('exit', onExit);
      image.resolve(outcome);
      if (options.replaceWorker) void this.replaceWorker(slot);
      else {
        slot.busy = false;
        this.dispatch();
      }
    };
    const onExit = (code: number): void => finish({ ok: false, reason: `the OCR worker died (exit code ${code})` }, { replaceWorker: true });
    const timer = setTimeout(() => finish({ ok: false, reason: `OCR took longer than ${this.imageTimeoutMs} ms` }, { replaceWorker: true }), this.imageTimeoutMs);
    thread.once('exit', onExit);
    worker.recognize(image.png).then(
      (result) => finish({ ok: true, text: result.data.text, confidence: result.data.confidence }, { replaceWorker: false }),
      (error: unknown) => finish({ ok: false, reason: `tesseract could not read the image: ${String(error)}` }, { replaceWorker: false }),
    );
  }

  private async replaceWorker(slot: Slot): Promise<void> {
    await this.stopWorker(slot);
    if (this.closed) return;
    slot.busy = true;
    try {
      await this.startWorker(slot);
    } catch (error) {
      // The workers started before: a replacement that cannot start means the machine is in trouble.
      this.broken = error instanceof Error ? error : new StopRunError(String(error));
      for (const image of this.queue.splice(0)) image.resolve({ ok: false, reason: `OCR stopped: ${this.broken.message}` });
      return;
    }
    slot.busy = false;
    if (this.closed) await this.stopWorker(slot);
    else this.dispatch();
  }
}

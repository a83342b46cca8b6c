import { DeadLetterError, RetryableError, StopRunError, UsageError, type AdImage, type Indicator, type PageCaptured } from '@indicia/core';
import type { BatchLineResult, BatchOutputRecord, BatchRecord, BatchRecordOptions } from './batch-record.js';
import type { IndicatorContext } from './extract-indicators.js';
import type { ExtractOptions, PageExtraction } from './extract-page.js';

/**
 * The messages between the extraction pool and its worker threads. Everything is a plain object
 * (structured clone copies it once each way); nothing holds a class instance or a function.
 *
 * Work travels in batches: one message carries every task the pool hands a worker at once, and
 * one message brings back every result the worker finished since its last reply. The main thread
 * then wakes once per batch, not once per page, and the per-message cost (the port's event, the
 * wake-up, a context switch on a core the workers need) is paid once for many pages.
 */

/** What a worker is started with: the options every page extraction uses. */
export interface ExtractionWorkerData {
  extractOptions: ExtractOptions;
  /**
   * A worker replies with what it has finished once a batch has run this long, so one slow page
   * (a 10 MB document, say) does not hold back the results of the quick pages before it.
   */
  replyAfterMs: number;
}

/** One unit of work. `id` pairs the result with its task. */
export type ExtractionTask =
  /** `images`: the page's images as read in the main thread (OCR runs on its own pool). */
  | { kind: 'page'; id: number; page: PageCaptured; images: AdImage[] }
  | { kind: 'record'; id: number; record: BatchRecord; options: BatchRecordOptions }
  | { kind: 'batch-line'; id: number; line: string; options: BatchRecordOptions }
  | { kind: 'text'; id: number; text: string; context: IndicatorContext };

/** Pool → worker: tasks to run in order. */
export interface ExtractionBatch {
  kind: 'batch';
  tasks: ExtractionTask[];
}

/** The result type of each task kind. */
export interface ExtractionResults {
  page: PageExtraction;
  record: BatchOutputRecord;
  'batch-line': BatchLineResult;
  text: Indicator[];
}

/** An error crossing the thread boundary: its class name picks the class it is rebuilt as. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** How one task ended: its result, or the error it threw (a reply like any other). */
export type TaskOutcome = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

/** Worker → pool: `ready` once its modules have loaded, then `done` with finished tasks, in order. */
export type ExtractionReply = { kind: 'ready' } | { kind: 'done'; outcomes: TaskOutcome[] };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: 'Error', message: String(error) };
}

/**
 * Rebuilds a worker's error as the class the runtime branches on: a DeadLetterError thrown in the
 * worker must still dead-letter the message at once, not be retried as an unknown failure.
 */
export function deserializeError(serialized: SerializedError): Error {
  const errorClasses: Record<string, new (message: string) => Error> = {
    DeadLetterError,
    RetryableError,
    StopRunError,
    UsageError,
    RangeError,
    TypeError,
  };
  const ErrorClass = errorClasses[serialized.name] ?? Error;
  const error = new ErrorClass(serialized.message);
  if (!(serialized.name in errorClasses)) error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { extractBatchLine, extractBatchRecord } from './batch-record.js';
import { extractIndicators } from './extract-indicators.js';
import { extractPage } from './extract-page.js';
import { serializeError, type ExtractionBatch, type ExtractionReply, type ExtractionTask, type ExtractionWorkerData, type TaskOutcome } from './extraction-protocol.js';

/**
 * A worker thread of the extraction pool: runs the tasks of each batch in order, synchronously,
 * and posts back plain results, all of a batch in one message (or more than one when the batch
 * runs long). A thrown error is an outcome like any other; only a crash (out of memory, say) ends
 * the thread, and the pool replaces it.
 */
const data = workerData as ExtractionWorkerData;
const port = parentPort!;

port.on('message', (batch: ExtractionBatch) => {
  let outcomes: TaskOutcome[] = [];
  let since = performance.now();
  for (const task of batch.tasks) {
    outcomes.push(outcomeOf(task));
    if (performance.now() - since >= data.replyAfterMs) {
      port.postMessage({ kind: 'done', outcomes } satisfies ExtractionReply);
      outcomes = [];
      since = performance.now();
    }
  }
  if (outcomes.length > 0) port.postMessage({ kind: 'done', outcomes } satisfies ExtractionReply);
});
// Tells the pool the modules loaded: a thread that dies before this cannot start at all.
port.postMessage({ kind: 'ready' } satisfies ExtractionReply);

function outcomeOf(task: ExtractionTask): TaskOutcome {
  try {
    return { id: task.id, ok: true, result: run(task) };
  } catch (error) {
    return { id: task.id, ok: false, error: serializeError(error) };
  }
}

function run(task: ExtractionTask): unknown {
  switch (task.kind) {
    case 'page':
      return extractPage(task.page, task.images.length > 0 ? { ...data.extractOptions, imageReadings: task.images } : data.extractOptions);
    case 'record':
      return extractBatchRecord(task.record, task.options);
    case 'batch-line':
      // Parsing and serialising here too keeps the main thread to reading and writing lines.
      return extractBatchLine(task.line, task.options);
    case 'text':
      return extractIndicators(task.text, task.context);
  }
}

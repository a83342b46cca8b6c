import { parentPort, workerData } from 'node:worker_threads';
import { extractBatchLine, extractBatchRecord } from './batch-record.js';
import { extractIndicators } from './extract-indicators.js';
import { extractPage } from './extract-page.js';
import { serializeError, type ExtractionReply, type ExtractionTask, type ExtractionWorkerData } from './extraction-protocol.js';

/**
 * A worker thread of the extraction pool: runs one task at a time, synchronously, and posts back
 * a plain result. A thrown error is a reply like any other; only a crash (out of memory, say)
 * ends the thread, and the pool replaces it.
 */
const data = workerData as ExtractionWorkerData;
const port = parentPort!;

port.on('message', (task: ExtractionTask) => {
  let reply: ExtractionReply;
  try {
    reply = { kind: 'done', id: task.id, ok: true, result: run(task) };
  } catch (error) {
    reply = { kind: 'done', id: task.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(reply);
});
// Tells the pool the modules loaded: a thread that dies before this cannot start at all.
port.postMessage({ kind: 'ready' } satisfies ExtractionReply);

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

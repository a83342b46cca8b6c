import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { createLogger, deserializeEnvelope, describeError } from '@indicia/core';
import type { FromWorker, ProcessingWorkerData, ToWorker } from './pipeline-worker-protocol.js';
import { startProcessingStages } from './processing-stages.js';

/**
 * The worker thread of the embedded pipeline: extraction and indexing, so they use the second core
 * while the crawler thread fetches. It reports each settled capture back; the crawler's ledger
 * records it there.
 */
const data = workerData as ProcessingWorkerData;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const log = data.logFile
  ? createLogger({ destination: pino.destination({ dest: data.logFile, mkdir: true, sync: true }) })
  : createLogger();
const stages = startProcessingStages({ ...data, log: log.child({ thread: 'processing' }) });

stages.transport.onTraceSettled((captureId) => send({ kind: 'settled', captureId, ...stages.counts() }));
stages.transport.onDeadLetter((deadLetter) => send({ kind: 'dead-letter', deadLetter }));

port.on('message', (message: ToWorker) => {
  void handle(message).catch((error: unknown) => send({ kind: 'failed', error: describeError(error) }));
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'capture':
      await stages.transport.publish(deserializeEnvelope(message.envelope));
      return;
    case 'drain':
      await stages.transport.drain();
      send({ kind: 'drained' });
      return;
    case 'close':
      send({ kind: 'closed', ...(await stages.close()) });
      log.flush();
      port.close();
      return;
  }
}

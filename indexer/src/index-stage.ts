import type { AdExtracted, Envelope, Stage, StageContext } from '@indicia/core';
import type { IndexStore } from './index-store.js';

export interface IndexStageOptions {
  /**
   * Most ads written in one transaction. Messages handled at the same time (a subscription with
   * concurrency > 1) are gathered into one batch; each handle resolves only after its ad is
   * committed, so a message is never acknowledged before it is durable. Default 100.
   */
  batchSize?: number;
}

interface PendingAd {
  ad: AdExtracted;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The `index` stage: consumes ad.extracted, writes it to the store, produces nothing. */
export function createIndexStage(store: IndexStore, options: IndexStageOptions = {}): Stage<'ad.extracted'> {
  const batchSize = Math.max(1, options.batchSize ?? 100);
  let pending: PendingAd[] = [];
  let flushScheduled = false;
  let inFlight: Promise<void> = Promise.resolve();

  const flush = (): void => {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    inFlight = inFlight.then(() => writeBatch(store, batch));
  };

  return {
    name: 'index',
    consumes: 'ad.extracted',
    produces: [],
    handle(message: Envelope<'ad.extracted'>, ctx: StageContext): Promise<void> {
      ctx.log.debug({ adId: message.payload.adId, captureId: message.payload.captureId }, 'indexing ad');
      return new Promise<void>((resolve, reject) => {
        pending.push({ ad: message.payload, resolve, reject });
        if (pending.length >= batchSize) flush();
        else if (!flushScheduled) {
          flushScheduled = true;
          // Waiting one turn of the event loop lets concurrent deliveries join the batch.
          setImmediate(flush);
        }
      });
    },
    async close(): Promise<void> {
      flush();
      await inFlight;
    },
  };
}

/**
 * One transaction for the batch; if it fails, each ad is written on its own so that one bad ad
 * fails only its own message (to be retried or dead-lettered) and not its neighbours.
 */
async function writeBatch(store: IndexStore, batch: PendingAd[]): Promise<void> {
  try {
    await store.upsertAds(batch.map((item) => item.ad));
    for (const item of batch) item.resolve();
    return;
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
  }
  for (const item of batch) {
    try {
      await store.upsertAds([item.ad]);
      item.resolve();
    } catch (error) {
      item.reject(error);
    }
  }
}

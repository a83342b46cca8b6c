import type { Envelope, MessageType, Stage, StageContext } from '@indicia/core';

export interface StageCounts {
  /** Messages handled to the end (acknowledged). */
  handled: number;
  /** Attempts that threw (each is retried or dead-lettered by the transport). */
  failedAttempts: number;
  inFlight: number;
}

/** Wraps a stage to count what it does, for a worker's progress line; behaviour unchanged. */
export function countedStage<T extends MessageType>(stage: Stage<T>): { stage: Stage<T>; counts: StageCounts } {
  const counts: StageCounts = { handled: 0, failedAttempts: 0, inFlight: 0 };
  const wrapped: Stage<T> = {
    name: stage.name,
    consumes: stage.consumes,
    produces: stage.produces,
    async handle(message: Envelope<T>, ctx: StageContext): Promise<void> {
      counts.inFlight++;
      try {
        await stage.handle(message, ctx);
        counts.handled++;
      } catch (error) {
        counts.failedAttempts++;
        throw error;
      } finally {
        counts.inFlight--;
      }
    },
    ...(stage.close ? { close: () => stage.close!() } : {}),
  };
  return { stage: wrapped, counts };
}

import { createEnvelope, type Envelope } from './envelope.js';
import type { Logger } from './logger.js';
import type { MessageType } from './messages.js';
import type { Stage, StageContext } from './stage.js';
import type { Transport } from './transport.js';

export interface AttachStageOptions {
  /**
   * Stamped on every message the stage emits. Omitted in distributed workers, which serve many
   * runs: each emitted message then carries the run of the message it was made from.
   */
  runId?: string;
  log: Logger;
  concurrency?: number;
  /** Consumer group; the stage's name by default. */
  group?: string;
}

/**
 * Binds a stage to a transport: every message the stage emits is stamped with the message it was
 * handling as its parent, so provenance follows the data through the pipeline.
 */
export function attachStage<T extends MessageType>(stage: Stage<T>, transport: Transport, options: AttachStageOptions): void {
  const log = options.log.child({ stage: stage.name });
  transport.subscribe(
    stage.consumes,
    async (message: Envelope<T>) => {
      const runId = options.runId ?? message.runId;
      const ctx: StageContext = {
        runId,
        log,
        emit: async (type, payload) => {
          if (!stage.produces.includes(type)) throw new Error(`stage ${stage.name} emitted ${type}, which it does not declare`);
          await transport.publish(createEnvelope(type, payload, { runId, producer: stage.name, parent: message }));
        },
      };
      await stage.handle(message, ctx);
    },
    { group: options.group ?? stage.name, concurrency: options.concurrency ?? 1 },
  );
}

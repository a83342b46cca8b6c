import type { Logger } from '@indicia/core';
import type { DeadLetterRecord } from './dead-letter-record.js';
import { readWholeTopic } from './read-topic.js';
import { deadLetterTopicFor, defaultTopicPrefix } from './topic-plan.js';

export interface ReadDeadLettersOptions {
  brokers: string[];
  topicPrefix?: string;
  log?: Logger;
  /** Gives up if the records up to the topic's end have not all arrived by then (default 30 s). */
  timeoutMs?: number;
}

/** Every record in the dead-letter topic now, oldest first (by partition), for a person or a test to look at. */
export async function readDeadLetters(options: ReadDeadLettersOptions): Promise<DeadLetterRecord[]> {
  const values = await readWholeTopic(deadLetterTopicFor(options.topicPrefix ?? defaultTopicPrefix), options);
  return values.map((value) => JSON.parse(value || 'null') as DeadLetterRecord);
}

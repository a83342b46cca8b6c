import type { DeadLetterRecord } from './dead-letter-record.js';
import { readWholeTopic, type ReadTopicOptions } from './read-topic.js';
import { deadLetterTopicFor, defaultTopicPrefix } from './topic-plan.js';

export interface ReadDeadLettersOptions extends ReadTopicOptions {
  topicPrefix?: string;
}

/** Every record in the dead-letter topic now, oldest first (by partition), for a person or a test to look at. */
export async function readDeadLetters(options: ReadDeadLettersOptions): Promise<DeadLetterRecord[]> {
  const values = await readWholeTopic(deadLetterTopicFor(options.topicPrefix ?? defaultTopicPrefix), options);
  return values.map((value) => JSON.parse(value || 'null') as DeadLetterRecord);
}

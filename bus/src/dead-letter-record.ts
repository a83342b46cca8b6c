import type { DeadLetter, MessageType } from '@indicia/core';

/** How much of an undecodable message the dead letter keeps: enough to see what it was. */
export const maxRawBytes = 1024 * 1024;

/**
 * A record of the dead-letter topic (JSON): the core `DeadLetter` (the envelope, or for a message
 * that could not be decoded its bytes in base64) plus where the message was on Kafka, so it can be
 * found, replayed or reported.
 */
export interface DeadLetterRecord extends DeadLetter {
  type: MessageType;
  topic: string;
  partition: number;
  offset: string;
  /** Size of the undecodable message, when only its first `maxRawBytes` are in `raw`. */
  rawBytes?: number;
}

/** The bytes of a message that is not an envelope, as a dead letter keeps them: base64, cut at `maxRawBytes`. */
export function rawOf(value: Buffer | null): Pick<DeadLetterRecord, 'raw' | 'rawBytes'> {
  const bytes = value ?? Buffer.alloc(0);
  if (bytes.length <= maxRawBytes) return { raw: bytes.toString('base64') };
  return { raw: bytes.subarray(0, maxRawBytes).toString('base64'), rawBytes: bytes.length };
}

/** The core view of a record: what `onDeadLetter` listeners receive. */
export function deadLetterOf(record: DeadLetterRecord): DeadLetter {
  const deadLetter: DeadLetter = { group: record.group, error: record.error, attempts: record.attempts, failedAt: record.failedAt };
  if (record.envelope !== undefined) deadLetter.envelope = record.envelope;
  if (record.raw !== undefined) deadLetter.raw = record.raw;
  return deadLetter;
}

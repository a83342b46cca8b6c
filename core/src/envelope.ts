import { z } from 'zod';
import { DeadLetterError } from './errors.js';
import { newMessageId } from './ids.js';
import { messageSchemas, messageTypes, type MessageType, type PayloadOf } from './messages.js';

/**
 * Every message travels in an envelope that says where it came from: its parents, the run, and
 * the trace (the id of the message that started the chain, e.g. a page capture), so every result
 * has provenance back to a capture.
 */
export interface Envelope<T extends MessageType = MessageType> {
  id: string;
  type: T;
  runId: string;
  traceId: string;
  parentIds: string[];
  /** Name of the stage (or source) that produced it. */
  producer: string;
  createdAt: string;
  payload: PayloadOf<T>;
}

const EnvelopeHeaderSchema = z.object({
  id: z.string().min(1),
  type: z.enum(messageTypes as [MessageType, ...MessageType[]]),
  runId: z.string().min(1),
  traceId: z.string().min(1),
  parentIds: z.array(z.string()),
  producer: z.string().min(1),
  createdAt: z.string(),
  payload: z.unknown(),
});

export interface EnvelopeOrigin {
  runId: string;
  producer: string;
  /** The message this one was made from; omit for a message that starts a trace. */
  parent?: Envelope;
  /** Use a known id (e.g. derived from a capture id) instead of a random one. */
  id?: string;
}

export function createEnvelope<T extends MessageType>(type: T, payload: PayloadOf<T>, origin: EnvelopeOrigin): Envelope<T> {
  const id = origin.id ?? newMessageId();
  return {
    id,
    type,
    runId: origin.runId,
    traceId: origin.parent?.traceId ?? id,
    parentIds: origin.parent ? [origin.parent.id] : [],
    producer: origin.producer,
    createdAt: new Date().toISOString(),
    payload,
  };
}

/** Validates a decoded envelope and its payload; a message that does not fit can never be processed. */
export function parseEnvelope(value: unknown): Envelope {
  const header = EnvelopeHeaderSchema.safeParse(value);
  if (!header.success) throw new DeadLetterError(`malformed envelope: ${header.error.issues[0]?.message ?? 'invalid'}`);
  const schema = messageSchemas[header.data.type];
  const payload = schema.safeParse(header.data.payload);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    throw new DeadLetterError(`invalid ${header.data.type} payload at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return { ...header.data, payload: payload.data } as Envelope;
}

export function serializeEnvelope(envelope: Envelope): string {
  return JSON.stringify(envelope);
}

export function deserializeEnvelope(text: string): Envelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DeadLetterError('message is not valid JSON', { cause: error });
  }
  return parseEnvelope(value);
}

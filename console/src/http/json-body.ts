import type { IncomingMessage } from 'node:http';
import { RejectedRequestError } from './rejected-request-error.js';

/** Request bodies are small JSON objects (a login, a watchlist): anything bigger is refused unread. */
export const maxJsonBodyBytes = 64 * 1024;

/** The body as a JSON object; 415 unless sent as application/json (which a cross-site form cannot do), 413 over the cap. */
export async function readJsonBody(req: IncomingMessage, maxBytes = maxJsonBodyBytes): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new RejectedRequestError(415, 'unsupported-media-type', 'send the body as Content-Type: application/json');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new RejectedRequestError(413, 'body-too-large', `the body is over ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new RejectedRequestError(413, 'body-too-large', `the body is over ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new RejectedRequestError(400, 'bad-json', `the body is not JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RejectedRequestError(400, 'bad-json', 'the body must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** A required string field of a body, trimmed; 400 when absent or not a string. */
export function stringField(body: Record<string, unknown>, name: string, options: { maxLength?: number } = {}): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw new RejectedRequestError(400, 'bad-request', `"${name}" must be a non-empty string`);
  if (value.length > (options.maxLength ?? 1000)) throw new RejectedRequestError(400, 'bad-request', `"${name}" is too long`);
  return value.trim();
}

import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { NetworkError, UndecodableBodyError } from './fetch-errors.js';

interface CappedBody {
  body: Buffer;
  truncated: boolean;
  /** As transferred: content-encoded, de-chunked. `body` itself when there was no decoding. */
  transferred: Buffer;
  transferredTruncated: boolean;
}

/** Reads a response body up to the caps, decoding any content-encoding (the cap applies to the decoded bytes). */
export async function readCappedBody(response: IncomingMessage, caps: { maxBytes: number; maxTransferredBytes: number }): Promise<CappedBody> {
  const maxBytes = caps.maxBytes;
  const decoder = decoderFor(response.headers['content-encoding']);
  let source: Readable = response;
  const transferredChunks: Buffer[] = [];
  let transferredTotal = 0;
  let transferredTruncated = false;
  if (decoder) {
    // The encoded bytes, kept beside the decoded ones for the WARC; another 'data' listener does not change the flow.
    response.on('data', (chunk: Buffer) => {
      if (transferredTruncated) return;
      if (transferredTotal + chunk.length > caps.maxTransferredBytes) {
        transferredChunks.push(chunk.subarray(0, caps.maxTransferredBytes - transferredTotal));
        transferredTotal = caps.maxTransferredBytes;
        transferredTruncated = true;
        return;
      }
      transferredChunks.push(chunk);
      transferredTotal += chunk.length;
    });
    // Errors of either stream end the iteration below; the callback only has to exist.
    source = pipeline(response, decoder, () => undefined);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (total + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - total));
        total = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  } catch (error) {
    response.destroy();
    if (error instanceof Error && error.name === 'AbortError') throw error;
    if (isZlibError(error)) {
      throw new UndecodableBodyError(`content decoding failed (${response.headers['content-encoding']}): ${error.message}`, { cause: error });
    }
    throw new NetworkError(`network error while reading the body: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // Stop reading: whatever the server still sends is not wanted, and the socket cannot be reused.
  if (truncated) response.destroy();
  const body = Buffer.concat(chunks, total);
  if (!decoder) return { body, truncated, transferred: body, transferredTruncated: truncated };
  // Decoding stopped at the cap before all encoded bytes arrived: what was kept is a prefix.
  return { body, truncated, transferred: Buffer.concat(transferredChunks, transferredTotal), transferredTruncated: transferredTruncated || truncated };
}

function isZlibError(error: unknown): error is Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

function decoderFor(contentEncoding: string | undefined) {
  switch ((contentEncoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

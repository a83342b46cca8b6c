import type { Writable } from 'node:stream';
import { StreamedBody } from './site-response.js';

/** Comfortably over the 12 MB a crawler's size cap is expected to cut at. */
export const hugePageBytes = 13 * 1024 * 1024;

const chunk = Buffer.from(
  `<p>${'Archive entry: nothing to see here, this paragraph only makes the page large. '.repeat(16)}</p>\n`.repeat(52),
  'utf8',
);
const opening = Buffer.from('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Full archive</title></head><body>\n<h1>Full archive</h1>\n');
const closing = Buffer.from('</body></html>\n');

/**
 * Streams the page with backpressure and stops when the client goes away, so a crawler that cuts
 * the download costs the testbed nothing more.
 */
export function hugePageBody(): StreamedBody {
  return new StreamedBody((out: Writable) => {
    let sent = 0;
    const pump = (): void => {
      if (sent === 0) {
        out.write(opening);
        sent += opening.length;
      }
      while (sent < hugePageBytes) {
        if (out.destroyed) return;
        sent += chunk.length;
        if (!out.write(chunk)) {
          out.once('drain', pump);
          return;
        }
      }
      out.end(closing);
    };
    pump();
  });
}

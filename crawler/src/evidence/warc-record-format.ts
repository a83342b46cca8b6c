import { createHash, randomUUID } from 'node:crypto';

/** A WARC header field as written: name as spelled, value as is (no CR or LF). */
export type WarcField = [name: string, value: string];

/** Where one record lives: the gzip member at `offset` of `file` (relative to the data dir). */
export interface WarcLocation {
  /** Path relative to the data dir (`warc/indicia-...warc.gz`), or to the bundle dir for an export. */
  file: string;
  offset: number;
  /** Bytes of the gzip member in the file. */
  length: number;
  /** `<urn:uuid:...>`, with the angle brackets, as in the WARC-Record-ID header. */
  recordId: string;
  /** sha256 of the member's stored bytes (compressed): any change to the file at this place changes it. */
  sha256: string;
}

export const warcVersion = 'WARC/1.1';

export function newRecordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

/** WARC/1.1 allows sub-second precision (W3C-ISO8601); milliseconds tell concurrent fetches apart. */
export function warcDate(date: Date): string {
  return date.toISOString();
}

/**
 * `sha256:<hex>`. Python's warcio decodes a value longer than its own base32 form as hex (base16),
 * so hex passes `warcio check`, and it is what `sha256sum` prints for cross-checking by hand.
 */
export function sha256Label(bytes: Uint8Array | Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of Array.isArray(bytes) ? bytes : [bytes]) hash.update(part);
  return `sha256:${hash.digest('hex')}`;
}

/** The record's bytes before compression: version line, fields, Content-Length, empty line, block, CRLF CRLF. */
export function serializeRecord(fields: WarcField[], block: Uint8Array[]): Buffer {
  const blockLength = block.reduce((sum, part) => sum + part.length, 0);
  const lines = [warcVersion];
  for (const [name, value] of fields) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new TypeError(`a WARC header field cannot hold CR or LF: ${name}`);
    lines.push(`${name}: ${value}`);
  }
  lines.push(`Content-Length: ${blockLength}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  return Buffer.concat([head, ...block, Buffer.from('\r\n\r\n')], head.length + blockLength + 4);
}

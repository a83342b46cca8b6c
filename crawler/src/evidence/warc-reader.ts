import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { DeadLetterError } from '@indicia/core';
import type { WarcField } from './warc-record-format.js';

/** A WARC file that cannot be read as WARC, with where and what. */
export class MalformedWarcError extends DeadLetterError {
  override readonly name: string = 'MalformedWarcError';
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`${file} at offset ${offset}: ${problem}`);
  }
}

export interface WarcRecord {
  /** Offset of the record (of its gzip member for .warc.gz) in the file. */
  offset: number;
  /** Bytes the record takes in the file (its gzip member for .warc.gz, including the CRLF CRLF after the block). */
  length: number;
  /** sha256 of those stored bytes. */
  storedSha256: string;
  /** `WARC/1.1`, `WARC/1.0` */
  version: string;
  fields: WarcField[];
  block: Buffer;
}

export interface ReadWarcOptions {
  /** Start at this offset instead of 0 (a record or gzip member must begin there). */
  startOffset?: number;
  /** A record (uncompressed) larger than this is refused: a defence against decompression bombs. */
  maxRecordBytes?: number;
}

const defaultMaxRecordBytes = 512 * 1024 * 1024;
const maxHeaderBytes = 256 * 1024;
const firstWindowBytes = 64 * 1024;
const readChunkBytes = 1024 * 1024;
const recordEnd = Buffer.from('\r\n\r\n');
const supportedVersions = new Set(['WARC/1.0', 'WARC/1.1']);

/** Whether the file is gzip-compressed (its first bytes), as the reader decides it. */
export async function isGzipFile(path: string): Promise<boolean> {
  const source = await ByteSource.open(path);
  try {
    const first = await source.peek(0, 2);
    return first[0] === 0x1f && first[1] === 0x8b;
  } finally {
    await source.close();
  }
}

/** The first value of a header field, by case-insensitive name. */
export function warcField(record: { fields: WarcField[] }, name: string): string | undefined {
  const lower = name.toLowerCase();
  return record.fields.find(([field]) => field.toLowerCase() === lower)?.[1];
}

/**
 * Streams the records of a .warc or .warc.gz file, one at a time (memory holds one record). Gzip
 * files must have one member per record, as the WARC standard recommends and warcio requires, so
 * every record has its own offset; a whole-file gzip stream or a record split across members is
 * refused, as is a record whose block is not followed by CRLF CRLF (a wrong Content-Length or a cut
 * file). ARC files (WARC's predecessor) are refused with the command that converts them.
 */
export async function* readWarcRecords(path: string, options: ReadWarcOptions = {}): AsyncGenerator<WarcRecord> {
  const source = await ByteSource.open(path);
  try {
    const first = await source.peek(0, 2);
    if (first.length === 0) return;
    const gzipped = first[0] === 0x1f && first[1] === 0x8b;
    const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
    let offset = options.startOffset ?? 0;
    while (offset < source.size) {
      const record = gzipped ? await readGzipMemberRecord(source, offset, maxRecordBytes) : await readPlainRecord(source, offset, maxRecordBytes);
      yield record;
      offset += record.length;
    }
  } finally {
    await source.close();
  }
}

async function readPlainRecord(source: ByteSource, offset: number, maxRecordBytes: number): Promise<WarcRecord> {
  const window = await source.peekAtLeast(offset, maxHeaderBytes);
  const parsed = parseRecordHead(source.path, offset, window);
  const total = parsed.headLength + parsed.contentLength + recordEnd.length;
  if (total > maxRecordBytes) throw new MalformedWarcError(source.path, offset, `record of ${total} bytes is over the ${maxRecordBytes}-byte limit`);
  const bytes = await source.peek(offset, total);
  if (bytes.length < total) {
    throw new MalformedWarcError(source.path, offset, `file ends inside the record: Content-Length ${parsed.contentLength} needs ${total - bytes.length} more bytes (a cut file?)`);
  }
  const after = bytes.subarray(total - recordEnd.length);
  if (!after.equals(recordEnd)) {
    throw new MalformedWarcError(
      source.path,
      offset,
      `the block (Content-Length ${parsed.contentLength}) is not followed by CRLF CRLF at offset ${offset + total - recordEnd.length} (found ${JSON.stringify(after.toString('latin1'))}): a wrong Content-Length or a cut record`,
    );
  }
  return {
    offset,
    length: total,
    storedSha256: createHash('sha256').update(bytes).digest('hex'),
    version: parsed.version,
    fields: parsed.fields,
    block: Buffer.from(bytes.subarray(parsed.headLength, parsed.headLength + parsed.contentLength)),
  };
}

async function readGzipMemberRecord(source: ByteSource, offset: number, maxRecordBytes: number): Promise<WarcRecord> {
  const member = await inflateMember(source, offset, maxRecordBytes);
  const parsed = parseRecordHead(source.path, offset, member.data);
  const total = parsed.headLength + parsed.contentLength + recordEnd.length;
  if (member.data.length < total) {
    throw new MalformedWarcError(source.path, offset, `the record (Content-Length ${parsed.contentLength}) continues beyond its gzip member: records must be compressed one per member`);
  }
  if (!member.data.subarray(total - recordEnd.length, total).equals(recordEnd)) {
    throw new MalformedWarcError(source.path, offset, `the block (Content-Length ${parsed.contentLength}) is not followed by CRLF CRLF: a wrong Content-Length or a cut record`);
  }
  if (member.data.length > total) {
    const rest = member.data.subarray(total, total + 5).toString('latin1');
    throw new MalformedWarcError(
      source.path,
      offset,
      rest.startsWith('WARC/')
        ? 'the gzip member holds more than one record: the file is one gzip stream, not one member per record (`warcio recompress` rewrites it)'
        : `${member.data.length - total} bytes follow the record inside its gzip member`,
    );
  }
  return {
    offset,
    length: member.storedLength,
    storedSha256: member.storedSha256,
    version: parsed.version,
    fields: parsed.fields,
    block: Buffer.from(member.data.subarray(parsed.headLength, parsed.headLength + parsed.contentLength)),
  };
}

interface InflatedMember {
  data: Buffer;
  storedLength: number;
  storedSha256: string;
}

/** One gzip member at `offset`: its header parsed by hand so its end (and so the next record's offset) is known. */
async function inflateMember(source: ByteSource, offset: number, maxRecordBytes: number): Promise<InflatedMember> {
  let windowBytes = firstWindowBytes;
  for (;;) {
    const window = await source.peekAtLeast(offset, windowBytes);
    const headerLength = gzipHeaderLength(source.path, offset, window);
    let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      inflated = inflateRawSync(window.subarray(headerLength), { info: true, maxOutputLength: maxRecordBytes }) as unknown as typeof inflated;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'Z_BUF_ERROR' && offset + window.length < source.size) {
        windowBytes = window.length * 4;
        continue;
      }
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new MalformedWarcError(source.path, offset, `gzip member inflates to more than ${maxRecordBytes} bytes`);
      if (code === 'Z_BUF_ERROR') throw new MalformedWarcError(source.path, offset, 'the file ends inside a gzip member (a cut or torn last record)');
      throw new MalformedWarcError(source.path, offset, `corrupt gzip member: ${(error as Error).message}`);
    }
    const trailerStart = headerLength + inflated.engine.bytesWritten;
    const trailer = window.subarray(trailerStart, trailerStart + 8);
    if (trailer.length < 8) {
      if (offset + window.length < source.size) {
        windowBytes = window.length * 4;
        continue;
      }
      throw new MalformedWarcError(source.path, offset, 'the file ends inside a gzip member trailer (a cut or torn last record)');
    }
    const data = inflated.buffer;
    if (trailer.readUInt32LE(0) !== crc32(data) >>> 0 || trailer.readUInt32LE(4) !== data.length % 2 ** 32) {
      throw new MalformedWarcError(source.path, offset, 'gzip member fails its CRC-32/length check: the stored bytes were altered');
    }
    const stored = window.subarray(0, trailerStart + 8);
    return { data, storedLength: stored.length, storedSha256: createHash('sha256').update(stored).digest('hex') };
  }
}

/** RFC 1952 member header: fixed 10 bytes plus the optional extra field, name, comment and header CRC. */
function gzipHeaderLength(path: string, offset: number, bytes: Buffer): number {
  if (bytes.length < 10 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new MalformedWarcError(path, offset, `no gzip member starts here (found ${JSON.stringify(bytes.subarray(0, 8).toString('latin1'))}): data between members, or a plain WARC appended to a gzipped one`);
  }
  if (bytes[2] !== 8) throw new MalformedWarcError(path, offset, `gzip member uses compression method ${bytes[2]}, not deflate`);
  const flags = bytes[3]!;
  let position = 10;
  if (flags & 0x04) position += 2 + (bytes.readUInt16LE(position) || 0);
  for (const flag of [0x08, 0x10]) {
    if (flags & flag) {
      const end = bytes.indexOf(0, position);
      if (end < 0) throw new MalformedWarcError(path, offset, 'gzip member header is cut');
      position = end + 1;
    }
  }
  if (flags & 0x02) position += 2;
  if (position > bytes.length) throw new MalformedWarcError(path, offset, 'gzip member header is cut');
  return position;
}

interface RecordHead {
  version: string;
  fields: WarcField[];
  headLength: number;
  contentLength: number;
}

function parseRecordHead(path: string, offset: number, bytes: Buffer): RecordHead {
  const firstLineEnd = bytes.indexOf('\r\n');
  const firstLine = bytes.subarray(0, firstLineEnd < 0 ? Math.min(bytes.length, 40) : firstLineEnd).toString('latin1');
  if (firstLine.startsWith('filedesc://') || /^[^ ]+ \d{1,3}(\.\d{1,3}){3} \d{14} /.test(firstLine)) {
    throw new MalformedWarcError(path, offset, 'this is an ARC file (the format before WARC), which Indicia does not read: convert it with `warcio recompress FILE OUT.warc.gz`');
  }
  if (!supportedVersions.has(firstLine)) {
    throw new MalformedWarcError(path, offset, `not a WARC record: the first line is ${JSON.stringify(firstLine.slice(0, 60))}, expected WARC/1.0 or WARC/1.1`);
  }
  const headEnd = bytes.indexOf(recordEnd);
  if (headEnd < 0) throw new MalformedWarcError(path, offset, `no end of the header block within ${Math.min(bytes.length, maxHeaderBytes)} bytes`);
  const fields: WarcField[] = [];
  for (const line of bytes.subarray(firstLineEnd + 2, headEnd).toString('utf8').split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]![1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MalformedWarcError(path, offset, `header line without a name: ${JSON.stringify(line.slice(0, 80))}`);
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  const lengthValue = warcField({ fields }, 'Content-Length');
  if (lengthValue === undefined || !/^\d+$/.test(lengthValue)) {
    throw new MalformedWarcError(path, offset, `Content-Length is ${lengthValue === undefined ? 'missing' : `not a number: ${JSON.stringify(lengthValue)}`}`);
  }
  for (const required of ['WARC-Type', 'WARC-Record-ID', 'WARC-Date']) {
    if (warcField({ fields }, required) === undefined) throw new MalformedWarcError(path, offset, `the mandatory ${required} field is missing`);
  }
  return { version: firstLine, fields, headLength: headEnd + recordEnd.length, contentLength: Number(lengthValue) };
}

/** Positioned reads of a file with a one-window cache, so a record is read once however it is parsed. */
class ByteSource {
  private cacheStart = 0;
  private cache = Buffer.alloc(0);

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<ByteSource> {
    const handle = await open(path, 'r');
    try {
      return new ByteSource(path, handle, (await handle.stat()).size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * At least `length` bytes from `offset` (fewer only at the end of the file), more when the cache
   * already holds them: reading small records one by one then costs one read per megabyte.
   */
  async peekAtLeast(offset: number, length: number): Promise<Buffer> {
    const wanted = Math.min(length, Math.max(0, this.size - offset));
    if (offset >= this.cacheStart && offset + wanted <= this.cacheStart + this.cache.length) return this.cache.subarray(offset - this.cacheStart);
    return this.peek(offset, length);
  }

  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  async peek(offset: number, length: number): Promise<Buffer> {
    const wanted = Math.min(length, Math.max(0, this.size - offset));
    if (offset >= this.cacheStart && offset + wanted <= this.cacheStart + this.cache.length) {
      return this.cache.subarray(offset - this.cacheStart, offset - this.cacheStart + wanted);
    }
    const size = Math.min(Math.max(wanted, readChunkBytes), Math.max(0, this.size - offset));
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await this.handle.read(buffer, filled, size - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    this.cacheStart = offset;
    this.cache = buffer.subarray(0, filled);
    return this.cache.subarray(0, Math.min(wanted, filled));
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

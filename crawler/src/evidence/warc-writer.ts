import { mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sha256Hex, StopRunError, UsageError } from '@indicia/core';
import type { HttpExchange } from '../http-exchange.js';
import { requestHead, responseHead } from './warc-http-block.js';
import { newRecordId, serializeRecord, sha256Label, warcDate, type WarcField, type WarcLocation } from './warc-record-format.js';

const gzipAsync = promisify(gzip);
const diskFailureCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

export const defaultMaxWarcFileBytes = 1024 ** 3;
export const warcDirName = 'warc';

export interface WarcWriterOptions {
  dataDir: string;
  /** Software and version for warcinfo, e.g. `Indicia/0.1.0`. */
  software: string;
  /** File names are `<prefix>-<UTC timestamp>-<serial>.warc.gz`. */
  prefix?: string;
  /** A new file is started before a write would take the current one past this size. */
  maxFileBytes?: number;
  /** Extra warcinfo fields (`operator`, `isPartOf`, ...), written in every file's warcinfo. */
  warcinfo?: Record<string, string>;
}

export interface ExchangeLocations {
  request: WarcLocation;
  response: WarcLocation;
}

export interface ResourceRecordInput {
  /** The page the resource belongs to (a screenshot: the page's URL). */
  targetUri: string;
  contentType: string;
  bytes: Buffer;
  date?: Date;
  /** Record id of the response it was captured with. */
  concurrentTo?: string;
  refersTo?: string;
}

export interface MetadataRecordInput {
  /** What it describes: a page URL, or a run (`urn:indicia:run:<id>`). */
  targetUri: string;
  fields: CrawlMetadata | Record<string, unknown>;
  date?: Date;
  concurrentTo?: string;
  refersTo?: string;
}

/** What a metadata record says about a crawl. */
export interface CrawlMetadata {
  settingsSha256: string;
  toolVersion: string;
  /** Credentials removed. */
  proxy: string | null;
  operator?: string;
  caseId?: string;
  runId?: string;
}

interface OpenFile {
  name: string;
  handle: FileHandle;
  size: number;
}

/**
 * Writes WARC/1.1 files under `<dataDir>/warc/`, one gzip member per record, a warcinfo record first
 * in each file, rotating at a size. Each write appends complete members with one write call and
 * resolves with where they are. A crash can tear only the last member of the file being written;
 * earlier members stay readable, and a reopened writer always starts a new file (never appends to
 * an old one). Writes are serialised; compression runs before the queue, in parallel.
 */
export class WarcWriter {
  private current: OpenFile | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private serial: number;
  private closed = false;

  private constructor(
    private readonly options: Required<Omit<WarcWriterOptions, 'warcinfo'>> & Pick<WarcWriterOptions, 'warcinfo'>,
    private readonly dir: string,
    lastSerial: number,
  ) {
    this.serial = lastSerial;
  }

  static async open(options: WarcWriterOptions): Promise<WarcWriter> {
    const prefix = options.prefix ?? 'indicia';
    if (!/^[A-Za-z0-9._-]+$/.test(prefix)) throw new UsageError(`WARC file prefix may hold letters, digits, '.', '_' and '-' only: ${JSON.stringify(prefix)}`);
    const maxFileBytes = options.maxFileBytes ?? defaultMaxWarcFileBytes;
    if (!(maxFileBytes > 0)) throw new UsageError('WARC maxFileBytes must be positive');
    const dir = join(options.dataDir, warcDirName);
    await mkdir(dir, { recursive: true });
    const serials = (await readdir(dir)).map((name) => new RegExp(`^${prefix.replace(/\./g, '\\.')}-\\d{17}-(\\d{5,})\\.warc\\.gz$`).exec(name)?.[1]);
    const lastSerial = Math.max(0, ...serials.filter((s): s is string => s !== undefined).map(Number));
    return new WarcWriter({ ...options, prefix, maxFileBytes }, dir, lastSerial);
  }

  /** The file now being written, relative to the data dir; null before the first write. */
  get currentFile(): string | null {
    return this.current ? `${warcDirName}/${this.current.name}` : null;
  }

  /** A request and its response, linked by WARC-Concurrent-To, written together in one file. */
  async writeExchange(exchange: HttpExchange): Promise<ExchangeLocations> {
    const requestId = newRecordId();
    const responseId = newRecordId();
    const date = warcDate(exchange.startedAt);
    const common: WarcField[] = [
      ['WARC-Date', date],
      ['WARC-Target-URI', exchange.targetUrl],
      ...(exchange.remoteIp ? ([['WARC-IP-Address', exchange.remoteIp]] as WarcField[]) : []),
    ];
    const { head } = responseHead(exchange);
    const payload = exchange.transferredBody;
    const response = serializeRecord(
      [
        ['WARC-Type', 'response'],
        ['WARC-Record-ID', responseId],
        ...common,
        ['WARC-Concurrent-To', requestId],
        ['WARC-Block-Digest', sha256Label([head, payload])],
        ['WARC-Payload-Digest', sha256Label(payload)],
        ...(exchange.transferredTruncated ? ([['WARC-Truncated', 'length']] as WarcField[]) : []),
        ['Content-Type', 'application/http;msgtype=response'],
      ],
      [head, payload],
    );
    const requestBlock = requestHead(exchange);
    const request = serializeRecord(
      [
        ['WARC-Type', 'request'],
        ['WARC-Record-ID', requestId],
        ...common,
        ['WARC-Concurrent-To', responseId],
        ['WARC-Block-Digest', sha256Label(requestBlock)],
        ['Content-Type', 'application/http;msgtype=request'],
      ],
      [requestBlock],
    );
    const [requestLocation, responseLocation] = await this.append([
      { recordId: requestId, bytes: request },
      { recordId: responseId, bytes: response },
    ]);
    return { request: requestLocation!, response: responseLocation! };
  }

  /** A resource record: a browser screenshot (image/png) of the page, or another captured file. */
  async writeResource(input: ResourceRecordInput): Promise<WarcLocation> {
    const recordId = newRecordId();
    const bytes = serializeRecord(
      [
        ['WARC-Type', 'resource'],
        ['WARC-Record-ID', recordId],
        ['WARC-Date', warcDate(input.date ?? new Date())],
        ['WARC-Target-URI', input.targetUri],
        ...linkFields(input),
        ['WARC-Block-Digest', sha256Label(input.bytes)],
        ['WARC-Payload-Digest', sha256Label(input.bytes)],
        ['Content-Type', input.contentType],
      ],
      [input.bytes],
    );
    const [location] = await this.append([{ recordId, bytes }]);
    return location!;
  }

  /** A metadata record (application/json): crawl settings' hash, tool version, proxy, operator, case. */
  async writeMetadata(input: MetadataRecordInput): Promise<WarcLocation> {
    const recordId = newRecordId();
    const json = Buffer.from(JSON.stringify(input.fields), 'utf8');
    const bytes = serializeRecord(
      [
        ['WARC-Type', 'metadata'],
        ['WARC-Record-ID', recordId],
        ['WARC-Date', warcDate(input.date ?? new Date())],
        ['WARC-Target-URI', input.targetUri],
        ...linkFields(input),
        ['WARC-Block-Digest', sha256Label(json)],
        ['Content-Type', 'application/json'],
      ],
      [json],
    );
    const [location] = await this.append([{ recordId, bytes }]);
    return location!;
  }

  /** Waits for queued writes, flushes the file to disk and closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.enqueue(() => this.closeCurrent());
  }

  private async append(records: { recordId: string; bytes: Buffer }[]): Promise<WarcLocation[]> {
    if (this.closed) throw new UsageError('the WARC writer is closed');
    const members = await Promise.all(records.map(async (record) => ({ recordId: record.recordId, member: await gzipAsync(record.bytes) })));
    return this.enqueue(async () => {
      const total = members.reduce((sum, { member }) => sum + member.length, 0);
      if (this.current && this.current.size > 0 && this.current.size + total > this.options.maxFileBytes) await this.closeCurrent();
      const file = this.current ?? (await this.startFile());
      const locations: WarcLocation[] = [];
      let offset = file.size;
      for (const { recordId, member } of members) {
        locations.push({ file: `${warcDirName}/${file.name}`, offset, length: member.length, recordId, sha256: sha256Hex(member) });
        offset += member.length;
      }
      await this.writeAll(file, Buffer.concat(members.map(({ member }) => member), total));
      return locations;
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    // The queue goes on after a failed write; the failure reaches the caller through `result`.
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async startFile(): Promise<OpenFile> {
    for (;;) {
      this.serial++;
      const name = `${this.options.prefix}-${fileTimestamp(new Date())}-${String(this.serial).padStart(5, '0')}.warc.gz`;
      let handle: FileHandle;
      try {
        // 'wx': another writer (a second crawler process) that picked the same name must not share the file.
        handle = await open(join(this.dir, name), 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw diskFailure(error, `cannot create a WARC file in ${this.dir}`);
      }
      const file: OpenFile = { name, handle, size: 0 };
      this.current = file;
      await this.writeAll(file, await gzipAsync(this.warcinfo(name)));
      return file;
    }
  }

  private warcinfo(fileName: string): Buffer {
    const fields = { software: this.options.software, format: 'WARC File Format 1.1', conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/', ...this.options.warcinfo };
    const block = Buffer.from(`${Object.entries(fields).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n`, 'utf8');
    return serializeRecord(
      [
        ['WARC-Type', 'warcinfo'],
        ['WARC-Record-ID', newRecordId()],
        ['WARC-Date', warcDate(new Date())],
        ['WARC-Filename', fileName],
        ['WARC-Block-Digest', sha256Label(block)],
        ['Content-Type', 'application/warc-fields'],
      ],
      [block],
    );
  }

  private async writeAll(file: OpenFile, bytes: Buffer): Promise<void> {
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await file.handle.write(bytes, written, bytes.length - written, file.size + written);
        written += bytesWritten;
      }
      file.size += bytes.length;
    } catch (error) {
      // The file may now end in a torn member: never append to it again.
      this.current = null;
      await file.handle.close().catch(() => undefined);
      throw diskFailure(error, `cannot write to the WARC file ${file.name}`);
    }
  }

  private async closeCurrent(): Promise<void> {
    const file = this.current;
    if (!file) return;
    this.current = null;
    try {
      await file.handle.sync();
    } finally {
      await file.handle.close();
    }
  }
}

function linkFields(input: { concurrentTo?: string; refersTo?: string }): WarcField[] {
  const fields: WarcField[] = [];
  if (input.concurrentTo) fields.push(['WARC-Concurrent-To', input.concurrentTo]);
  if (input.refersTo) fields.push(['WARC-Refers-To', input.refersTo]);
  return fields;
}

/** `YYYYMMDDhhmmssSSS`, UTC. */
function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:TZ.]/g, '');
}

function diskFailure(error: unknown, what: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && diskFailureCodes.has(code)) return new StopRunError(`${what}: ${(error as Error).message}`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

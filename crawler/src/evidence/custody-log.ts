import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex, StopRunError, UsageError } from '@indicia/core';
import type { WarcLocation } from './warc-record-format.js';

export const custodyLogName = 'custody.jsonl';
/** The last entry's seq and line hash: without it, removing or altering the last line would leave an intact chain. */
export const custodyHeadName = 'custody.head.json';

/** What the crawl knows about one capture when it records it. */
export interface CaptureCustody {
  captureId: string;
  url: string;
  /** The WARC records of the capture (request, response, screenshot resource, ...). */
  warc: WarcLocation[];
  /** Blob-store sha256 of the decoded body. */
  bodySha256?: string | null;
  /** Blob-store sha256 of the screenshot PNG. */
  screenshotSha256?: string | null;
  /** Blob-store sha256s of the images the page shows. */
  imageSha256s?: string[];
}

interface ChainFields {
  seq: number;
  /** ISO time of the entry. */
  at: string;
  /** sha256 of the previous entry's line (UTF-8, without its newline); null for the first. */
  prev: string | null;
}

export type CaptureCustodyEntry = ChainFields & CaptureCustody & { event: 'capture' };

/** Written on reopen when a crash left a torn last line: the torn bytes are kept, named and skipped. */
export type TornLineCustodyEntry = ChainFields & { event: 'torn-line'; tornOffset: number; tornBytes: number; tornSha256: string };

export type CustodyEntry = CaptureCustodyEntry | TornLineCustodyEntry;

export interface CustodyHead {
  seq: number;
  sha256: string;
}

export interface TornLine {
  offset: number;
  bytes: number;
}

/**
 * The append-only custody log `<dataDir>/custody.jsonl`: one JSON line per capture, each holding
 * the sha256 of the line before it, so removing, reordering or editing a line breaks the chain;
 * `custody.head.json` (replaced atomically after each append) anchors the last line. Appends are
 * serialised and each is one write call. Reopening continues the chain from the last line; a
 * crash's torn last line is kept, terminated, and recorded by a `torn-line` entry.
 */
export class CustodyLog {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly dataDir: string,
    private readonly handle: FileHandle,
    private seq: number,
    private prev: string | null,
    /** A torn last line found (and recorded) when opening. */
    readonly tornLine: TornLine | null,
  ) {}

  static async open(dataDir: string): Promise<CustodyLog> {
    const path = join(dataDir, custodyLogName);
    const handle = await open(path, 'a+');
    try {
      const { size } = await handle.stat();
      const tail = await readTail(handle, size);
      let seq = 0;
      let prev: string | null = null;
      if (tail.lastLine !== null) {
        const entry = parseEntryLine(tail.lastLine, `${path}: the last complete line`);
        seq = entry.seq;
        prev = sha256Hex(tail.lastLine);
      }
      const log = new CustodyLog(dataDir, handle, seq, prev, tail.torn);
      if (tail.torn) {
        const torn = tail.torn;
        const tornBytes = Buffer.alloc(torn.bytes);
        await handle.read(tornBytes, 0, torn.bytes, torn.offset);
        // The newline ends the torn line, so it stays in the file (evidence is never deleted) as a line of its own.
        await handle.appendFile('\n');
        await log.appendEntry({ event: 'torn-line', tornOffset: torn.offset, tornBytes: torn.bytes, tornSha256: sha256Hex(tornBytes) });
      }
      return log;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Records one capture; resolves when its line is written and the head updated. */
  append(capture: CaptureCustody): Promise<CaptureCustodyEntry> {
    if (this.closed) return Promise.reject(new UsageError('the custody log is closed'));
    const entry: CaptureCustody & { event: 'capture' } = {
      event: 'capture',
      captureId: capture.captureId,
      url: capture.url,
      warc: capture.warc,
      bodySha256: capture.bodySha256 ?? null,
      screenshotSha256: capture.screenshotSha256 ?? null,
      imageSha256s: capture.imageSha256s ?? [],
    };
    return this.appendEntry(entry) as Promise<CaptureCustodyEntry>;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.handle.sync();
    await this.handle.close();
  }

  private appendEntry(fields: Omit<CaptureCustodyEntry, keyof ChainFields> | Omit<TornLineCustodyEntry, keyof ChainFields>): Promise<CustodyEntry> {
    const result = this.queue.then(async () => {
      const entry = { seq: this.seq + 1, at: new Date().toISOString(), prev: this.prev, ...fields } as CustodyEntry;
      const line = JSON.stringify(entry);
      try {
        await this.handle.appendFile(`${line}\n`);
        this.seq = entry.seq;
        this.prev = sha256Hex(line);
        await writeHead(this.dataDir, { seq: this.seq, sha256: this.prev });
      } catch (error) {
        throw new StopRunError(`cannot append to the custody log in ${this.dataDir}: ${(error as Error).message}`, { cause: error });
      }
      return entry;
    });
    // Later appends still run after a failed one; the failure reaches its caller through `result`.
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** Parses one line; a line that is not an entry names where it is. */
export function parseEntryLine(line: string, where: string): CustodyEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new StopRunError(`${where} is not JSON (${(error as Error).message}): run \`indicia evidence verify\``);
  }
  const entry = value as Partial<CustodyEntry> | null;
  if (!entry || typeof entry !== 'object' || !Number.isInteger(entry.seq) || (entry.event !== 'capture' && entry.event !== 'torn-line')) {
    throw new StopRunError(`${where} is not a custody entry: run \`indicia evidence verify\``);
  }
  return entry as CustodyEntry;
}

export async function readCustodyHead(dataDir: string): Promise<CustodyHead | null> {
  try {
    return JSON.parse(await readFile(join(dataDir, custodyHeadName), 'utf8')) as CustodyHead;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeHead(dataDir: string, head: CustodyHead): Promise<void> {
  const path = join(dataDir, custodyHeadName);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(head)}\n`);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The last complete line, and a torn one after it (no final newline), read from the end of the file. */
async function readTail(handle: FileHandle, size: number): Promise<{ lastLine: string | null; torn: TornLine | null }> {
  let window = 64 * 1024;
  for (;;) {
    const start = Math.max(0, size - window);
    const bytes = Buffer.alloc(size - start);
    await handle.read(bytes, 0, bytes.length, start);
    const lastNewline = bytes.lastIndexOf(0x0a);
    const torn = lastNewline === bytes.length - 1 || bytes.length === 0 ? null : { offset: start + lastNewline + 1, bytes: bytes.length - lastNewline - 1 };
    if (lastNewline < 0 && start === 0) return { lastLine: null, torn };
    const previousNewline = lastNewline < 0 ? -1 : bytes.lastIndexOf(0x0a, lastNewline - 1);
    if (lastNewline >= 0 && (previousNewline >= 0 || start === 0)) {
      return { lastLine: bytes.subarray(previousNewline + 1, lastNewline).toString('utf8'), torn };
    }
    window *= 4;
  }
}

/** For callers that only need to know whether a data dir has a custody log. */
export async function hasCustodyLog(dataDir: string): Promise<boolean> {
  return stat(join(dataDir, custodyLogName)).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

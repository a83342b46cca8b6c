import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import { DeadLetterError, sha256Hex } from '@indicia/core';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * Raw response bodies, content-addressed by the sha256 of the uncompressed bytes and stored
 * gzip-compressed at `<dir>/<aa>/<bb>/<sha256>.gz`. Writes go to a temporary file that is renamed
 * into place, so a blob is either complete or absent, even after a crash.
 */
export class BlobStore {
  private readonly knownDirs = new Set<string>();

  constructor(private readonly dir: string) {}

  async put(bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    const sha256 = sha256Hex(bytes);
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      const dir = this.dirOf(sha256);
      if (!this.knownDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.knownDirs.add(dir);
      }
      const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, await gzipAsync(bytes));
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }
    return { sha256, bytes: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    return gunzipAsync(await readFile(this.existingPathOf(sha256)));
  }

  /** For callers that must stay synchronous (the capture ledger's iterator). */
  getSync(sha256: string): Buffer {
    return gunzipSync(readFileSync(this.existingPathOf(sha256)));
  }

  has(sha256: string): boolean {
    return sha256Pattern.test(sha256) && existsSync(this.pathOf(sha256));
  }

  private existingPathOf(sha256: string): string {
    if (!this.has(sha256)) throw new DeadLetterError(`blob ${sha256} is not in the store at ${this.dir}`);
    return this.pathOf(sha256);
  }

  private dirOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4));
  }

  private pathOf(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new DeadLetterError(`not a sha256: ${JSON.stringify(sha256)}`);
    return join(this.dirOf(sha256), `${sha256}.gz`);
  }
}

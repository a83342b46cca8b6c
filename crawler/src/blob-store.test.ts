import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DeadLetterError, sha256Hex } from '@indicia/core';
import { BlobStore } from './index.js';
import { temporaryDir } from './loopback-fixtures.js';

test('blob store: content-addressed, gzip-compressed, sharded by hash, no temp files left', async () => {
  const dir = await temporaryDir();
  try {
    const store = new BlobStore(dir.path);
    const bytes = Buffer.from('<html>ad 12: call 702-555-0142</html>'.repeat(100));
    const sha256 = sha256Hex(bytes);
    assert.equal(store.has(sha256), false);
    assert.deepEqual(await store.put(bytes), { sha256, bytes: bytes.length });
    assert.deepEqual(await store.put(bytes), { sha256, bytes: bytes.length }, 'storing again is harmless');
    const path = join(dir.path, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.gz`);
    const onDisk = await readFile(path);
    assert.ok(onDisk.length < bytes.length, 'compressed');
    assert.deepEqual(gunzipSync(onDisk), bytes);
    assert.deepEqual(await store.get(sha256), bytes);
    assert.deepEqual(store.getSync(sha256), bytes);
    assert.equal(store.has(sha256), true);
    assert.deepEqual(await readdir(join(dir.path, sha256.slice(0, 2), sha256.slice(2, 4))), [`${sha256}.gz`]);
    const empty = await store.put(Buffer.alloc(0));
    assert.deepEqual(await store.get(empty.sha256), Buffer.alloc(0));
  } finally {
    await dir.remove();
  }
});

test('blob store: unknown or malformed hashes are refused', async () => {
  const dir = await temporaryDir();
  try {
    const store = new BlobStore(dir.path);
    await assert.rejects(store.get('0'.repeat(64)), DeadLetterError);
    assert.equal(store.has('../../etc/passwd'), false);
    await assert.rejects(store.get('../../etc/passwd'), DeadLetterError);
  } finally {
    await dir.remove();
  }
});

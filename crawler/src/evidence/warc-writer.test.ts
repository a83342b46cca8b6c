import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { temporaryDir } from '../loopback-fixtures.js';
import { fakePng, fillDataDir, startEvidenceOrigin, warcio } from './evidence-test-support.js';
import { checkRecordDigests, payloadOf } from './warc-digests.js';
import { readWarcRecords, warcField, type WarcRecord } from './warc-reader.js';
import { WarcWriter } from './warc-writer.js';

async function recordsOf(path: string): Promise<WarcRecord[]> {
  const records = [];
  for await (const record of readWarcRecords(path)) records.push(record);
  return records;
}

describe('WarcWriter', () => {
  test('writes real exchanges (plain, gzip, chunked, redirect), a screenshot and metadata that pass warcio check and index', async () => {
    const dir = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      const { captures } = await fillDataDir(dir.path, origin, ['/plain', '/gzip', '/chunked', '/go']);
      const files = await readdir(join(dir.path, 'warc'));
      assert.equal(files.length, 1);
      assert.match(files[0]!, /^indicia-\d{17}-00001\.warc\.gz$/);
      const path = join(dir.path, 'warc', files[0]!);

      const check = warcio(['check', '-v', path]);
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.doesNotMatch(check.stdout, /fail/);
      assert.equal(check.stdout.match(/digest pass/g)?.length, 13, check.stdout);
      const index = warcio(['index', '-f', 'warc-type,warc-target-uri,offset,length', path]);
      assert.equal(index.status, 0, index.stderr);
      const indexed = index.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
      assert.deepEqual(
        indexed.map((row) => row['warc-type']),
        ['warcinfo', 'request', 'response', 'resource', 'metadata', 'request', 'response', 'request', 'response', 'request', 'response', 'request', 'response'],
      );

      const records = await recordsOf(path);
      assert.deepEqual(records.map((record) => String(record.offset)), indexed.map((row) => row.offset), 'our offsets are warcio\'s');
      for (const record of records) assert.deepEqual(checkRecordDigests(record), []);
      // Every location the writer returned points at its record, byte for byte.
      for (const location of captures.flatMap((capture) => capture.warc)) {
        const record = records.find((candidate) => warcField(candidate, 'WARC-Record-ID') === location.recordId)!;
        assert.deepEqual([record.offset, record.length, record.storedSha256], [location.offset, location.length, location.sha256]);
      }

      const byUri = (suffix: string, type: string) => records.find((record) => warcField(record, 'WARC-Type') === type && warcField(record, 'WARC-Target-URI')!.endsWith(suffix))!;
      const gzipResponse = byUri('/gzip', 'response');
      assert.match(gzipResponse.block.toString('latin1'), /\r\ncontent-encoding: gzip\r\n/i);
      assert.equal(gunzipSync(payloadOf(gzipResponse)!).toString(), '<p>gzip page 312-555-0199</p>', 'the payload is stored as transferred, content-encoded');
      assert.equal(warcField(gzipResponse, 'WARC-IP-Address'), '127.0.0.1');

      const chunked = byUri('/chunked', 'response');
      const head = chunked.block.toString('latin1').split('\r\n\r\n')[0]!;
      assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
      assert.match(head, /\r\nX-Archive-Orig-Transfer-Encoding: chunked/);
      assert.doesNotMatch(head, /\r\nTransfer-Encoding:/i);
      assert.match(head, /\r\nContent-Length: 37(\r|$)/);
      assert.match(head, /\r\nX-Mixed-Case: Kept/, 'header names keep the server\'s spelling');
      assert.equal(payloadOf(chunked)!.toString(), '<p>first chunk</p><p>second chunk</p>');

      const request = byUri('/chunked', 'request');
      assert.match(request.block.toString('latin1'), /^GET \/chunked HTTP\/1\.1\r\n[\s\S]*\r\nHost: 127\.0\.0\.1:\d+\r\n/i);
      assert.equal(warcField(request, 'WARC-Concurrent-To'), warcField(chunked, 'WARC-Record-ID'));
      assert.equal(warcField(chunked, 'WARC-Concurrent-To'), warcField(request, 'WARC-Record-ID'));

      const redirect = records.filter((record) => warcField(record, 'WARC-Type') === 'response' && warcField(record, 'WARC-Target-URI')!.endsWith('/go'));
      assert.equal(redirect.length, 1, 'the redirect hop is recorded too');
      assert.match(redirect[0]!.block.toString('latin1'), /^HTTP\/1\.1 302 Found\r\n/);

      const screenshot = records.find((record) => warcField(record, 'WARC-Type') === 'resource')!;
      assert.equal(warcField(screenshot, 'Content-Type'), 'image/png');
      assert.deepEqual(screenshot.block, fakePng);
      assert.equal(warcField(screenshot, 'WARC-Concurrent-To'), captures[0]!.warc[1]!.recordId);
      const metadata = records.find((record) => warcField(record, 'WARC-Type') === 'metadata')!;
      assert.equal(warcField(metadata, 'Content-Type'), 'application/json');
      assert.equal((JSON.parse(metadata.block.toString()) as { caseId: string }).caseId, 'CASE-7');
      assert.match(records[0]!.block.toString(), /^software: Indicia\/test\r\nformat: WARC File Format 1\.1\r\n/);
    } finally {
      await origin.close();
      await dir.remove();
    }
  });

  test('rotates at the size limit, a warcinfo first in every file', async () => {
    const dir = await temporaryDir();
    const origin = await startEvidenceOrigin();
    try {
      await fillDataDir(dir.path, origin, ['/plain', '/gzip', '/chunked', '/plain', '/gzip'], { maxFileBytes: 2500 });
      const files = (await readdir(join(dir.path, 'warc'))).sort();
      assert.ok(files.length >= 3, `${files.length} files`);
      assert.deepEqual(files.map((name) => name.slice(-14)), files.map((_, i) => `-${String(i + 1).padStart(5, '0')}.warc.gz`));
      let total = 0;
      for (const name of files) {
        const records = await recordsOf(join(dir.path, 'warc', name));
        assert.equal(warcField(records[0]!, 'WARC-Type'), 'warcinfo');
        assert.equal(warcField(records[0]!, 'WARC-Filename'), name);
        total += records.length - 1;
        const types = records.map((record) => warcField(record, 'WARC-Type'));
        for (const [i, type] of types.entries()) if (type === 'request') assert.equal(types[i + 1], 'response', 'a request and its response stay in one file');
        assert.equal(warcio(['check', join(dir.path, 'warc', name)]).status, 0);
      }
      assert.equal(total, 12);
    } finally {
      await origin.close();
      await dir.remove();
    }
  });

  test('a torn last member after a crash leaves earlier records readable; reopening starts a new file', async () => {
    const dir = await temporaryDir();
    try {
      const writer = await WarcWriter.open({ dataDir: dir.path, software: 'Indicia/test' });
      const first = await writer.writeResource({ targetUri: 'http://velvet-nights.test/ads/1', contentType: 'image/png', bytes: fakePng });
      const second = await writer.writeResource({ targetUri: 'http://velvet-nights.test/ads/2', contentType: 'image/png', bytes: fakePng });
      await writer.close();
      const path = join(dir.path, first.file);
      const member = (await readFile(path)).subarray(second.offset, second.offset + second.length);
      // A crash mid-write: half of another member at the end.
      await appendFile(path, member.subarray(0, Math.floor(member.length / 2)));
      const read: string[] = [];
      await assert.rejects(
        (async () => {
          for await (const record of readWarcRecords(path)) read.push(warcField(record, 'WARC-Record-ID')!);
        })(),
        new RegExp(`at offset ${second.offset + second.length}: the file ends inside a gzip member`),
      );
      assert.deepEqual(read.slice(1), [first.recordId, second.recordId]);

      const reopened = await WarcWriter.open({ dataDir: dir.path, software: 'Indicia/test' });
      const third = await reopened.writeResource({ targetUri: 'http://velvet-nights.test/ads/3', contentType: 'image/png', bytes: fakePng });
      await reopened.close();
      assert.notEqual(third.file, first.file);
      assert.match(third.file, /-00002\.warc\.gz$/);
      assert.equal((await recordsOf(join(dir.path, third.file))).length, 2);
    } finally {
      await dir.remove();
    }
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRecordDigests } from './warc-digests.js';
import { MalformedWarcError, readWarcRecords, warcField } from './warc-reader.js';

/** ../shared/corpora/warc beside the repository (from crawler/dist/evidence/), unless INDICIA_WARC_CORPUS says otherwise. */
const corpus = process.env.INDICIA_WARC_CORPUS ?? fileURLToPath(new URL('../../../../shared/corpora/warc', import.meta.url));

/**
 * warcio's own test suite tells which of its samples are valid: these read, with the record types
 * (and offsets, for the gzip ones) that `warcio index` gives.
 */
const valid: Record<string, string[]> = {
  'example.warc': ['warcinfo', 'warcinfo', 'response', 'request', 'revisit', 'request'],
  'example.warc.gz': ['warcinfo', 'warcinfo', 'response', 'request', 'revisit', 'request'],
  'example-iana.org-chunked.warc': ['warcinfo', 'response', 'request'],
  'example-resource.warc.gz': ['warcinfo', 'warcinfo', 'resource'],
  'example-space-in-target-uri.warc.gz': ['warcinfo', 'resource'],
  'example-wget-bad-target-uri.warc.gz': ['warcinfo', 'request', 'response', 'metadata', 'resource', 'resource'],
  'post-test.warc.gz': ['response', 'request', 'response', 'request', 'response', 'request'],
  // Readable; its first record's payload digest is wrong (warcio raises on it with check_digests).
  'example-digest.warc': ['request', 'request', 'request', 'request'],
};

/** The rest are refused, with the offset and a reason that says what is wrong. */
const malformed: Record<string, { offset: number; reason: RegExp }> = {
  'example-trunc.warc': { offset: 1197, reason: /not followed by CRLF CRLF at offset 2560/ },
  'example-bad-non-chunked.warc.gz': { offset: 0, reason: /more than one record: the file is one gzip stream/ },
  'example-bad.warc.gz.bad': { offset: 0, reason: /more than one record: the file is one gzip stream/ },
  'example-wrong-chunks.warc.gz': { offset: 0, reason: /continues beyond its gzip member/ },
  'example.arc': { offset: 0, reason: /ARC file .*`warcio recompress/ },
  'example.arc.gz': { offset: 0, reason: /ARC file .*`warcio recompress/ },
  'example-space-in-url.arc': { offset: 0, reason: /ARC file/ },
  'bad.arc': { offset: 0, reason: /ARC file/ },
};

async function readAll(path: string) {
  const records = [];
  for await (const record of readWarcRecords(path)) records.push(record);
  return records;
}

describe('readWarcRecords on the warcio sample files', () => {
  test('every sample file is listed as valid or malformed', () => {
    const files = readdirSync(corpus).filter((name) => name !== 'LICENSE').sort();
    assert.deepEqual(files, [...Object.keys(valid), ...Object.keys(malformed)].sort());
  });

  for (const [name, types] of Object.entries(valid)) {
    test(`reads ${name}`, async () => {
      const records = await readAll(join(corpus, name));
      assert.deepEqual(records.map((record) => warcField(record, 'WARC-Type')), types);
      for (const [index, record] of records.entries()) {
        const next = records[index + 1];
        if (next) assert.equal(record.offset + record.length, next.offset, 'records are contiguous');
        assert.equal(record.block.length, Number(warcField(record, 'Content-Length')));
      }
      const digestProblems = records.flatMap((record) => checkRecordDigests(record).map((problem) => ({ offset: record.offset, field: problem.field })));
      assert.deepEqual(digestProblems, name === 'example-digest.warc' ? [{ offset: 0, field: 'WARC-Payload-Digest' }] : []);
    });
  }

  test('offsets agree with warcio index for a gzip file', async () => {
    const records = await readAll(join(corpus, 'example.warc.gz'));
    assert.deepEqual(records.map((record) => record.offset), [0, 353, 784, 2012, 2621, 3207]);
  });

  for (const [name, expected] of Object.entries(malformed)) {
    test(`refuses ${name}, naming file, offset and problem`, async () => {
      await assert.rejects(readAll(join(corpus, name)), (error: Error) => {
        assert.ok(error instanceof MalformedWarcError, String(error));
        assert.equal(error.offset, expected.offset);
        assert.match(error.message, new RegExp(`^${join(corpus, name).replace(/\./g, '\\.')} at offset ${expected.offset}: `));
        assert.match(error.problem, expected.reason);
        return true;
      });
    });
  }
});

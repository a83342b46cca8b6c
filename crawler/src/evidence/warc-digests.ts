import { createHash, getHashes } from 'node:crypto';
import { warcField, type WarcRecord } from './warc-reader.js';

export interface DigestProblem {
  field: 'WARC-Block-Digest' | 'WARC-Payload-Digest';
  /** The field's value as written. */
  declared: string;
  problem: string;
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const knownAlgorithms = new Set(getHashes().map((name) => name.toLowerCase()));

/**
 * Checks a record's WARC-Block-Digest and WARC-Payload-Digest against its bytes. Values may be
 * base32 (warcio, Heritrix), hex (what Indicia writes) or base64 (standard or URL-safe), as the
 * WARC standard leaves the encoding open. For application/http records the payload is what follows
 * the HTTP head, as stored; a revisit's payload digest names the original and is not checked.
 */
export function checkRecordDigests(record: Pick<WarcRecord, 'fields' | 'block'>): DigestProblem[] {
  const problems: DigestProblem[] = [];
  const block = warcField(record, 'WARC-Block-Digest');
  if (block !== undefined) {
    const problem = compareDigest(block, record.block);
    if (problem) problems.push({ field: 'WARC-Block-Digest', declared: block, problem });
  }
  const payloadDigest = warcField(record, 'WARC-Payload-Digest');
  if (payloadDigest !== undefined && warcField(record, 'WARC-Type') !== 'revisit') {
    const payload = payloadOf(record);
    const problem = payload ? compareDigest(payloadDigest, payload) : 'the HTTP head has no end, so there is no payload to check';
    if (problem) problems.push({ field: 'WARC-Payload-Digest', declared: payloadDigest, problem });
  }
  return problems;
}

/** The payload: after the HTTP head for application/http records, else the whole block. */
export function payloadOf(record: Pick<WarcRecord, 'fields' | 'block'>): Buffer | null {
  const contentType = (warcField(record, 'Content-Type') ?? '').toLowerCase();
  if (!contentType.startsWith('application/http')) return record.block;
  const headEnd = record.block.indexOf('\r\n\r\n');
  return headEnd < 0 ? null : record.block.subarray(headEnd + 4);
}

function compareDigest(declared: string, bytes: Buffer): string | null {
  const colon = declared.indexOf(':');
  if (colon <= 0) return 'no algorithm label (expected e.g. sha256:...)';
  const algorithm = declared.slice(0, colon).trim().toLowerCase().replace(/^sha-/, 'sha');
  if (!knownAlgorithms.has(algorithm)) return `unknown digest algorithm ${JSON.stringify(algorithm)}`;
  const actual = createHash(algorithm).update(bytes).digest();
  const expected = decodeDigestValue(declared.slice(colon + 1).trim(), actual.length);
  if (!expected) return 'the value is not hex, base32 or base64 of the right length';
  return expected.equals(actual) ? null : `the bytes hash to ${algorithm}:${actual.toString('hex')}`;
}

function decodeDigestValue(value: string, size: number): Buffer | null {
  if (value.length === size * 2 && /^[0-9a-fA-F]+$/.test(value)) return Buffer.from(value, 'hex');
  const unpadded = value.replace(/=+$/, '');
  if (unpadded.length === Math.ceil((size * 8) / 5) && /^[A-Za-z2-7]+$/.test(unpadded)) return base32Decode(unpadded.toUpperCase());
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === size) return decoded;
  }
  return null;
}

function base32Decode(value: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let accumulator = 0;
  for (const character of value) {
    accumulator = (accumulator << 5) | base32Alphabet.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((accumulator >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

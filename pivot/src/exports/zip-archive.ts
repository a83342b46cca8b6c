import { crc32, deflateRawSync } from 'node:zlib';
import { UsageError } from '@indicia/core';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; no
 * ZIP64, no encryption): enough for Maltego's .mtgx, which is a zip of a GraphML file. Entries are
 * deflated unless that does not make them smaller. Timestamps are fixed (1980-01-01), so the same
 * graph gives the same bytes.
 */
export interface ZipEntry {
  /** Path inside the archive, '/'-separated ("Graphs/Graph1.graphml"). */
  readonly name: string;
  readonly data: Buffer;
}

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endOfCentralDirectorySignature = 0x06054b50;
const versionNeeded = 20;
/** Bit 11: the name is UTF-8. */
const utf8NameFlag = 0x0800;
const methodStored = 0;
const methodDeflated = 8;
/** MS-DOS date of 1980-01-01 (the format's epoch), time 00:00. */
const dosDate = (0 << 9) | (1 << 5) | 1;
const maxSize = 0xffff_ffff;
const maxEntries = 0xffff;

/** The graph is too big for a plain zip: the analyst exports a neighbourhood (--seed) instead. */
export class ZipTooLargeError extends UsageError {
  override readonly name: string = 'ZipTooLargeError';
}

export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > maxEntries) throw new ZipTooLargeError(`${entries.length} entries: a zip without ZIP64 holds at most ${maxEntries}`);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 6 });
    const [method, body] = deflated.length < entry.data.length ? [methodDeflated, deflated] : [methodStored, entry.data];
    if (entry.data.length > maxSize || body.length > maxSize || offset > maxSize) throw new ZipTooLargeError(`${entry.name}: over 4 GiB needs ZIP64`);
    const checksum = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(localHeaderSignature, 0);
    local.writeUInt16LE(versionNeeded, 4);
    local.writeUInt16LE(utf8NameFlag, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    parts.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(centralHeaderSignature, 0);
    header.writeUInt16LE(versionNeeded, 4); // version made by (MS-DOS, 2.0)
    header.writeUInt16LE(versionNeeded, 6);
    header.writeUInt16LE(utf8NameFlag, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(checksum, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra field, comment, disk number, internal and external attributes: all zero
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  if (offset > maxSize) throw new ZipTooLargeError('archive over 4 GiB needs ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(endOfCentralDirectorySignature, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

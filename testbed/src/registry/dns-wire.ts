/**
 * The parts of the RFC 1035 wire format an authoritative, non-recursive server needs: read a
 * query's header and question, write an answer with A, AAAA, MX, NS, TXT and SOA records. Names
 * are written uncompressed (allowed; the answers stay far below 512 bytes).
 */

export const dnsTypes = { A: 1, NS: 2, SOA: 6, MX: 15, TXT: 16, AAAA: 28 } as const;
export const dnsRcodes = { noError: 0, formErr: 1, nxDomain: 3, notImp: 4 } as const;
const classIn = 1;

export interface DnsQuery {
  id: number;
  opcode: number;
  recursionDesired: boolean;
  /** As received (case kept, so the answer echoes it), no trailing dot. */
  name: string;
  type: number;
  qclass: number;
  /** The question's bytes, copied into the answer as they came. */
  questionBytes: Buffer;
}

export type DnsRecordData =
  | { type: 'A' | 'AAAA'; address: string }
  | { type: 'NS'; host: string }
  | { type: 'MX'; priority: number; exchange: string }
  | { type: 'TXT'; text: string }
  | { type: 'SOA'; primary: string; mailbox: string; serial: number };

export interface DnsAnswerRecord {
  name: string;
  ttl: number;
  data: DnsRecordData;
}

/** Thrown for a packet that is not a readable one-question query. */
export class DnsFormatError extends Error {
  override readonly name = 'DnsFormatError';
}

/** Reads a query; null when even the header is missing (nothing to answer to). */
export function readDnsQuery(packet: Buffer): DnsQuery | null {
  if (packet.length < 12) return null;
  const id = packet.readUInt16BE(0);
  const flags = packet.readUInt16BE(2);
  const query = { id, opcode: (flags >> 11) & 0xf, recursionDesired: (flags & 0x0100) !== 0 };
  if ((flags & 0x8000) !== 0 || packet.readUInt16BE(4) !== 1) throw Object.assign(new DnsFormatError('not a one-question query'), { query });
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = packet[offset];
    if (length === undefined || length > 63) throw Object.assign(new DnsFormatError('bad question name'), { query });
    offset += 1;
    if (length === 0) break;
    if (offset + length > packet.length) throw Object.assign(new DnsFormatError('question name runs past the packet'), { query });
    labels.push(packet.toString('latin1', offset, offset + length));
    offset += length;
  }
  if (offset + 4 > packet.length) throw Object.assign(new DnsFormatError('question cut short'), { query });
  return {
    ...query,
    name: labels.join('.'),
    type: packet.readUInt16BE(offset),
    qclass: packet.readUInt16BE(offset + 2),
    questionBytes: Buffer.from(packet.subarray(12, offset + 4)),
  };
}

/** The id and opcode a FORMERR answer needs, when the header could be read. */
export function headerOfBadQuery(error: DnsFormatError): Pick<DnsQuery, 'id' | 'opcode' | 'recursionDesired'> | null {
  const query = (error as DnsFormatError & { query?: Pick<DnsQuery, 'id' | 'opcode' | 'recursionDesired'> }).query;
  return query ?? null;
}

export interface DnsResponse {
  id: number;
  opcode: number;
  recursionDesired: boolean;
  rcode: number;
  authoritative: boolean;
  questionBytes?: Buffer;
  answers?: DnsAnswerRecord[];
  authority?: DnsAnswerRecord[];
}

/** Writes an answer: QR set, RA never (this server does no recursion). */
export function writeDnsResponse(response: DnsResponse): Buffer {
  const answers = response.answers ?? [];
  const authority = response.authority ?? [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(response.id, 0);
  const flags = 0x8000 | ((response.opcode & 0xf) << 11) | (response.authoritative ? 0x0400 : 0) | (response.recursionDesired ? 0x0100 : 0) | (response.rcode & 0xf);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(response.questionBytes === undefined ? 0 : 1, 4);
  header.writeUInt16BE(answers.length, 6);
  header.writeUInt16BE(authority.length, 8);
  header.writeUInt16BE(0, 10);
  return Buffer.concat([header, response.questionBytes ?? Buffer.alloc(0), ...answers.map(writeRecord), ...authority.map(writeRecord)]);
}

function writeRecord(record: DnsAnswerRecord): Buffer {
  const data = recordData(record.data);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(dnsTypes[record.data.type], 0);
  fixed.writeUInt16BE(classIn, 2);
  fixed.writeUInt32BE(record.ttl, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([writeName(record.name), fixed, data]);
}

function recordData(data: DnsRecordData): Buffer {
  switch (data.type) {
    case 'A':
      return Buffer.from(data.address.split('.').map(Number));
    case 'AAAA':
      return ipv6Bytes(data.address);
    case 'NS':
      return writeName(data.host);
    case 'MX': {
      const priority = Buffer.alloc(2);
      priority.writeUInt16BE(data.priority, 0);
      return Buffer.concat([priority, writeName(data.exchange)]);
    }
    case 'TXT': {
      const bytes = Buffer.from(data.text, 'utf8');
      const strings: Buffer[] = [];
      for (let start = 0; start < bytes.length || strings.length === 0; start += 255) {
        const part = bytes.subarray(start, start + 255);
        strings.push(Buffer.from([part.length]), part);
      }
      return Buffer.concat(strings);
    }
    case 'SOA': {
      const numbers = Buffer.alloc(20);
      // serial, refresh, retry, expire, minimum (the negative-answer TTL)
      [data.serial, 3600, 600, 604_800, 300].forEach((value, index) => numbers.writeUInt32BE(value >>> 0, index * 4));
      return Buffer.concat([writeName(data.primary), writeName(data.mailbox), numbers]);
    }
  }
}

export function writeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter((label) => label !== '');
  return Buffer.concat([...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'latin1')])), Buffer.from([0])]);
}

/** "2001:db8::1f" → 16 bytes. */
export function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.includes('::') ? address.split('::') as [string, string] : [address, undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  if (groups.length !== 8) throw new RangeError(`not an IPv6 address: ${address}`);
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));
  return bytes;
}

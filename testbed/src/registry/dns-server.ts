import { createSocket, type Socket } from 'node:dgram';
import { DnsZone } from './dns-zone.js';
import { dnsRcodes, dnsTypes, DnsFormatError, headerOfBadQuery, readDnsQuery, writeDnsResponse, type DnsAnswerRecord, type DnsQuery } from './dns-wire.js';
import type { RegistrationWorld } from './registration-world.js';

const ttl = 300;
const typeNames = new Map<number, keyof typeof dnsTypes>(Object.entries(dnsTypes).map(([name, code]) => [code, name as keyof typeof dnsTypes]));

/**
 * An authoritative DNS server over UDP (RFC 1035) for every name of the registration world. It
 * never recurses (RA is never set): any name outside the world is NXDOMAIN.
 */
export function createDnsServer(world: RegistrationWorld, options: { ipv6: boolean }): Socket {
  const zone = new DnsZone(world);
  const socket = createSocket({ type: options.ipv6 ? 'udp6' : 'udp4' });
  socket.on('message', (packet, remote) => {
    const answer = answerTo(zone, packet);
    if (answer !== null) socket.send(answer, remote.port, remote.address);
  });
  return socket;
}

function answerTo(zone: DnsZone, packet: Buffer): Buffer | null {
  let query: DnsQuery | null;
  try {
    query = readDnsQuery(packet);
  } catch (error) {
    if (!(error instanceof DnsFormatError)) throw error;
    const header = headerOfBadQuery(error);
    return header === null ? null : writeDnsResponse({ ...header, rcode: dnsRcodes.formErr, authoritative: false });
  }
  if (query === null) return null;
  const base = { id: query.id, opcode: query.opcode, recursionDesired: query.recursionDesired, questionBytes: query.questionBytes };
  if (query.opcode !== 0 || query.qclass !== 1) return writeDnsResponse({ ...base, rcode: dnsRcodes.notImp, authoritative: false });
  const known = zone.lookup(query.name);
  const zoneName = known?.zone ?? zone.zoneOf(query.name);
  const authority = zoneName === undefined ? [] : [soaOf(zoneName)];
  if (known === undefined) return writeDnsResponse({ ...base, rcode: dnsRcodes.nxDomain, authoritative: zoneName !== undefined, authority });
  const wanted = typeNames.get(query.type);
  const answers: DnsAnswerRecord[] = known.records.filter((record) => record.type === wanted).map((data) => ({ name: query.name, ttl, data }));
  return writeDnsResponse({ ...base, rcode: dnsRcodes.noError, authoritative: true, answers, authority: answers.length === 0 ? authority : [] });
}

function soaOf(zoneName: string): DnsAnswerRecord {
  return { name: zoneName, ttl, data: { type: 'SOA', primary: `ns1.${zoneName}`, mailbox: `hostmaster.${zoneName}`, serial: 2025010101 } };
}

import { strict as assert } from 'node:assert';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { after, before, describe, it } from 'node:test';
import { startTestbed, type RunningTestbed } from '../start-testbed.js';
import { writeName } from './dns-wire.js';
import { registrationTruth } from './registration-truth.js';

const seed = 2;
const ads = 400;
const truth = registrationTruth({ seed, ads });

async function code(query: Promise<unknown>): Promise<string | undefined> {
  try {
    await query;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

/** A raw query with RD set, to read the answer's flags (node:dns does not show them). */
function rawQuery(server: string, name: string): Promise<Buffer> {
  const port = Number(server.slice(server.lastIndexOf(':') + 1));
  const header = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  const packet = Buffer.concat([header, writeName(name), Buffer.from([0, 1, 0, 1])]);
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('message', (message) => {
      socket.close();
      resolve(message);
    });
    socket.once('error', reject);
    socket.send(packet, port, '127.0.0.1');
  });
}

describe('testbed DNS server', () => {
  let testbed: RunningTestbed;
  let resolver: Resolver;
  before(async () => {
    testbed = await startTestbed({ seed, ads });
    resolver = new Resolver({ timeout: 2000, tries: 3 });
    resolver.setServers([testbed.dnsServer]);
  });
  after(() => testbed.close());

  it('answers A, AAAA, MX, NS and TXT of every domain of the world, and A of its www', async () => {
    for (const domain of truth.domains) {
      const { dns } = domain;
      assert.deepEqual(await resolver.resolve4(domain.domain), dns.a, domain.domain);
      assert.deepEqual(await resolver.resolve6(domain.domain), dns.aaaa);
      assert.deepEqual(await resolver.resolveMx(domain.domain), dns.mx);
      assert.deepEqual(await resolver.resolveNs(domain.domain), dns.ns);
      assert.deepEqual((await resolver.resolveTxt(domain.domain)).map((chunks) => chunks.join('')), dns.txt);
      assert.deepEqual(await resolver.resolve4(`www.${domain.domain}`), dns.a);
    }
  });

  it('puts the sites on one shared hosting: same nameservers and address', async () => {
    const sites = truth.domains.filter((domain) => domain.kind === 'site');
    for (const site of sites) {
      assert.deepEqual(await resolver.resolveNs(site.domain), truth.sharedHosting.nameservers);
      assert.deepEqual(await resolver.resolve4(site.domain), [truth.sharedHosting.ipv4]);
    }
  });

  it('says NXDOMAIN for other names, NODATA for a missing type, and never offers recursion', async () => {
    assert.equal(await code(resolver.resolve4('unheard-of.test')), 'ENOTFOUND');
    assert.equal(await code(resolver.resolve4('www.google.com')), 'ENOTFOUND');
    assert.equal(await code(resolver.resolveMx(`www.${truth.domains[0]!.domain}`)), 'ENODATA');
    const answer = await rawQuery(testbed.dnsServer, 'www.google.com');
    const flags = answer.readUInt16BE(2);
    assert.equal(flags & 0x0080, 0, 'RA must not be set');
    assert.equal(flags & 0x000f, 3, 'NXDOMAIN');
    assert.equal(answer.readUInt16BE(0), 0x1234);
  });
});

import { strict as assert } from 'node:assert';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestbed, type RunningTestbed } from '../start-testbed.js';
import { registrationTruth } from './registration-truth.js';
import { eppPhone } from './whois-text.js';
import { whoisLimitExceeded } from './whois-server.js';

const seed = 2;
const ads = 400;
const truth = registrationTruth({ seed, ads });

/** One RFC 3912 exchange: the query line out, everything until the server closes back. */
function whois(endpoint: string, query: string): Promise<string> {
  const [host, port] = [endpoint.slice(0, endpoint.lastIndexOf(':')), Number(endpoint.slice(endpoint.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, host, () => socket.write(`${query}\r\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

function field(text: string, label: string): string[] {
  return text.split('\r\n').filter((line) => line.startsWith(`${label}:`)).map((line) => line.slice(label.length + 1).trim());
}

describe('testbed WHOIS servers', () => {
  let testbed: RunningTestbed;
  before(async () => {
    testbed = await startTestbed({ seed, ads });
  });
  after(() => testbed.close());

  it('answer every domain of the world as the truth says: thick .test at the registry, contacts of thin TLDs at the registrar', async () => {
    for (const domain of truth.domains) {
      const current = domain.history.at(-1)!;
      const registrar = truth.registrars.find((candidate) => candidate.ianaId === domain.registrarId)!;
      const registry = await whois(testbed.whois.registry, domain.domain);
      assert.deepEqual(field(registry, 'Domain Name'), [domain.domain.toUpperCase()]);
      assert.deepEqual(field(registry, 'Registrar IANA ID'), [registrar.ianaId]);
      assert.deepEqual(field(registry, 'Registrar WHOIS Server'), [registrar.whoisServer]);
      assert.deepEqual(field(registry, 'Name Server'), domain.dns.ns.map((server) => server.toUpperCase()));
      assert.deepEqual(field(registry, 'Domain Status'), ['clientTransferProhibited https://icann.org/epp#clientTransferProhibited', 'clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited']);
      assert.deepEqual(field(registry, 'Creation Date'), [`${domain.createdAt.slice(0, 19)}Z`]);
      const thick = domain.domain.endsWith('.test');
      assert.deepEqual(field(registry, 'Registrant Email'), thick ? [current.contact.email] : [], domain.domain);
      const fromRegistrar = await whois(testbed.whois.registrars[registrar.whoisServer]!, domain.domain);
      for (const role of ['Registrant', 'Admin', 'Tech']) {
        assert.deepEqual(field(fromRegistrar, `${role} Email`), [current.contact.email]);
        assert.deepEqual(field(fromRegistrar, `${role} Name`), [current.contact.name]);
      }
      const phone = field(fromRegistrar, 'Registrant Phone')[0];
      assert.equal(phone, current.privacy?.kind === 'redacted' ? 'REDACTED FOR PRIVACY' : eppPhone(current.contact.phone));
      assert.deepEqual(field(fromRegistrar, 'Registrar Registration Expiration Date'), [`${domain.expiresAt.slice(0, 19)}Z`]);
    }
  });

  it('maps every registry and registrar WHOIS host name to a server in `connect`', () => {
    for (const registrar of truth.registrars) assert.equal(testbed.whois.connect[registrar.whoisServer], testbed.whois.registrars[registrar.whoisServer]);
    assert.equal(testbed.whois.connect['whois.nic.test'], testbed.whois.registry);
    assert.equal(testbed.whois.connect['whois.nic.example'], testbed.whois.registry);
  });

  it('answers as of its clock: older records before a change, "No match" before creation', async () => {
    const changed = truth.domains.find((domain) => domain.history.length > 1 && domain.domain.endsWith('.test'));
    assert.ok(changed !== undefined, 'no .test domain with a history in this seed');
    try {
      for (const period of changed.history) {
        testbed.registry.setClock(new Date(Date.parse(period.validFrom) + 1000));
        assert.deepEqual(field(await whois(testbed.whois.registry, changed.domain), 'Registrant Email'), [period.contact.email]);
        assert.deepEqual(field(await whois(testbed.whois.registry, changed.domain), 'Updated Date'), [`${period.updatedAt.slice(0, 19)}Z`]);
      }
      testbed.registry.setClock(new Date(Date.parse(changed.createdAt) - 1000));
      assert.match(await whois(testbed.whois.registry, changed.domain), /^No match for domain "/);
    } finally {
      testbed.registry.setClock(null);
    }
    assert.equal(field(await whois(testbed.whois.registry, changed.domain), 'Registrant Email')[0], changed.history.at(-1)!.contact.email);
  });

  it('shows privacy records as a proxy service or GDPR redaction', async () => {
    const proxied = truth.domains.find((domain) => domain.history.at(-1)!.privacy?.kind === 'proxy-service')!;
    const redacted = truth.domains.find((domain) => domain.history.at(-1)!.privacy?.kind === 'redacted')!;
    const registrarServer = (domain: typeof proxied) => testbed.whois.registrars[truth.registrars.find((registrar) => registrar.ianaId === domain.registrarId)!.whoisServer]!;
    const proxyText = await whois(registrarServer(proxied), proxied.domain);
    const redactedText = await whois(registrarServer(redacted), redacted.domain);
    assert.deepEqual(field(proxyText, 'Registrant Organization'), ['Domains By Proxy, LLC']);
    assert.deepEqual(field(proxyText, 'Registrant Email'), [truth.privacyProxyEmail]);
    assert.deepEqual(field(redactedText, 'Registrant Name'), ['REDACTED FOR PRIVACY']);
    assert.match(field(redactedText, 'Registrant Email')[0]!, /^Please query the RDDS service/);
  });

  it('says "No match" for a domain outside the world', async () => {
    const text = await whois(testbed.whois.registry, 'unheard-of.test');
    assert.match(text, /^No match for domain "UNHEARD-OF\.TEST"\.\r\n/);
    assert.deepEqual(field(text, 'Domain Name'), []);
  });
});

describe('testbed WHOIS rate limit', () => {
  it('answers "WHOIS LIMIT EXCEEDED" past N queries a second', async () => {
    const limited = await startTestbed({ seed, ads: 20, whoisQueriesPerSecond: 2 });
    try {
      // All at once, so the burst lands within one second however loaded the machine is.
      const answers = await Promise.all(Array.from({ length: 6 }, () => whois(limited.whois.registry, 'velvet-nights.test')));
      assert.ok(answers.filter((answer) => answer.startsWith('Domain Name: VELVET-NIGHTS.TEST')).length >= 2);
      assert.ok(answers.filter((answer) => answer === whoisLimitExceeded).length >= 1);
      assert.ok(answers.every((answer) => answer === whoisLimitExceeded || answer.startsWith('Domain Name:')));
    } finally {
      await limited.close();
    }
  });
});

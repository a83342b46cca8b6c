import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex, WhoisRecordedSchema } from '@indicia/core';
import { registrationTruth, startTestbed, type RegistrationTruth, type RunningTestbed } from '@indicia/testbed';
import { RdapClient } from '../rdap/index.js';
import { parseWhois } from '../whois-parser/index.js';
import { recordedChainOf } from './recorded-chain.js';
import { WhoisClient } from './whois-client.js';

/**
 * Both clients against the testbed's registry: a thick WHOIS registry for .test, thin ones that
 * refer to the registrar's server for .com/.net/.org, and an RDAP server for every TLD. The
 * registry servers answer as of now, so each domain's current record is the one to find.
 */
describe('WHOIS and RDAP clients against the testbed registry', () => {
  const seed = 1;
  const ads = 20;
  let testbed: RunningTestbed;
  let truth: RegistrationTruth;

  before(async () => {
    testbed = await startTestbed({ seed, ads, logRequests: false });
    truth = registrationTruth({ seed, ads });
  });
  after(() => testbed.close());

  const current = (domain: RegistrationTruth['domains'][number]) => domain.history.find((period) => period.validTo === null) ?? null;
  const sample = () => truth.domains.filter((domain) => current(domain) !== null && Date.parse(domain.createdAt) < Date.now()).slice(0, 8);

  it('WHOIS: finds the registry by override, follows thin registries to the registrar, and returns its contact', async () => {
    const client = new WhoisClient({ servers: { '*': 'whois.nic.test' }, connect: testbed.whois.connect, minIntervalMs: 0 });
    const domains = sample();
    assert.ok(domains.length >= 4);
    for (const domain of domains) {
      const lookup = await client.lookup(domain.domain);
      const period = current(domain)!;
      // A thick registry's answer that names no one (privacy service, redaction) is followed too.
      const thin = !domain.domain.endsWith('.test') || period.privacy !== null;
      assert.equal(lookup.chain.length, thin ? 2 : 1, `${domain.domain}: ${lookup.chain.join(' → ')}`);
      assert.equal(lookup.referralError, null);
      if (period.privacy === null) assert.ok(lookup.raw.includes(period.contact.email), `${domain.domain} shows its registrant's email`);

      // The snapshot the pivot stage records keeps the registry's answer before the registrar's.
      const snapshot = WhoisRecordedSchema.parse({
        domain: domain.domain,
        observedAt: lookup.queriedAt,
        source: 'whois',
        server: lookup.server,
        record: parseWhois(lookup.raw, { domain: domain.domain, server: lookup.server }),
        raw: lookup.raw,
        rawSha256: lookup.rawSha256,
        ...recordedChainOf(lookup),
      });
      if (!thin) {
        assert.equal(snapshot.chain, undefined, domain.domain);
        continue;
      }
      assert.equal(snapshot.chain?.length, 1, domain.domain);
      const [registryAnswer] = snapshot.chain!;
      assert.equal(registryAnswer!.server, 'whois.nic.test');
      assert.notEqual(registryAnswer!.server, snapshot.server, 'the final answer is the registrar\'s');
      assert.match(registryAnswer!.raw, new RegExp(`Registrar WHOIS Server: ${snapshot.server.replace(/[.:]/g, '\\$&')}`, 'i'), domain.domain);
      assert.equal(registryAnswer!.rawSha256, sha256Hex(Buffer.from(registryAnswer!.raw, 'utf8')), 'the hash is of the bytes the registry sent');
      if (period.privacy === null) assert.ok(!registryAnswer!.raw.includes(period.contact.email), `${domain.domain}: the thin answer names no registrant`);
    }
  });

  it('RDAP: reads each current record into the registrant it names, privacy services kept out', async () => {
    const client = new RdapClient({ servers: { '*': testbed.rdapUrl }, minIntervalMs: 0 });
    for (const domain of sample()) {
      const lookup = await client.lookupDomain(domain.domain);
      const period = current(domain)!;
      assert.equal(lookup.record.domain, domain.domain);
      assert.equal(lookup.record.registered, true);
      if (period.privacy === null) {
        assert.equal(lookup.record.registrant?.email, period.contact.email.toLowerCase(), domain.domain);
        assert.equal(lookup.record.registrant?.phone, period.contact.phone, domain.domain);
        assert.equal(lookup.record.privacyProxy, null, domain.domain);
      } else {
        assert.equal(lookup.record.registrant?.email ?? null, null, `${domain.domain} keeps the ${period.privacy.kind} out`);
        assert.notEqual(lookup.record.privacyProxy, null, domain.domain);
      }
    }
  });
});

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { RegistrationRecordSchema } from '@indicia/core';
import { RdapFormatError } from './rdap-errors.js';
import { mergeRegistrarRecord } from './rdap-merge.js';
import { parseRdapJson, rdapDomainRecord, rdapEntityContact } from './rdap-record.js';
import { proxiedRegistrarResponse, registrarResponse, thinRegistryResponse } from './rdap-sample-responses-data.js';

const corpus = process.env.INDICIA_RDAP_CORPUS ?? fileURLToPath(new URL('../../../../shared/corpora/rdap', import.meta.url));
const corpusJson = async (path: string): Promise<Record<string, unknown>> => parseRdapJson(await readFile(join(corpus, path), 'utf8'), path);

describe('RDAP domain → RegistrationRecord', () => {
  it('reads the corpus example.cz (CZ.NIC FRED): events, status, nameservers, contacts by handle', async () => {
    const record = rdapDomainRecord(await corpusJson('rdap/rdap.nic.cz/domain-example.cz.json'), 'rdap.nic.cz');
    RegistrationRecordSchema.parse(record);
    assert.equal(record.domain, 'example.cz');
    assert.equal(record.registered, true);
    assert.equal(record.createdAt, '2004-08-30T22:55:00.000Z');
    assert.equal(record.expiresAt, '2019-08-30T12:00:00.000Z');
    assert.equal(record.updatedAt, null);
    assert.deepEqual(record.status, ['ok']);
    assert.deepEqual(record.nameservers, ['ns2.pipni.cz', 'ns3.pipni.cz', 'ns.pipni.cz']);
    assert.deepEqual(record.registrar, { name: null, id: 'REG-INTERNET-CZ', url: null, whoisServer: null });
    assert.equal(record.registrant?.handle, 'SB:EXAMPLE');
    assert.equal(record.registrant?.email, null);
    assert.equal(record.admin?.handle, 'EXAMPLE');
    assert.equal(record.tech, null);
    assert.equal(record.privacyProxy, null);
  });

  it('refuses the corpus nameserver and entity objects as domains, and reads the entity jCard', async () => {
    assert.throws(() => rdapDomainRecord({ objectClassName: 'nameserver', ldhName: 'ns2.pipni.cz' }, 'x'), /a "nameserver" object, not a domain/);
    const nameserver = await corpusJson('rdap/rdap.nic.cz/nameserver-ns2.pipni.cz.json');
    assert.throws(() => rdapDomainRecord(nameserver, 'rdap.nic.cz'), RdapFormatError);
    const entity = parseRdapJson(await readFile(join(corpus, 'rdap/rdap-pilot.verisignlabs.com/entity-1-VRSN'), 'utf8'), 'verisignlabs');
    assert.throws(() => rdapDomainRecord(entity, 'verisignlabs'), RdapFormatError);
    const contact = rdapEntityContact(entity, 'verisignlabs');
    assert.equal(contact?.name, 'Verisign, Inc.~VRSN');
    assert.equal(contact?.email, 'namestore-admin@verisign.com');
    assert.equal(contact?.phone, null, 'an empty "tel:" is no number');
    assert.equal(contact?.city, 'Dulles');
    assert.equal(contact?.country, 'US');
  });

  it('refuses misc/malformed.json and non-object JSON with an RdapFormatError', async () => {
    const text = await readFile(join(corpus, 'misc/malformed.json'), 'utf8');
    assert.throws(() => parseRdapJson(text, 'malformed.json'), (error: unknown) => error instanceof RdapFormatError && /not valid JSON/.test(error.message));
    assert.throws(() => parseRdapJson('[1,2]', 'x'), /not a JSON object/);
    assert.throws(() => rdapDomainRecord({ objectClassName: 'domain' }, 'x'), /no ldhName/);
    assert.throws(() => rdapDomainRecord({ ldhName: 'a.test', entities: [{ roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text']]] }] }, 'x'), /jCard: property 0/);
  });

  it('reads a thin registry answer: registrar with IANA id, EPP statuses, lowercased nameservers, UTC dates', () => {
    const record = rdapDomainRecord(thinRegistryResponse('example-shop.com', 'https://rdap.registrar.example/'), 'registry');
    assert.equal(record.domain, 'example-shop.com');
    assert.deepEqual(record.registrar, { name: 'Example Registrar, Inc.', id: '9999', url: null, whoisServer: null });
    assert.deepEqual(record.status, ['clientDeleteProhibited', 'clientTransferProhibited', 'clientUpdateProhibited']);
    assert.deepEqual(record.nameservers, ['ns1.example-dns.net', 'ns2.example-dns.net']);
    assert.equal(record.updatedAt, '2024-03-02T08:30:00.000Z');
    assert.equal(record.registrant, null, "the registrar's abuse contact is nobody's registrant");
    assert.equal(record.tech, null);
  });

  it("reads the registrar's contacts: identity kept, redactions (values and RFC 9537) named, nested entities found", () => {
    const record = rdapDomainRecord(registrarResponse('example-shop.com'), 'registrar');
    RegistrationRecordSchema.parse(record);
    assert.deepEqual(record.registrant, {
      handle: 'C-1001',
      name: 'Jane Roe',
      organization: 'Roe Staffing Ltd',
      email: 'jane.roe@example.net',
      phone: '+17025550142',
      fax: '+17025550143',
      street: 'Suite 5, 12 Example Street',
      city: 'Las Vegas',
      state: 'NV',
      postalCode: '89101',
      country: 'US',
      redacted: [],
    });
    assert.equal(record.admin?.name, null);
    assert.equal(record.admin?.email, null, 'a web form is no email');
    assert.deepEqual([...record.admin!.redacted].sort(), ['email', 'name', 'phone']);
    assert.equal(record.tech?.name, 'Hosting Team');
    assert.equal(record.tech?.organization, 'Example Hosting');
    assert.deepEqual(record.tech?.redacted, ['email']);
    assert.deepEqual(record.privacyProxy, { kind: 'redacted', service: null });
    assert.equal(record.registrar?.url, 'https://registrar.example/');
    assert.equal(record.registrar?.whoisServer, 'whois.registrar.example');
  });

  it("keeps a privacy service's stand-in out of every identity field and names the service", () => {
    const record = rdapDomainRecord(proxiedRegistrarResponse('example-shop.com'), 'registrar');
    const registrant = record.registrant!;
    for (const field of ['name', 'organization', 'email', 'phone', 'street', 'city', 'country'] as const) assert.equal(registrant[field], null, field);
    assert.ok(registrant.redacted.includes('email') && registrant.redacted.includes('name'));
    assert.deepEqual(record.privacyProxy, { kind: 'proxy-service', service: 'Domains By Proxy, LLC' });
  });

  it("merges a thin registry's record with the registrar's: registrar contacts win, registry dates stand", () => {
    const registry = rdapDomainRecord(thinRegistryResponse('example-shop.com', 'https://rdap.registrar.example/'), 'registry');
    const registrar = rdapDomainRecord(registrarResponse('example-shop.com'), 'registrar');
    const merged = mergeRegistrarRecord(registry, registrar);
    RegistrationRecordSchema.parse(merged);
    assert.equal(merged.registrant?.email, 'jane.roe@example.net');
    assert.equal(merged.createdAt, '2019-04-01T10:00:00.000Z');
    assert.equal(merged.expiresAt, '2027-04-01T10:00:00.000Z');
    assert.deepEqual(merged.status, registry.status);
    assert.deepEqual(merged.registrar, { name: 'Example Registrar, Inc.', id: '9999', url: 'https://registrar.example/', whoisServer: 'whois.registrar.example' });
    assert.deepEqual(merged.privacyProxy, { kind: 'redacted', service: null });
  });
});

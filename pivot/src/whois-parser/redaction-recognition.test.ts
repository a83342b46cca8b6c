import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactionOf } from '../redaction.js';
import { parseWhois } from './parse-whois.js';

describe('redaction and privacy-service recognition', () => {
  const redactions = ['REDACTED FOR PRIVACY', 'Data Protected', 'Not Disclosed', 'Statutory Masking Enabled', 'Redacted | EU Data Subject', 'Withheld'];
  for (const value of redactions) it(`"${value}" is a redaction`, () => assert.equal(redactionOf(value)?.kind, 'redacted'));

  const services: ReadonlyArray<readonly [string, string]> = [
    ['Domains By Proxy, LLC', 'Domains By Proxy, LLC'],
    ['abc123@domainsbyproxy.com', 'Domains By Proxy, LLC'],
    ['WhoisGuard Protected', 'WhoisGuard, Inc.'],
    ['5f2c1e@whoisguard.com', 'WhoisGuard, Inc.'],
    ['Privacy service provided by Withheld for Privacy ehf', 'Withheld for Privacy ehf'],
  ];
  for (const [value, service] of services) it(`"${value}" is ${service}`, () => assert.deepEqual(redactionOf(value), { kind: 'proxy-service', service }));

  it('leaves ordinary values alone', () => {
    for (const value of ['Jane Roe', 'Roe Trading Ltd', 'jane@roe-trading.example', '+1.7025550123', 'Private Street 5']) assert.equal(redactionOf(value), null, value);
  });

  it('never puts a redaction or a proxy service in an identity field of a parsed record', () => {
    const record = parseWhois(
      [
        'Domain Name: roe-trading.example',
        'Creation Date: 2020-01-01T00:00:00Z',
        'Registrant Name: REDACTED FOR PRIVACY',
        'Registrant Organization: Data Protected',
        'Registrant Email: REDACTED FOR PRIVACY',
        'Admin Name: WhoisGuard Protected',
        'Admin Organization: WhoisGuard, Inc.',
        'Admin Email: 5f2c1e@whoisguard.com',
        'Admin Phone: +507.8365503',
        'Tech Organization: Privacy service provided by Withheld for Privacy ehf',
        'Tech Email: roe-trading.example@withheldforprivacy.com',
      ].join('\n'),
    );
    for (const role of ['registrant', 'admin', 'tech'] as const) {
      const contact = record[role]!;
      for (const field of ['name', 'organization', 'email', 'phone'] as const) assert.equal(contact[field], null, `${role}.${field}`);
    }
    assert.deepEqual(record.registrant?.redacted, ['name', 'organization', 'email']);
    assert.ok(record.admin?.redacted.includes('phone'));
    assert.equal(record.privacyProxy?.kind, 'proxy-service');
  });
});

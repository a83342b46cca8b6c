import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistrationRecordSchema } from '@indicia/core';
import { parseWhois, referralServerOf, WhoisParseError } from './index.js';

// Synthetic responses on reserved names and fictional numbers, in the formats real servers use.
const icann2013 = `Domain Name: SHOP-EXAMPLE.TEST
Registry Domain ID: 2336799_DOMAIN_TEST-VRSN
Registrar WHOIS Server: whois.registrar.example
Registrar URL: http://www.registrar.example
Updated Date: 2024-03-01T10:00:00Z
Creation Date: 2012-10-12T10:19:46.0Z
Registry Expiry Date: 2026-10-12T10:19:46Z
Registrar: Example Registrar, LLC
Registrar IANA ID: 9999
Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited
Domain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited
Registrant Name: Jane Roe
Registrant Organization: Roe Trading
Registrant Street: 1 Main Street
Registrant Street: Suite 5
Registrant City: Las Vegas
Registrant State/Province: NV
Registrant Postal Code: 89101
Registrant Country: US
Registrant Phone: +1.7025550123
Registrant Email: Jane.Roe@Example.COM
Admin Name: REDACTED FOR PRIVACY
Admin Email: Please query the RDDS service of the Registrar of Record identified in this output for information on how to contact the Registrant, Admin, or Tech contact of the queried domain name.
Tech Organization: Domains By Proxy, LLC
Tech Phone: +1.4806242599
Tech Email: shop-example.test@domainsbyproxy.com
Name Server: NS1.HOST.EXAMPLE.
Name Server: ns2.host.example 192.0.2.1
DNSSEC: unsigned
>>> Last update of WHOIS database: 2024-03-02T00:00:00Z <<<
`;

describe('parseWhois: ICANN 2013 RAA format', () => {
  const record = parseWhois(icann2013);
  it('is a valid RegistrationRecord', () => assert.doesNotThrow(() => RegistrationRecordSchema.parse(record)));
  it('reads the domain, dates, status and name servers', () => {
    assert.equal(record.domain, 'shop-example.test');
    assert.equal(record.registered, true);
    assert.equal(record.createdAt, '2012-10-12T10:19:46Z');
    assert.equal(record.updatedAt, '2024-03-01T10:00:00Z');
    assert.equal(record.expiresAt, '2026-10-12T10:19:46Z');
    assert.deepEqual(record.status, ['clientTransferProhibited', 'clientDeleteProhibited']);
    assert.deepEqual(record.nameservers, ['ns1.host.example', 'ns2.host.example']);
  });
  it('reads the registrar and its WHOIS server', () => {
    assert.deepEqual(record.registrar, { name: 'Example Registrar, LLC', id: '9999', url: 'http://www.registrar.example', whoisServer: 'whois.registrar.example' });
    assert.equal(referralServerOf(icann2013), 'whois.registrar.example');
  });
  it('normalises the registrant: E.164 phone, lowercased email, street lines joined', () => {
    assert.deepEqual(record.registrant, {
      handle: null,
      name: 'Jane Roe',
      organization: 'Roe Trading',
      email: 'jane.roe@example.com',
      phone: '+17025550123',
      fax: null,
      street: '1 Main Street, Suite 5',
      city: 'Las Vegas',
      state: 'NV',
      postalCode: '89101',
      country: 'US',
      redacted: [],
    });
  });
  it('keeps redactions and a proxy service out of the identity fields', () => {
    assert.equal(record.admin?.name, null);
    assert.equal(record.admin?.email, null);
    assert.deepEqual(record.admin?.redacted, ['name', 'email']);
    assert.equal(record.tech?.organization, null);
    assert.equal(record.tech?.email, null);
    assert.equal(record.tech?.phone, null, "a proxy service's phone would link every domain it serves");
    assert.deepEqual(record.privacyProxy, { kind: 'proxy-service', service: 'Domains By Proxy, LLC' });
  });
});

describe('parseWhois: block formats', () => {
  it('resolves RIPE-style nic-hdl objects (AFNIC)', () => {
    const record = parseWhois(
      `domain:      shop.example\nstatus:      ACTIVE\nholder-c:    JR100-FRNIC\nadmin-c:     JR100-FRNIC\nregistrar:   EXAMPLE REGISTRAR\nExpiry Date: 30/12/2027\ncreated:     27/07/2000\nlast-update: 30/12/2024\n\nnserver:     ns1.host.example\nnserver:     ns2.host.example [192.0.2.2]\n\nnic-hdl:     JR100-FRNIC\ntype:        ORGANIZATION\ncontact:     Roe Trading\naddress:     1 Main Street\naddress:     75001 Paris\ncountry:     FR\nphone:       +33 1 99 00 12 34\ne-mail:      contact@roe-trading.example\nchanged:     20/03/2015 nic@nic.example\n`,
      { server: 'whois.nic.fr' },
    );
    assert.equal(record.createdAt, '2000-07-27T00:00:00Z');
    assert.equal(record.updatedAt, '2024-12-30T00:00:00Z', 'a contact object\'s "changed" is not the domain\'s update');
    assert.deepEqual(record.nameservers, ['ns1.host.example', 'ns2.host.example']);
    assert.equal(record.registrant?.handle, 'JR100-FRNIC');
    assert.equal(record.registrant?.organization, 'Roe Trading');
    assert.equal(record.registrant?.name, null);
    assert.equal(record.registrant?.street, '1 Main Street, 75001 Paris');
    assert.equal(record.registrant?.email, 'contact@roe-trading.example');
    assert.equal(record.registrant?.phone, '+33199001234');
    assert.equal(record.admin?.handle, 'JR100-FRNIC');
  });

  it('reads indented sections (Nominet)', () => {
    const record = parseWhois(
      `\n    Domain name:\n        roe-trading.example\n\n    Registrant:\n        Roe Trading Ltd\n\n    Registrant's address:\n        1 High Street\n        Leeds\n        LS1 1AA\n        United Kingdom\n\n    Registrar:\n        Example Registrar Ltd t/a Example [Tag = EXAMPLE]\n        URL: http://www.registrar.example\n\n    Relevant dates:\n        Registered on: 14-Feb-1999\n        Expiry date:  14-Feb-2027\n        Last updated:  13-Jan-2024\n\n    Name servers:\n        ns1.host.example\n        ns2.host.example     192.0.2.2\n`,
    );
    assert.equal(record.domain, 'roe-trading.example');
    assert.equal(record.registrant?.name, 'Roe Trading Ltd');
    assert.equal(record.registrant?.street, '1 High Street');
    assert.equal(record.registrant?.city, 'Leeds');
    assert.equal(record.registrant?.postalCode, 'LS1 1AA');
    assert.equal(record.registrant?.country, 'United Kingdom');
    assert.deepEqual(record.registrar, { name: 'Example', id: 'EXAMPLE', url: 'http://www.registrar.example', whoisServer: null });
    assert.equal(record.createdAt, '1999-02-14T00:00:00Z');
    assert.deepEqual(record.nameservers, ['ns1.host.example', 'ns2.host.example']);
  });

  it('reads [bracketed] keys (JPRS)', () => {
    const record = parseWhois(
      `[ JPRS database provides information on network administration.     ]\n\nDomain Information:\n[Domain Name]                   ROE-TRADING.EXAMPLE\n\n[Registrant]                    Roe Trading\n\n[Name Server]                   ns1.host.example\n[Name Server]                   ns2.host.example\n\n[Created on]                    2005/05/30\n[Expires on]                    2027/05/31\n[Status]                        Active\n[Last Updated]                  2024/06/01 01:05:07 (JST)\n`,
    );
    assert.equal(record.domain, 'roe-trading.example');
    assert.equal(record.registrant?.name, 'Roe Trading');
    assert.deepEqual(record.status, ['Active']);
    assert.equal(record.updatedAt, '2024-05-31T16:05:07Z');
  });

  it('reads a "Registrant:" header followed by unlabelled lines', () => {
    const record = parseWhois(
      `Domain Name: roe-trading.example\nCreated on: 2001-01-01\n\nRegistrant:\n   Jane Roe\n   1 Main Street\n   Las Vegas, NV 89101\n   US\n   jane@roe-trading.example\n   +1 702 555 0123\n`,
    );
    assert.equal(record.registrant?.name, 'Jane Roe');
    assert.equal(record.registrant?.email, 'jane@roe-trading.example');
    assert.equal(record.registrant?.phone, '+17025550123');
    assert.equal(record.registrant?.country, 'US');
    assert.equal(record.registrant?.street, '1 Main Street, Las Vegas, NV 89101');
  });
});

describe('parseWhois: date labels and formats read since the corpus review', () => {
  it('reads "Modified Date", "date_renewal", "renewal" and "activated on"', () => {
    const record = parseWhois(`domain: roe-trading.example\nactivated on: 30/06/2003\nModified Date: 17-Dec-2014 18:07:42\nrenewal: 21-March-2027\nnserver: ns1.host.example\n`);
    assert.equal(record.createdAt, '2003-06-30T00:00:00Z');
    assert.equal(record.updatedAt, '2014-12-17T18:07:42Z');
    assert.equal(record.expiresAt, '2027-03-21T00:00:00Z');
    assert.equal(parseWhois(`domain: roe-trading.example\ndate_approved: 2005-06-25 16:03:30\ndate_renewal: 2027-06-25\n`).expiresAt, '2027-06-25T00:00:00Z');
  });

  it('does not take a "[Whois] Updated:" line (when the database was updated) for the domain', () => {
    const record = parseWhois(`[Domain]\nDomain: roe-trading.example\nStatus: free\n\n[Whois]\nUpdated: 2024-02-18 18:12:36.561777\n`);
    assert.equal(record.updatedAt, null);
    assert.equal(record.registered, false);
  });

  it('reads a phone written "+ 1-702-5550123-" among unlabelled contact lines (.tr)', () => {
    const record = parseWhois(`** Registrant:\n   Roe Trading\n   1 Main Street\n   jane@roe-trading.example\n   + 1-702-5550123-\n\n** Domain Servers:\nns1.host.example\n\nCreated on..............: 2001-Aug-23.\n`);
    assert.equal(record.registrant?.phone, '+17025550123');
  });

  it('does not take a disclaimer about "excessive querying" for a refusal', () => {
    assert.equal(parseWhois('Domain not found.\n\nWe may terminate your access for\nexcessive querying of the WHOIS database.\n').registered, false);
  });
});

describe('parseWhois: answers that are not a registration', () => {
  it('gives registered: false for "no match" answers', () => {
    for (const text of ['No match for "ROE-TRADING.EXAMPLE".\n>>> Last update of whois database: 2024-01-01 <<<\n', '%% NOT FOUND\n', 'Domain Status: AVAILABLE\n', 'roe-trading.example is available.\n']) {
      assert.equal(parseWhois(text).registered, false, text);
    }
  });

  it('throws WhoisParseError, saying why, for a response that is not WHOIS', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['', 'empty'],
      ['   \n\n', 'empty'],
      ['<!DOCTYPE html><html><body>Error</body></html>', 'markup'],
      ['\u0000\u0001\u0002\u0003\u0004\u0005PK\u0003\u0004binary', 'binary'],
      ['% Terms of use: you may not harvest this data.\n% Copyright the registry.\n', 'no-registration-data'],
      ['Too many requests, please try again later\n', 'rate-limited'],
    ];
    for (const [text, failure] of cases) {
      assert.throws(
        () => parseWhois(text),
        (error: unknown) => error instanceof WhoisParseError && error.failure === failure && error.message.length > 10,
        JSON.stringify(text),
      );
    }
  });

  it('names the domain asked about when the response does not', () => {
    assert.equal(parseWhois('NOT FOUND\n', { domain: 'Roe-Trading.example' }).domain, 'roe-trading.example');
  });

  it('returns null from referralServerOf when no registrar server is named', () => {
    assert.equal(referralServerOf('Domain Name: roe-trading.example\n'), null);
    assert.equal(referralServerOf('   Whois Server: WHOIS.REGISTRAR.EXAMPLE\n'), 'whois.registrar.example');
  });
});

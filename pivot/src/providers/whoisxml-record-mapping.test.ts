import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistrationRecordSchema } from '@indicia/core';
import { instantOf, snapshotFromWhoisXmlRecord } from './whoisxml-record-mapping.js';

const receivedAt = '2025-02-01T12:00:00.000Z';

test('dates: ISO 8601 with offsets and audit "YYYY-MM-DD hh:mm:ss.sss UTC" become UTC instants; junk becomes null', () => {
  assert.equal(instantOf('1997-09-15T00:00:00-07:00'), '1997-09-15T07:00:00.000Z');
  assert.equal(instantOf('2018-06-17 11:23:51.000 UTC'), '2018-06-17T11:23:51.000Z');
  assert.equal(instantOf(''), null);
  assert.equal(instantOf('2020 September-13'), null);
  assert.equal(instantOf(42), null);
});

test('status given as one string of EPP codes is split; registry words stay whole', () => {
  const split = snapshotFromWhoisXmlRecord({ domainName: 'a.example', status: 'clientTransferProhibited serverHold https://icann.org/epp#serverHold' }, receivedAt);
  assert.deepEqual(split.record.status, ['clientTransferProhibited', 'serverHold']);
  const words = snapshotFromWhoisXmlRecord({ domainName: 'a.example', status: ['Registered until renewal date.', 'ok'] }, receivedAt);
  assert.deepEqual(words.record.status, ['Registered until renewal date.', 'ok']);
});

test('a sparse or malformed record still gives a valid record, observed when it was received', () => {
  for (const value of [{}, null, 'text', { domainName: 'BÜCHER.example.', nameServers: 'ns1.example', registrantContact: 'x', status: 7 }]) {
    const snapshot = snapshotFromWhoisXmlRecord(value, receivedAt);
    RegistrationRecordSchema.parse(snapshot.record);
    assert.equal(snapshot.observedAt, receivedAt);
    assert.equal(snapshot.lastObservedAt, receivedAt);
  }
  const idn = snapshotFromWhoisXmlRecord({ domainName: 'BÜCHER.example.' }, receivedAt).record;
  assert.equal(idn.domain, 'xn--bcher-kva.example');
  assert.equal(idn.registrar, null);
  assert.deepEqual([idn.registrant, idn.admin, idn.tech, idn.privacyProxy], [null, null, null, null]);
});

test('a phone that is not a number is kept as written; a redacted country is named in redacted', () => {
  const record = snapshotFromWhoisXmlRecord({ domainName: 'a.example', registrantContact: { telephone: 'call the office', country: 'REDACTED FOR PRIVACY', email: 'Ops@Example.COM' } }, receivedAt).record;
  assert.equal(record.registrant?.phone, 'call the office');
  assert.equal(record.registrant?.country, null);
  assert.deepEqual(record.registrant?.redacted, ['country']);
  assert.equal(record.registrant?.email, 'ops@example.com');
});

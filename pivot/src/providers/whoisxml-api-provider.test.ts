import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistrationRecordSchema } from '@indicia/core';
import { FakeWhoisXml } from './test-support/fake-whoisxml.js';
import { fakeApiKey, fakeWhoisXmlData } from './test-support/whoisxml-fixture-data.js';
import { ProviderDisabledError, ProviderRateLimitedError, ProviderRequestRejectedError, ProviderUnavailableError } from './provider-errors.js';
import { WhoisXmlApiProvider } from './whoisxml-api-provider.js';
import { defaultWhoisXmlApiSettings, type WhoisXmlApiSettings } from './whoisxml-settings.js';
import { postWhoisXml } from './whoisxml-http.js';

let fake: FakeWhoisXml;

before(async () => {
  fake = await FakeWhoisXml.start({ data: fakeWhoisXmlData, reversePageSize: 2, echoKeyInErrors: true });
});
after(() => fake.close());

function provider(overrides: Partial<WhoisXmlApiSettings> = {}): WhoisXmlApiProvider {
  fake.behave({ kind: 'normal' });
  return new WhoisXmlApiProvider({ settings: defaultWhoisXmlApiSettings({ apiKey: fakeApiKey, historyUrl: fake.historyUrl, reverseUrl: fake.reverseUrl, ...overrides }) });
}

test('history maps every WhoisXML record to a valid RegistrationRecord, oldest first', async () => {
  const snapshots = await provider().history('Velvet-Nights.example');
  assert.equal(snapshots.length, 2);
  for (const snapshot of snapshots) RegistrationRecordSchema.parse(snapshot.record);
  const [nominee, operator] = snapshots as [(typeof snapshots)[0], (typeof snapshots)[0]];
  assert.equal(nominee.observedAt, '2021-03-05T08:00:00.000Z');
  assert.equal(nominee.lastObservedAt, '2022-12-30T08:00:00.000Z');
  assert.equal(nominee.record.registrant?.email, 'sam.nominee@example.net');
  assert.equal(nominee.record.registrant?.phone, '+12135550177');
  const record = operator.record;
  assert.equal(operator.observedAt, '2023-01-10T09:30:00.000Z');
  assert.equal(record.domain, 'velvet-nights.example');
  assert.equal(record.registered, true);
  assert.deepEqual(record.registrar, { name: 'Example Registrar, LLC', id: null, url: null, whoisServer: 'whois.registrar.example' });
  assert.equal(record.createdAt, '2021-03-04T17:00:00.000Z', 'the -07:00 offset is converted to UTC');
  assert.equal(record.expiresAt, '2026-03-04T17:00:00.000Z');
  assert.deepEqual(record.status, ['clientTransferProhibited', 'clientDeleteProhibited']);
  assert.deepEqual(record.nameservers, ['ns1.parked.example', 'ns2.parked.example']);
  assert.deepEqual(record.registrant, {
    handle: null,
    name: 'Dana Vale',
    organization: 'Velvet Staffing Ltd',
    email: 'recruit.velvet@example.com',
    phone: '+17025550142',
    fax: null,
    street: '12 Harbour Row',
    city: 'Las Vegas',
    state: 'NV',
    postalCode: '89101',
    country: 'US',
    redacted: [],
  });
  assert.equal(record.admin?.name, null, 'a redaction is never an identity');
  assert.deepEqual(record.admin?.redacted, ['name']);
  assert.equal(record.admin?.email, 'recruit.velvet@example.com');
  assert.equal(record.tech, null, 'an empty contact is no contact');
  assert.deepEqual(record.privacyProxy, { kind: 'redacted', service: null });
  assert.equal(JSON.parse(operator.raw).domainName, 'velvet-nights.example');
});

test('a privacy-proxied record names the service and keeps its stand-ins out of the identity fields', async () => {
  const [snapshot] = await provider().history('hidden-host.example');
  const registrant = snapshot!.record.registrant!;
  assert.deepEqual([registrant.name, registrant.organization, registrant.email], [null, null, null]);
  assert.deepEqual(registrant.redacted, ['name', 'organization', 'email']);
  assert.equal(registrant.country, 'PA');
  assert.deepEqual(snapshot!.record.privacyProxy, { kind: 'proxy-service', service: 'WhoisGuard, Inc.' });
});

test('history asks for purchase mode over POST with the key in the body, and passes sinceDate', async () => {
  const before = fake.requests.length;
  const snapshots = await provider().history('velvet-nights.example', { since: new Date('2023-06-01T00:00:00Z') });
  assert.equal(snapshots.length, 1, 'the fake filters by sinceDate as the API does');
  const request = fake.requests[before]!;
  assert.equal(request.method, 'POST');
  assert.deepEqual(request.params, { domainName: 'velvet-nights.example', mode: 'purchase', outputFormat: 'JSON', sinceDate: '2023-06-01', apiKey: fakeApiKey });
  assert.deepEqual(await provider().history('never-registered.example'), []);
});

test('reverse finds every domain whose records held an email, across pages', async () => {
  const before = fake.requests.length;
  const result = await provider().reverse({ field: 'email', value: 'RECRUIT.velvet@example.com' });
  assert.deepEqual(result.domains.sort(), ['velvet-agency.example', 'velvet-jobs.example', 'velvet-models.example', 'velvet-nights.example']);
  assert.equal(result.truncated, false);
  const pages = fake.requests.slice(before);
  assert.equal(pages.length, 2, 'two pages of two domains');
  assert.deepEqual(pages[0]!.params, { searchType: 'historic', mode: 'purchase', punycode: true, basicSearchTerms: { include: ['recruit.velvet@example.com'], exclude: [] }, apiKey: fakeApiKey });
  assert.equal(pages[1]!.params.searchAfter, 2);
});

test('reverse searches a phone by the digits WHOIS keeps, and historic finds past registrants that current does not', async () => {
  assert.deepEqual((await provider().reverse({ field: 'phone', value: '+1 702-555-0142' })).domains.sort(), ['velvet-agency.example', 'velvet-jobs.example', 'velvet-models.example', 'velvet-nights.example']);
  assert.deepEqual((await provider().reverse({ field: 'name', value: 'Sam Nominee' })).domains, ['velvet-nights.example']);
  assert.deepEqual((await provider({ reverseSearchType: 'current' }).reverse({ field: 'name', value: 'Sam Nominee' })).domains, []);
  assert.deepEqual((await provider().reverse({ field: 'organization', value: 'velvet staffing' })).domains.length, 4);
});

test('reverse passes since as updatedDateFrom', async () => {
  const before = fake.requests.length;
  const result = await provider().reverse({ field: 'name', value: 'Lee Other', since: new Date('2021-01-01T00:00:00Z') });
  assert.deepEqual(result.domains, []);
  assert.equal(fake.requests[before]!.params.updatedDateFrom, '2021-01-01');
});

test('reverse stops at maxReversePages and says the list is truncated', async () => {
  const before = fake.requests.length;
  const result = await provider({ maxReversePages: 1 }).reverse({ field: 'email', value: 'recruit.velvet@example.com' });
  assert.equal(result.domains.length, 2);
  assert.equal(result.truncated, true);
  assert.equal(fake.requests.length - before, 1);
});

test('without a key the provider says why it is disabled and never calls the API', async () => {
  const disabled = provider({ apiKey: null });
  assert.deepEqual(disabled.describe(), { enabled: false, reason: 'WhoisXML API disabled: no api key (set INDICIA_WHOISXML_API_KEY, or whoisxmlApiKey in the config file)' });
  const before = fake.requests.length;
  await assert.rejects(disabled.history('velvet-jobs.example'), ProviderDisabledError);
  assert.equal(fake.requests.length, before);
});

test('a bad key disables the provider for the run, with a reason that never shows the key', async () => {
  const badKey = 'at_wrongwrongwrongwrongwrongwron';
  const rejected = provider({ apiKey: badKey });
  assert.equal(rejected.describe().enabled, true);
  const error = await rejected.history('velvet-jobs.example').then(
    () => assert.fail('expected a refusal'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ProviderDisabledError);
  assert.match(error.message, /WhoisXML API disabled for this run: .*HTTP 403: Access restricted/);
  assert.doesNotMatch(error.message, /at_wrong/, 'the fake echoes the key; the message must not');
  assert.doesNotMatch(error.message, /velvet-jobs/);
  const description = rejected.describe();
  assert.equal(description.enabled, false);
  assert.doesNotMatch(description.reason ?? '', /at_wrong/);
  const before = fake.requests.length;
  await assert.rejects(rejected.reverse({ field: 'email', value: 'x@example.com' }), ProviderDisabledError);
  assert.equal(fake.requests.length, before, 'a disabled provider is not called again');
});

test('a missing key in the request is an authentication refusal too', async () => {
  await assert.rejects(postWhoisXml({ api: 'WHOIS History', url: fake.historyUrl, body: { domainName: 'velvet-jobs.example' }, apiKey: '', timeoutMs: 5000, lookedUp: 'velvet-jobs.example' }), ProviderDisabledError);
});

test('a missing domainName comes back in the ErrorMessage shape as a rejected request', async () => {
  const error = await postWhoisXml({ api: 'WHOIS History', url: fake.historyUrl, body: { mode: 'purchase' }, apiKey: fakeApiKey, timeoutMs: 5000, lookedUp: '' }).catch((thrown: unknown) => thrown);
  assert.ok(error instanceof ProviderRequestRejectedError);
  assert.match(error.message, /HTTP 400: WHOIS_01: The parameter domainName is missing/);
});

test('a bad searchType is a rejected request, which does not count against the provider', async () => {
  const bad = provider({ reverseSearchType: 'everything' as 'current' });
  await assert.rejects(bad.reverse({ field: 'email', value: 'recruit.velvet@example.com' }), (error: unknown) => error instanceof ProviderRequestRejectedError && /HTTP 422: searchType/.test(error.message));
  assert.equal(bad.breakerState, 'closed');
  await assert.rejects(provider().history('not a domain'), ProviderRequestRejectedError);
});

test('5xx answers are unavailable (retryable) errors', async () => {
  const failing = provider();
  fake.behave({ kind: 'failing', status: 500 });
  await assert.rejects(failing.history('velvet-jobs.example'), (error: unknown) => error instanceof ProviderUnavailableError && !(error instanceof ProviderRateLimitedError) && /HTTP 500/.test(error.message));
  fake.behave({ kind: 'failing', status: 503 });
  await assert.rejects(failing.reverse({ field: 'email', value: 'recruit.velvet@example.com' }), /Reverse WHOIS: HTTP 503/);
  fake.behave({ kind: 'normal' });
});

test('a 429 is a rate-limit error carrying Retry-After', async () => {
  const limited = provider();
  fake.behave({ kind: 'rate-limited', retryAfterSeconds: 7 });
  const error = await limited.history('velvet-jobs.example').catch((thrown: unknown) => thrown);
  fake.behave({ kind: 'normal' });
  assert.ok(error instanceof ProviderRateLimitedError);
  assert.equal(error.retryAfterMs, 7000);
  assert.match(error.message, /rate limited \(HTTP 429/);
});

test('an unreachable API is an unavailable error that names neither key nor domain', async () => {
  const closed = await FakeWhoisXml.start({ data: fakeWhoisXmlData });
  const url = closed.historyUrl;
  await closed.close();
  const unreachable = new WhoisXmlApiProvider({ settings: defaultWhoisXmlApiSettings({ apiKey: fakeApiKey, historyUrl: url }) });
  const error = await unreachable.history('velvet-jobs.example').catch((thrown: unknown) => thrown);
  assert.ok(error instanceof ProviderUnavailableError);
  assert.match(error.message, /request failed/);
  assert.doesNotMatch(error.message, new RegExp(`${fakeApiKey}|velvet-jobs`));
});

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeWhoisXml } from './test-support/fake-whoisxml.js';
import { fakeApiKey, fakeWhoisXmlData } from './test-support/whoisxml-fixture-data.js';
import { ProviderUnavailableError } from './provider-errors.js';
import { WhoisXmlApiProvider } from './whoisxml-api-provider.js';
import { defaultWhoisXmlApiSettings, type WhoisXmlApiSettings } from './whoisxml-settings.js';
import { withDeadline } from './with-deadline.js';

// A slow provider here takes far longer than any deadline, so the assertions hold however loaded
// the machine is: "answered before the provider did" is checked, not a precise time.
const verySlowMs = 30_000;

let fake: FakeWhoisXml;

before(async () => {
  fake = await FakeWhoisXml.start({ data: fakeWhoisXmlData });
});
after(() => fake.close());

function provider(overrides: Partial<WhoisXmlApiSettings> = {}, now?: () => number): WhoisXmlApiProvider {
  const settings = defaultWhoisXmlApiSettings({ apiKey: fakeApiKey, historyUrl: fake.historyUrl, reverseUrl: fake.reverseUrl, ...overrides });
  return new WhoisXmlApiProvider({ settings, ...(now ? { now } : {}) });
}

test('after N consecutive failures the breaker answers "unavailable" at once without calling, and closes again after the cool-down', async () => {
  const clock = { now: Date.parse('2025-01-01T00:00:00Z') };
  const flaky = provider({ breakerFailureThreshold: 2, breakerCoolDownMs: 60_000 }, () => clock.now);
  fake.behave({ kind: 'failing', status: 502 });
  await assert.rejects(flaky.history('velvet-jobs.example'), /HTTP 502/);
  await assert.rejects(flaky.history('velvet-jobs.example'), /HTTP 502/);
  assert.equal(flaky.breakerState, 'open');

  const before = fake.requests.length;
  await assert.rejects(flaky.history('velvet-jobs.example'), (error: unknown) => error instanceof ProviderUnavailableError && /WhoisXML API unavailable: not called until 2025-01-01T00:01:00.000Z after 2 consecutive failures/.test(error.message));
  assert.equal(fake.requests.length, before, 'an open breaker does not call the API');
  const outcome = await withDeadline((signal) => flaky.reverse({ field: 'email', value: 'recruit.velvet@example.com' }, { signal }), { deadlineMs: 60_000 });
  assert.equal(outcome.status === 'unavailable' && outcome.kind, 'paused');

  fake.behave({ kind: 'normal' });
  clock.now += 60_000;
  assert.equal(flaky.breakerState, 'half-open');
  assert.equal((await flaky.history('velvet-jobs.example')).length, 1, 'the trial call goes through');
  assert.equal(flaky.breakerState, 'closed');
});

test('a failed trial after the cool-down opens the breaker again', async () => {
  const clock = { now: 0 };
  const flaky = provider({ breakerFailureThreshold: 1, breakerCoolDownMs: 1000 }, () => clock.now);
  fake.behave({ kind: 'rate-limited', retryAfterSeconds: null });
  await assert.rejects(flaky.history('velvet-jobs.example'), /rate limited/);
  clock.now += 1000;
  await assert.rejects(flaky.history('velvet-jobs.example'), /rate limited/);
  assert.equal(flaky.breakerState, 'open');
  fake.behave({ kind: 'normal' });
});

test('a slow provider never holds a caller past its deadline, and the abandoned request is cancelled', async () => {
  const slow = provider({ requestTimeoutMs: 120_000 });
  fake.behave({ kind: 'slow', delayMs: verySlowMs });
  const started = Date.now();
  const outcome = await withDeadline((signal) => slow.history('velvet-jobs.example', { signal }), { deadlineMs: 200 });
  const waited = Date.now() - started;
  fake.behave({ kind: 'normal' });
  assert.deepEqual(outcome, { status: 'unavailable', kind: 'deadline', reason: 'no answer within the 200 ms deadline', retryable: true });
  assert.ok(waited < verySlowMs / 2, `answered after ${waited} ms, long before the provider would have`);
  assert.equal(slow.breakerState, 'closed', 'a caller giving up is not a provider failure');
  assert.deepEqual(await slow.history('velvet-jobs.example').then((snapshots) => snapshots.length), 1, 'its concurrency slot was freed');
});

test('callers queued behind a slow provider still get their answer at their deadline', async () => {
  const slow = provider({ maxConcurrent: 1, requestTimeoutMs: 120_000 });
  fake.behave({ kind: 'slow', delayMs: verySlowMs });
  const started = Date.now();
  const outcomes = await Promise.all([1, 2, 3].map(() => withDeadline((signal) => slow.reverse({ field: 'name', value: 'Dana Vale' }, { signal }), { deadlineMs: 300 })));
  fake.behave({ kind: 'normal' });
  assert.deepEqual(outcomes.map((outcome) => outcome.status), ['unavailable', 'unavailable', 'unavailable']);
  assert.ok(Date.now() - started < verySlowMs / 2);
});

test('the per-request timeout turns a hung API into an unavailable error', async () => {
  const hung = provider({ requestTimeoutMs: 150 });
  fake.behave({ kind: 'slow', delayMs: verySlowMs });
  const error = await hung.history('velvet-jobs.example').catch((thrown: unknown) => thrown);
  fake.behave({ kind: 'normal' });
  assert.ok(error instanceof ProviderUnavailableError);
  assert.match(error.message, /WHOIS History: no answer within 150 ms/);
});

test('no more requests than maxConcurrent are in flight at once', async () => {
  const capped = provider({ maxConcurrent: 2 });
  fake.behave({ kind: 'slow', delayMs: 100 });
  await fake.whenIdle();
  fake.maxInProgress = 0;
  const results = await Promise.all(['velvet-jobs.example', 'velvet-models.example', 'velvet-agency.example', 'hidden-host.example', 'unrelated.example'].map((domain) => capped.history(domain)));
  fake.behave({ kind: 'normal' });
  assert.deepEqual(results.map((snapshots) => snapshots.length), [1, 1, 1, 1, 1]);
  assert.equal(fake.maxInProgress, 2);
});

test('withDeadline turns provider errors into outcomes and passes bugs through', async () => {
  const rejected = await withDeadline((signal) => provider().history('not a domain', { signal }), { deadlineMs: 5000 });
  assert.equal(rejected.status, 'rejected');
  const disabled = await withDeadline((signal) => provider({ apiKey: null }).history('velvet-jobs.example', { signal }), { deadlineMs: 5000 });
  assert.deepEqual(disabled, { status: 'unavailable', kind: 'disabled', reason: 'WhoisXML API disabled: no api key (set INDICIA_WHOISXML_API_KEY, or whoisxmlApiKey in the config file)', retryable: false });
  const ok = await withDeadline(async () => 42, { deadlineMs: 5000 });
  assert.deepEqual(ok, { status: 'ok', value: 42 });
  await assert.rejects(withDeadline(async () => { throw new TypeError('a bug'); }, { deadlineMs: 5000 }), TypeError);
});

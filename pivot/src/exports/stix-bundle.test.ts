import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLinkGraph } from '../graph/build-graph.js';
import { neighbourhood } from '../graph/neighbourhood.js';
import { fixtureAds, fixtureDns, fixtureRegistrations } from '../test-support/graph-fixture-data.js';
import { stixBundleViolations } from '../test-support/stix-rules.js';
import { stixBundle } from './stix-bundle.js';
import { canonicalJson, stixScoId, uuidV5 } from './stix-identifiers.js';

const graph = buildLinkGraph({ ads: fixtureAds, registrations: fixtureRegistrations, dns: fixtureDns });
const exportedAt = '2025-06-01T12:00:00.000Z';

test('deterministic SCO ids match independent computations and RFC 4122 vectors', () => {
  // Python: uuid.uuid5(UUID('00abedb4-...'), '{"value":"198.51.100.3"}'), as cti-python-stix2 computes
  // it. (The spec's own example id for this address is illustrative, not computed.)
  assert.equal(stixScoId('ipv4-addr', { value: '198.51.100.3' }), 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
  assert.equal(stixScoId('user-account', { account_type: '', account_login: 'x' }), `user-account--${uuidV5('00abedb4-aa42-466c-9c01-fed23315a9b7', '{"account_login":"x"}')}`);
  // RFC 4122 appendix-style vector: the DNS namespace and "www.example.com" (as Python's uuid.uuid5 gives it).
  assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  assert.equal(canonicalJson({ value: 'a', account_type: 'b' }), '{"account_type":"b","value":"a"}');
});

test('the bundle of the fixture graph keeps every STIX 2.1 rule the validator checks', () => {
  const { bundle } = stixBundle(graph, { exportedAt });
  assert.deepEqual(stixBundleViolations(bundle), []);
  assert.deepEqual(stixBundleViolations(JSON.parse(JSON.stringify(bundle))), [], 'and survives JSON');
});

test('observables, ads and registrations map to the STIX objects the design names', () => {
  const { bundle, skipped } = stixBundle(graph, { exportedAt });
  const find = (type: string, predicate: (object: Record<string, unknown>) => boolean = () => true) => bundle.objects.filter((o) => o.type === type && predicate(o));
  assert.equal(find('identity', (o) => o.name === 'Indicia').length, 1);
  assert.equal(find('x-indicia-phone-number', (o) => o.value === '+17025550134').length, 1);
  assert.equal(find('user-account', (o) => o.account_login === 'lena_10' && o.account_type === 'telegram').length, 1);
  assert.equal(find('x-indicia-cryptocurrency-wallet', (o) => o.chain === 'bitcoin').length, 1);
  assert.equal(find('ipv6-addr').length, 1);
  const a2 = find('observed-data').find((o) => (o.object_refs as string[]).includes(stixScoId('email-addr', { value: 'lena@mailbox.example' })))!;
  assert.ok((a2.object_refs as string[]).includes(stixScoId('x-indicia-phone-number', { value: '+17025550134' })));
  assert.ok((a2.object_refs as string[]).includes(stixScoId('url', { value: 'https://velvet-nights.test/ad/2' })), "the ad's own URL");
  assert.equal(a2.first_observed, '2024-01-15T08:00:00.000Z');
  const bossId = stixScoId('email-addr', { value: 'boss@ops.example' });
  const registrantLinks = find('relationship', (o) => o.relationship_type === 'registrant' && o.target_ref === bossId && o.source_ref === stixScoId('domain-name', { value: 'lena10vip.example' }));
  assert.deepEqual(registrantLinks.map((o) => o.start_time).sort(), ['2024-01-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z'], 'one relationship per time range');
  assert.ok(find('relationship', (o) => o.relationship_type === 'resolves-to').length >= 2);
  assert.ok(skipped.length === 0, JSON.stringify(skipped));
});

test('exports are deterministic: the same graph gives the same bundle', () => {
  assert.deepEqual(stixBundle(graph, { exportedAt }), stixBundle(graph, { exportedAt }));
});

test('a neighbourhood exports with every reference inside its bundle', () => {
  const { graph: sub } = neighbourhood(graph, 'phone:+17025550134', 1);
  const { bundle } = stixBundle(sub, { exportedAt });
  assert.deepEqual(stixBundleViolations(bundle), []);
});

test('the validator catches broken bundles', () => {
  const { bundle } = stixBundle(graph, { exportedAt });
  const broken = JSON.parse(JSON.stringify(bundle)) as typeof bundle;
  const email = broken.objects.find((o) => o.type === 'email-addr')!;
  email.value = 'changed@example.com';
  const relationship = broken.objects.find((o) => o.type === 'relationship')!;
  relationship.target_ref = 'domain-name--00000000-0000-5000-8000-000000000000';
  relationship.created = '2025-06-01T12:00:00Z';
  const observed = broken.objects.find((o) => o.type === 'observed-data')!;
  observed.object_refs = [];
  broken.objects = broken.objects.filter((o) => o.type !== 'extension-definition');
  const problems = stixBundleViolations(broken).join('\n');
  assert.match(problems, /not the deterministic id/);
  assert.match(problems, /points outside the bundle/);
  assert.match(problems, /created missing or not to the millisecond/);
  assert.match(problems, /object_refs is an empty list/);
  assert.match(problems, /extension .* is not in the bundle/);
});

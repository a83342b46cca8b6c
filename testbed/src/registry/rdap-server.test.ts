import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { startTestbed, type RunningTestbed } from '../start-testbed.js';
import { registrationTruth } from './registration-truth.js';
import type { RegistryDomain } from './registration-types.js';

const seed = 2;
const ads = 400;
const truth = registrationTruth({ seed, ads });

type Entity = { roles: string[]; vcardArray?: [string, Array<[string, Record<string, unknown>, string, unknown]>]; publicIds?: Array<{ type: string; identifier: string }> };
type DomainObject = { ldhName: string; entities: Entity[]; events: Array<{ eventAction: string; eventDate: string }>; nameservers: Array<{ ldhName: string }>; status: string[]; redacted?: Array<{ name: { type: string } }> };

function cardValue(entity: Entity | undefined, property: string): unknown {
  return entity?.vcardArray?.[1].find((entry) => entry[0] === property)?.[3];
}

describe('testbed RDAP server', () => {
  let testbed: RunningTestbed;
  const get = async (domain: string) => {
    const response = await fetch(`${testbed.rdapUrl}domain/${domain}`, { headers: { accept: 'application/rdap+json' } });
    return { response, body: (await response.json()) as DomainObject & { errorCode?: number } };
  };
  before(async () => {
    testbed = await startTestbed({ seed, ads });
  });
  after(() => testbed.close());

  it('answers every domain with events, status, nameservers, the registrar and jCard contacts as the truth says', async () => {
    for (const domain of truth.domains) {
      const { response, body } = await get(domain.domain);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/rdap+json');
      assert.equal(body.ldhName, domain.domain);
      assert.deepEqual(body.nameservers.map((server) => server.ldhName), domain.dns.ns);
      assert.equal(body.events.find((event) => event.eventAction === 'registration')?.eventDate, domain.createdAt);
      assert.equal(body.events.find((event) => event.eventAction === 'expiration')?.eventDate, domain.expiresAt);
      assert.ok(body.status.includes('client transfer prohibited'));
      const registrar = body.entities.find((entity) => entity.roles.includes('registrar'));
      assert.deepEqual(registrar?.publicIds, [{ type: 'IANA Registrar ID', identifier: domain.registrarId }]);
      assertContacts(domain, body);
    }
  });

  it('answers as of the registry clock and gives 404 with an RDAP error body for unknown or not-yet-created names', async () => {
    const changed = truth.domains.find((domain) => domain.history.length > 1)!;
    try {
      testbed.registry.setClock(changed.history[0]!.validFrom);
      const { body } = await get(changed.domain);
      assert.equal(cardValue(body.entities.find((entity) => entity.roles.includes('registrant')), 'email'), changed.history[0]!.contact.email);
      testbed.registry.setClock(new Date(Date.parse(changed.createdAt) - 1));
      assert.equal((await get(changed.domain)).response.status, 404);
    } finally {
      testbed.registry.setClock(null);
    }
    const { response, body } = await get('unheard-of.test');
    assert.equal(response.status, 404);
    assert.equal(body.errorCode, 404);
  });
});

function assertContacts(domain: RegistryDomain, body: DomainObject): void {
  const current = domain.history.at(-1)!;
  for (const role of ['registrant', 'administrative', 'technical']) {
    const entity = body.entities.find((candidate) => candidate.roles.includes(role));
    assert.ok(entity !== undefined, `${domain.domain} ${role}`);
    if (current.privacy?.kind === 'redacted') {
      assert.equal(cardValue(entity, 'fn'), '');
      assert.equal(cardValue(entity, 'email'), undefined);
      assert.equal(cardValue(entity, 'tel'), undefined);
    } else {
      assert.equal(cardValue(entity, 'fn'), current.contact.name);
      assert.equal(cardValue(entity, 'org'), current.contact.organization);
      assert.equal(cardValue(entity, 'email'), current.contact.email);
      assert.equal(String(cardValue(entity, 'tel')).replace(/^tel:\+(\d+)\.(\d+)$/, '+$1$2'), current.contact.phone);
    }
  }
  const redactedNames = (body.redacted ?? []).map((entry) => entry.name.type);
  if (current.privacy?.kind === 'redacted') for (const name of ['Registrant Name', 'Registrant Email', 'Registrant Phone', 'Tech Email']) assert.ok(redactedNames.includes(name), name);
  else assert.deepEqual(redactedNames, []);
}

describe('testbed RDAP rate limit', () => {
  it('answers 429 with Retry-After past N requests a second', async () => {
    const limited = await startTestbed({ seed, ads: 20, rdapRequestsPerSecond: 2, rdapRetryAfterSeconds: 3 });
    try {
      // All at once, so the burst lands within one second however loaded the machine is.
      const responses = await Promise.all(Array.from({ length: 6 }, () => fetch(`${limited.rdapUrl}domain/velvet-nights.test`)));
      const limitedOnes = responses.filter((response) => response.status === 429);
      assert.ok(limitedOnes.length >= 1 && responses.filter((response) => response.status === 200).length >= 1);
      assert.equal(limitedOnes[0]!.headers.get('retry-after'), '3');
      assert.equal(((await limitedOnes[0]!.json()) as { errorCode: number }).errorCode, 429);
      await Promise.all(responses.filter((response) => !response.bodyUsed).map((response) => response.body?.cancel()));
    } finally {
      await limited.close();
    }
  });
});

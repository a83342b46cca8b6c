import { contactRoles, identityFields, type IdentityField } from '@indicia/core';
import type { RegistrationSnapshot } from '@indicia/indexer';
import type { ConsoleDeps } from '../console-deps.js';
import { badRequest } from '../http/rejected-request-error.js';
import { json, type ConsoleRoute } from './console-route.js';
import { withChanges } from './registration-changes.js';

/** Most registrant values a domain page offers as reverse-WHOIS pivots. */
const maxPivots = 40;
const domainPattern = /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/;

export const domainRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/domains/:domain',
    minRole: 'viewer',
    summary: 'A domain: WHOIS/RDAP history newest first with the changed fields of each snapshot, DNS history, reverse-WHOIS pivots from each contact value, and its ads (hosted on it, and mentioning it).',
    async handle(ctx, deps) {
      const domain = ctx.params.domain!.trim().toLowerCase().replace(/\.$/, '');
      if (!domainPattern.test(domain)) throw badRequest('not a domain name (IDNs in punycode)');
      const [history, dns, ads] = await Promise.all([deps.store.registrations.registrationHistory(domain), deps.store.registrations.dnsHistory(domain), deps.store.domainAds(domain)]);
      ctx.audit('view-domain', domain);
      return json({
        domain,
        registrations: withChanges(history),
        dns: [...dns].reverse(),
        pivots: await pivotsOf(history, deps),
        ads: ads.hosted,
        adsMentioning: ads.mentioning,
      });
    },
  },
  {
    method: 'GET',
    path: '/reverse',
    minRole: 'viewer',
    summary: 'Reverse WHOIS over the collected records: the domains whose registrations held an email, phone, name or org (one of them).',
    query: ['email', 'phone', 'name', 'org'],
    async handle(ctx, deps) {
      const asked = (['email', 'phone', 'name', 'org'] as const).filter((name) => ctx.url.searchParams.get(name)?.trim());
      if (asked.length !== 1) throw badRequest('give exactly one of email, phone, name, org');
      const param = asked[0]!;
      const field: IdentityField = param === 'org' ? 'organization' : param;
      let value = ctx.url.searchParams.get(param)!.trim();
      if (field === 'phone' && !/^\+\d{6,15}$/.test(value)) {
        const reading = deps.interpretQuery({ text: value }).readAs.find((r) => r.as === 'phone');
        if (!reading) throw badRequest('this is not a phone number: give it with its country code');
        value = reading.value;
      }
      ctx.audit('reverse-whois', `${field}:${value}`);
      return json({ matches: await deps.store.registrations.reverse({ field, value }) });
    },
  },
];

/** Each contact value any snapshot held (registrant.email, admin.phone...), with how many domains' records held it. */
async function pivotsOf(history: RegistrationSnapshot[], deps: Pick<ConsoleDeps, 'store'>): Promise<Array<{ field: string; value: string; domains: number }>> {
  const seen = new Map<string, { role: (typeof contactRoles)[number]; field: IdentityField; value: string }>();
  for (const snapshot of [...history].reverse()) {
    for (const role of contactRoles) {
      const contact = snapshot.record[role];
      if (!contact) continue;
      for (const field of identityFields) {
        const value = contact[field];
        if (typeof value === 'string' && value.trim() !== '' && seen.size < maxPivots) seen.set(`${role}.${field}\u0000${value}`, { role, field, value });
      }
    }
  }
  return Promise.all(
    [...seen.values()].map(async ({ role, field, value }) => ({
      field: `${role}.${field}`,
      value,
      domains: (await deps.store.registrations.reverse({ field, value })).length,
    })),
  );
}

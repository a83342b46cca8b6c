import { indicatorTypes, type IndicatorType } from '@indicia/core';
import type { IndicatorRef, ReverseRegistrationMatch } from '@indicia/indexer';
import type { ConsoleDeps } from '../console-deps.js';
import { badRequest, notFound } from '../http/rejected-request-error.js';
import { json, type ConsoleRoute } from './console-route.js';
import { withThumbnails } from './search-routes.js';

export const indicatorRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/indicators/:type/:value',
    minRole: 'viewer',
    summary: 'An indicator: ads over time, sites, co-occurring indicators, the WHOIS/RDAP records that held it, and the first page of its ads.',
    query: ['platform', 'chain', 'bucket'],
    async handle(ctx, deps) {
      const indicator = indicatorOf(ctx.params.type!, ctx.params.value!, ctx.url, deps);
      const bucket = ctx.url.searchParams.get('bucket') === 'month' ? 'month' : 'day';
      const profile = await deps.store.indicatorProfile(indicator, { bucket });
      if (!profile) throw notFound('indicator');
      ctx.audit('view-indicator', refLabel(profile.indicator));
      const [registrations, page] = await Promise.all([registrationsHolding(profile.indicator, deps), deps.store.search({ indicator: profile.indicator, limit: 20, offset: 0 })]);
      return json({ ...profile, registrations, hits: await withThumbnails(page.hits, deps) });
    },
  },
];

/** The indicator a URL names; a phone in another format than E.164 is read as the search box reads it. */
export function indicatorOf(type: string, value: string, url: URL, deps: Pick<ConsoleDeps, 'interpretQuery'>): IndicatorRef {
  if (!(indicatorTypes as readonly string[]).includes(type)) throw badRequest(`an indicator type is one of ${indicatorTypes.join(', ')}`);
  const ref: IndicatorRef = { type: type as IndicatorType, value: value.trim() };
  if (ref.type === 'phone' && !/^\+\d{6,15}$/.test(ref.value)) {
    const reading = deps.interpretQuery({ text: ref.value }).readAs.find((r) => r.as === 'phone');
    if (!reading) throw badRequest('this is not a phone number: give it with its country code (+1 702 555 0134)');
    ref.value = reading.value;
  }
  const platform = url.searchParams.get('platform');
  const chain = url.searchParams.get('chain');
  if (ref.type === 'handle') {
    // A handle may also come as platform:value in the path.
    const split = ref.value.indexOf(':');
    if (!platform && split > 0) {
      ref.platform = ref.value.slice(0, split);
      ref.value = ref.value.slice(split + 1);
    } else if (platform) ref.platform = platform;
  }
  if (ref.type === 'crypto' && chain) ref.chain = chain;
  return ref;
}

/** Reverse WHOIS over the collected records, for the identity values registrations hold (emails and phones). */
async function registrationsHolding(indicator: IndicatorRef, deps: Pick<ConsoleDeps, 'store'>): Promise<ReverseRegistrationMatch[]> {
  if (indicator.type !== 'email' && indicator.type !== 'phone') return [];
  return deps.store.registrations.reverse({ field: indicator.type, value: indicator.value });
}

export function refLabel(ref: IndicatorRef): string {
  return [ref.type, ref.platform ?? ref.chain, ref.value].filter(Boolean).join(':');
}

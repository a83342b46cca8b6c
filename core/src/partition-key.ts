import type { Envelope } from './envelope.js';

/**
 * The key a message is partitioned by on the bus: messages with the same key go, in order, to one
 * consumer of a group. Chosen per type for what must stay together:
 * - crawl.requested by host: one worker fetches a host, so per-host politeness holds;
 * - page.captured by canonical URL and ad.extracted by ad id: an ad's versions are handled in order;
 * - domain.seen by domain: one pivot worker enriches a domain;
 * - whois.recorded and dns.recorded by domain: a domain's snapshots are stored in order.
 */
export function partitionKeyOf(envelope: Envelope): string {
  switch (envelope.type) {
    case 'crawl.requested':
      return (envelope as Envelope<'crawl.requested'>).payload.host;
    case 'page.captured':
      return (envelope as Envelope<'page.captured'>).payload.canonicalUrl;
    case 'ad.extracted':
      return (envelope as Envelope<'ad.extracted'>).payload.adId;
    case 'domain.seen':
      return (envelope as Envelope<'domain.seen'>).payload.domain;
    case 'whois.recorded':
      return (envelope as Envelope<'whois.recorded'>).payload.domain;
    case 'dns.recorded':
      return (envelope as Envelope<'dns.recorded'>).payload.domain;
  }
}

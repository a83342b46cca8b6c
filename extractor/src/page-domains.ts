import type { DomainSeen, Indicator } from '@indicia/core';
import { isPlatformHost, registrableDomain } from './registrable-domain.js';
import { findWebAddresses } from './web-address-finder.js';

export { registrableDomain } from './registrable-domain.js';

/**
 * Host names of web addresses written in the text ("www.x.example", "https://x.test/a",
 * "anna-vip.example"): the same finder as the url/domain text rule, so a page's domain.seen
 * messages and its domain indicators name the same domains.
 */
export function domainsInText(text: string): string[] {
  return findWebAddresses(text).map((address) => address.host);
}

/**
 * Registrable domains (Public Suffix List) seen on a page: the site's own, those of web addresses in
 * the ad (links and text), and those of its email addresses. Messenger and profile hosts (t.me,
 * wa.me, instagram.com) are platforms, not anyone's site, and are left out.
 */
export class DomainCollector {
  private readonly seen = new Map<string, DomainSeen>();

  constructor(
    private readonly captureId: string,
    private readonly adId: string | null,
  ) {}

  addHost(host: string, via: DomainSeen['via']): void {
    if (isPlatformHost(host)) return;
    const domain = registrableDomain(host.toLowerCase());
    if (!domain || this.seen.has(domain)) return;
    this.seen.set(domain, { domain, via, captureId: this.captureId, adId: this.adId });
  }

  addEmails(indicators: Indicator[]): void {
    for (const indicator of indicators) if (indicator.type === 'email') this.addHost(indicator.value.slice(indicator.value.lastIndexOf('@') + 1), 'email');
  }

  list(): DomainSeen[] {
    return [...this.seen.values()];
  }
}

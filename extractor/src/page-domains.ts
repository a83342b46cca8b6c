import type { DomainSeen, Indicator } from '@indicia/core';
import { isPlatformHost, registrableDomain } from './registrable-domain.js';

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

  /**
   * The domains an ad's indicators name: its domain indicators (web addresses in its text and links,
   * found once by the url/domain rules, so domain.seen and the indicators always agree) and the
   * domains of its email addresses.
   */
  addIndicators(indicators: Indicator[]): void {
    for (const indicator of indicators) {
      if (indicator.type === 'domain') this.addHost(indicator.value, 'url');
      else if (indicator.type === 'email') this.addHost(indicator.value.slice(indicator.value.lastIndexOf('@') + 1), 'email');
    }
  }

  list(): DomainSeen[] {
    return [...this.seen.values()];
  }
}

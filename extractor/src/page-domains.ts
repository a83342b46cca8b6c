import type { DomainSeen, Indicator } from '@indicia/core';
import { getDomain } from 'tldts';
import { asciiDomain } from './email-normalization.js';
import { messengerHosts } from './handle-platforms.js';
import { isWordCharAt } from './text-boundaries.js';

/**
 * Registrable domains (Public Suffix List) seen on a page: the site's own, those of web addresses in
 * the ad (links and text), and those of its email addresses. Messenger and profile hosts (t.me,
 * wa.me, instagram.com) are platforms, not anyone's site, and are left out.
 */
export function registrableDomain(host: string): string | null {
  const ascii = asciiDomain(host) ?? (/^[a-z0-9-]+\.[a-z0-9-]+$/i.test(host) ? host.toLowerCase() : null);
  if (!ascii) return null;
  return getDomain(ascii, { allowPrivateDomains: false }) ?? null;
}

const webAddress = /(?:https?:\/\/|www\.)([\p{L}\p{N}.-]+\.\p{L}{2,63})(?![\p{L}\p{N}-])/giu;
/** Bare names count only on the reserved or onion TLDs; elsewhere "file.txt" would pass as a domain. */
const reservedTld = /\.(?:test|example|onion|invalid)(?![\p{L}\p{N}-])/giu;
const hostChar = /[a-z0-9.-]/i;

/** Host names of web addresses written in the text ("www.x.example", "https://x.test/a", "x.onion"). */
export function domainsInText(text: string): string[] {
  const hosts: string[] = [];
  const lower = text.toLowerCase();
  if (lower.includes('http') || lower.includes('www.')) {
    for (const m of text.matchAll(webAddress)) if (!/[\p{L}\p{N}@.-]/u.test(text[m.index - 1] ?? ' ')) hosts.push(m[1]!);
  }
  // Reserved names are found from their TLD backwards: scanning every position for a host is slow.
  for (const m of text.matchAll(reservedTld)) {
    let start = m.index;
    while (start > 0 && hostChar.test(text[start - 1]!)) start--;
    const host = text.slice(start, m.index + m[0].length).replace(/^[.-]+/, '');
    if (host.includes('.') && !/[@/]/.test(text[start - 1] ?? ' ') && !isWordCharAt(text, start - 1)) hosts.push(host);
  }
  return hosts;
}

export class DomainCollector {
  private readonly seen = new Map<string, DomainSeen>();

  constructor(
    private readonly captureId: string,
    private readonly adId: string | null,
  ) {}

  addHost(host: string, via: DomainSeen['via']): void {
    const lowerHost = host.toLowerCase().replace(/^www\./, '');
    if (messengerHosts.has(lowerHost)) return;
    const domain = registrableDomain(lowerHost);
    if (!domain || messengerHosts.has(domain) || this.seen.has(domain)) return;
    this.seen.set(domain, { domain, via, captureId: this.captureId, adId: this.adId });
  }

  addEmails(indicators: Indicator[]): void {
    for (const indicator of indicators) if (indicator.type === 'email') this.addHost(indicator.value.slice(indicator.value.lastIndexOf('@') + 1), 'email');
  }

  list(): DomainSeen[] {
    return [...this.seen.values()];
  }
}

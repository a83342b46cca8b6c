import { getDomain } from 'tldts';
import { asciiDomain } from './email-normalization.js';
import { messengerHosts } from './handle-platforms.js';
import { memoizeByString } from './string-memo.js';

/** The registrable domain (Public Suffix List, ICANN section) of a host name, in punycode; null for an IP or a non-name. */
export const registrableDomain: (host: string) => string | null = memoizeByString(registrableDomainUncached, { maxEntries: 4096 });

function registrableDomainUncached(host: string): string | null {
  const ascii = asciiDomain(host) ?? (/^[a-z0-9-]+\.[a-z0-9-]+$/i.test(host) ? host.toLowerCase() : null);
  if (!ascii) return null;
  return getDomain(ascii, { allowPrivateDomains: false }) ?? null;
}

/**
 * Messenger and profile hosts (t.me, wa.me, instagram.com): platforms, not anyone's site. Links to
 * them give handles; they are neither url/domain indicators nor domains to pivot on. Digits glued
 * before one ("ID: 42587104snapchat.com/add/x", "Ref 2026-07773kik.me/x" in Chinese text, which has
 * no spaces) belong to the text before it.
 */
export function isPlatformHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/^www\./, '');
  return isMessengerHostOrDomain(lower) || (/^[\d-]+[a-z]/.test(lower) && isMessengerHostOrDomain(lower.replace(/^[\d-]+/, '')));
}

function isMessengerHostOrDomain(host: string): boolean {
  if (messengerHosts.has(host)) return true;
  const domain = registrableDomain(host);
  return domain !== null && messengerHosts.has(domain);
}

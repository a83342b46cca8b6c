import { getDomain } from 'tldts';

/**
 * The registrable domain (eTLD+1 by the Public Suffix List, private suffixes such as github.io
 * included, so each user site there is its own domain) of a host or URL. Hosts without one (IP
 * addresses, `localhost`) are their own registrable domain.
 */
export function registrableDomain(hostOrUrl: string): string {
  const host = hostOf(hostOrUrl);
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

function hostOf(hostOrUrl: string): string {
  const trimmed = hostOrUrl.trim().toLowerCase();
  const hostname = trimmed.includes('://') ? new URL(trimmed).hostname : stripPort(trimmed);
  return hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colons = host.split(':').length - 1;
  return colons === 1 ? host.slice(0, host.indexOf(':')) : host;
}

import { getDomain, getHostname } from 'tldts';

/**
 * The registrable domain (Public Suffix List) of a host name, URL or email domain, lowercased;
 * null for an IP address or something that is not a host. Reserved test TLDs (.test, .example)
 * are not in the list and count as one-label suffixes, like any unknown TLD.
 */
export function registrableDomainOf(hostOrUrl: string): string | null {
  const known = recentAnswers.get(hostOrUrl);
  if (known !== undefined) return known;
  const domain = getDomain(hostOrUrl.trim().toLowerCase());
  const answer = domain === null || domain === '' ? null : domain;
  // Ads repeat the same few sites and mail providers: remembering recent answers halves build time.
  if (recentAnswers.size >= maxRememberedAnswers) recentAnswers.clear();
  recentAnswers.set(hostOrUrl, answer);
  return answer;
}

const maxRememberedAnswers = 10_000;
const recentAnswers = new Map<string, string | null>();

/** The host name of a URL or host, lowercased, no trailing dot; null when there is none. */
export function hostNameOf(hostOrUrl: string): string | null {
  const host = getHostname(hostOrUrl.trim().toLowerCase());
  return host === null || host === '' ? null : host.replace(/\.$/, '');
}

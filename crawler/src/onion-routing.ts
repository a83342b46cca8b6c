import { DeadLetterError, UsageError } from '@indicia/core';

/** The fix every refusal names. */
export const torProxyExample = 'socks5h://127.0.0.1:9050';

/**
 * A .onion URL was about to go somewhere that cannot carry it without leaking it (no proxy, a
 * socks5:// proxy that would resolve it locally, an HTTP proxy not marked as Tor). The page fails;
 * nothing is sent. A seed like this is refused before the crawl starts (assertOnionRoutable).
 */
export class OnionRequiresTorError extends DeadLetterError {
  override readonly name: string = 'OnionRequiresTorError';
}

/** `x.onion` or any name under it (`www.x.onion`); trailing dot and case ignored. */
export function isOnionHost(host: string): boolean {
  return /(^|\.)onion\.?$/i.test(host.replace(/^\[|\]$/g, ''));
}

export function isOnionUrl(url: string): boolean {
  return URL.canParse(url) && isOnionHost(new URL(url).hostname);
}

export interface ProxyChoice {
  proxyUrl: string | null;
  /** An http:// proxy that is Tor's HTTPTunnelPort (it resolves .onion itself). */
  proxyIsTor: boolean;
}

/**
 * Whether this proxy may carry .onion names: socks5h:// (the proxy resolves names; Tor's SocksPort)
 * or an http:// proxy marked as Tor. Never socks5:// (names resolved here) nor a direct connection.
 */
export function proxyCarriesOnion(choice: ProxyChoice): boolean {
  if (choice.proxyUrl === null) return false;
  const protocol = new URL(choice.proxyUrl).protocol;
  return protocol === 'socks5h:' || (protocol === 'http:' && choice.proxyIsTor);
}

/** Why this proxy cannot carry .onion, with the fix; null when it can. */
export function onionProxyProblem(choice: ProxyChoice): string | null {
  if (proxyCarriesOnion(choice)) return null;
  const fix = `use --proxy ${torProxyExample}`;
  if (choice.proxyUrl === null) return `refusing to crawl .onion without Tor: ${fix}`;
  const protocol = new URL(choice.proxyUrl).protocol;
  if (protocol === 'socks5:') return `refusing to crawl .onion through socks5://, which resolves names locally (a DNS leak): ${fix} (socks5h: the proxy resolves names)`;
  return `refusing to crawl .onion through an HTTP proxy not marked as Tor: ${fix}, or add --proxy-is-tor if this is Tor's HTTPTunnelPort`;
}

export interface OnionScopeSettings extends ProxyChoice {
  seeds: string[];
  /** Allow patterns (regex sources on the canonical URL). */
  allow: string[];
}

/**
 * Refuses, before anything is fetched, a crawl that would send a .onion URL through a route that
 * cannot carry it: an onion seed, or allow patterns that name .onion (a scope meant for onion
 * sites), without a Tor-capable proxy. Throws UsageError naming the fix.
 */
export function assertOnionRoutable(settings: OnionScopeSettings): void {
  const problem = onionProxyProblem(settings);
  if (problem === null) return;
  const onionSeed = settings.seeds.find(isOnionUrl);
  if (onionSeed !== undefined) throw new UsageError(`${problem} (seed ${onionSeed})`);
  const onionPattern = settings.allow.find((pattern) => /onion/i.test(pattern));
  if (onionPattern !== undefined) throw new UsageError(`${problem} (allow pattern ${JSON.stringify(onionPattern)} names .onion)`);
}

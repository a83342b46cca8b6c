import { createHash } from 'node:crypto';
import { registrableDomain } from '../registrable-domain.js';
import type { SocksCredentials } from './socks5-client.js';

/**
 * The site a request belongs to, for stream isolation: the onion address (`x.onion` for
 * `www.x.onion`) or the registrable domain. Both crawlers key on the target's site, so a page and
 * the images it loads from its own site share a circuit, and two sites never do.
 */
export function isolationSiteOf(host: string): string {
  return registrableDomain(host);
}

export interface IsolationOptions {
  /** Credentials from the proxy URL (may be null): the base of every per-site pair. */
  base: SocksCredentials | null;
  isolateStreams: boolean;
}

/**
 * The SOCKS credentials for a request to `host`. With isolation each site gets its own pair
 * (`<base user or "indicia">-<site hash>`), which Tor's IsolateSOCKSAuth (on by default) maps to
 * its own circuit. The hash keeps site names out of the proxy's view; it is stable, so every
 * fetcher of a crawl (pages, images, the browser) uses the same circuit for the same site.
 */
export function socksCredentialsFor(host: string, options: IsolationOptions): SocksCredentials | null {
  if (!options.isolateStreams) return options.base;
  const siteHash = createHash('sha256').update(`indicia-stream:${isolationSiteOf(host)}`).digest('hex').slice(0, 16);
  return {
    username: `${options.base?.username || 'indicia'}-${siteHash}`,
    password: options.base?.password || siteHash,
  };
}

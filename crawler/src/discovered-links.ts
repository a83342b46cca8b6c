import type { UrlScope } from './capture-parts.js';
import type { DiscoveredUrl } from './frontier.js';
import type { PageLink } from './link-extraction.js';

/** The links of a captured page as frontier entries: one level deeper, found on that page, marked in or out of scope. */
export function discoveredLinks(links: PageLink[], page: { canonicalUrl: string; depth: number }, scope: UrlScope): DiscoveredUrl[] {
  return links.map((link) => ({
    canonicalUrl: link.canonicalUrl,
    url: link.url,
    depth: page.depth + 1,
    host: new URL(link.canonicalUrl).hostname,
    inScope: scope.includes(link.canonicalUrl),
    parentUrl: page.canonicalUrl,
  }));
}

import { classifiedsListingPageCount } from './classifieds-site.js';
import { trapLinks } from './common-routes.js';
import { recruitmentListingPageCount } from './recruitment-site.js';
import { classifiedsHost, recruitmentHost } from './site-hosts.js';
import type { TestbedLayout } from './testbed-layout.js';

/**
 * The distinct canonical URLs a full crawl that honours robots.txt requests on one site (robots.txt
 * itself aside): each once, whatever it answers. Redirect targets count only where they are linked.
 */
export interface SitePages {
  /** Ad detail pages (the truth's ads). */
  ads: number;
  /** Listing pages with pagination. */
  listings: number;
  /** Home, about, terms. */
  other: number;
  /** Trap and bad-input URLs: malformed, huge, PDF, PNG, flaky, 500, redirect loop, a 404 and a /go/ redirect. */
  traps: number;
  total: number;
}

export function pageInventory(layout: TestbedLayout): Record<string, SitePages> {
  return {
    [classifiedsHost]: sitePages(layout.classifiedsCount, classifiedsListingPageCount(layout)),
    [recruitmentHost]: sitePages(layout.recruitmentCount, recruitmentListingPageCount(layout)),
  };
}

function sitePages(ads: number, listings: number): SitePages {
  const other = 3;
  const traps = trapLinks.length + 1 + (ads > 0 ? 1 : 0);
  return { ads, listings, other, traps, total: ads + listings + other + traps };
}

import { classifiedsListingPageCount } from './classifieds-site.js';
import { trapLinks } from './common-routes.js';
import { spaTrapLinks } from './spa-trap-pages.js';
import { recruitmentListingPageCount } from './recruitment-site.js';
import { classifiedsHost, imageAdsHost, recruitmentHost, spaHost } from './site-hosts.js';
import { listingPages, type TestbedLayout } from './testbed-layout.js';

/**
 * The distinct canonical URLs a full crawl that honours robots.txt requests on one site (robots.txt
 * itself aside): each once, whatever it answers. Redirect targets count only where they are linked.
 */
export interface SitePages {
  /** Ad detail pages (the truth's ads) linked from HTML. */
  ads: number;
  /** Listing pages with pagination. */
  listings: number;
  /** Home, about, terms (the single-page app: its home shell only). */
  other: number;
  /**
   * Trap and bad-input URLs: malformed, huge, PDF, PNG, flaky, 500, redirect loop, a 404 and a /go/
   * redirect; on the image-ad site its bad-media page too.
   */
  traps: number;
  /** What a plain HTTP crawl fetches here: ads + listings + other + traps. */
  total: number;
  /**
   * Pages linked only by script-rendered links (the single-page app's ads and its two trap pages, one
   * never idle, one busy-looping): a plain HTTP crawl never sees them; a browser crawl fetches them
   * on top of `total`. Its listing is infinite scroll over JSON, so it has no listing pages.
   */
  scriptLinked: number;
}

export function pageInventory(layout: TestbedLayout): Record<string, SitePages> {
  return {
    [classifiedsHost]: sitePages(layout.classifiedsCount, classifiedsListingPageCount(layout)),
    [recruitmentHost]: sitePages(layout.recruitmentCount, recruitmentListingPageCount(layout)),
    [spaHost]: { ads: 0, listings: 0, other: 1, traps: 0, total: 1, scriptLinked: layout.spaCount + spaTrapLinks.length },
    [imageAdsHost]: sitePages(layout.imageCount, listingPages(layout.imageCount), { ownTraps: imageAdsOwnTraps }),
  };
}

/** Trap pages only the image-ad site links: its bad-media page (its pictures are images, not pages). */
const imageAdsOwnTraps = 1;

function sitePages(ads: number, listings: number, options: { ownTraps: number } = { ownTraps: 0 }): SitePages {
  const other = 3;
  const traps = trapLinks.length + 1 + (ads > 0 ? 1 : 0) + options.ownTraps;
  return { ads, listings, other, traps, total: ads + listings + other + traps, scriptLinked: 0 };
}

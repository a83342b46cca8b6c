import type { ClassifiedsAd } from './ad-model.js';
import { classifiedsCities, cityBySlug, cityIndexOf } from './classifieds-cities.js';
import { classifiedsAbout, classifiedsAdPage, classifiedsHome, classifiedsListing, classifiedsName, classifiedsPrivateArchive, classifiedsTerms } from './classifieds-pages.js';
import type { SiteContext } from './common-routes.js';
import { httpDate } from './human-date.js';
import { pageNumber } from './pagination.js';
import { classifiedsHost, testbedSites, type TestbedSite } from './site-hosts.js';
import { htmlResponse, type SiteRequest, type SiteResponse } from './site-response.js';
import { cardsPerPage, listingPages, type TestbedLayout } from './testbed-layout.js';
import type { VirtualSite } from './virtual-site.js';

const adPath = /^\/ads\/(\d{1,9})$/;
const privateAdPath = /^\/private\/ads\/(\d{1,9})$/;
const cityPath = /^\/city\/([a-z-]+)$/;

/** Routes of velvet-nights.test. Pages are rendered per request from the layout; nothing is cached. */
export class ClassifiedsSite implements VirtualSite {
  readonly info: TestbedSite = testbedSites.find((site) => site.host === classifiedsHost)!;
  readonly context: SiteContext;

  constructor(private readonly layout: TestbedLayout) {
    this.context = {
      siteName: classifiedsName,
      listingHref: '/ads?page=1',
      goTarget: (id) => (id >= 1 && id <= layout.classifiedsCount ? `http://${classifiedsHost}/ads/${id}` : undefined),
    };
  }

  private get firstAdId(): number | undefined {
    return this.layout.classifiedsCount > 0 ? 1 : undefined;
  }

  respond(request: SiteRequest): SiteResponse | undefined {
    const { pathname, query } = request;
    switch (pathname) {
      case '/':
        return htmlResponse(classifiedsHome({ adCount: this.layout.classifiedsCount, firstAdId: this.firstAdId }));
      case '/about':
        return htmlResponse(classifiedsAbout(this.firstAdId));
      case '/terms':
        return htmlResponse(classifiedsTerms());
      case '/ads':
        return this.allAds(query);
      case '/private/archive':
        return htmlResponse(classifiedsPrivateArchive(this.privateAds()));
    }
    const ad = adPath.exec(pathname);
    if (ad) return this.adPage(Number(ad[1]));
    const privateAd = privateAdPath.exec(pathname);
    if (privateAd) return this.privateAdPage(Number(privateAd[1]));
    const city = cityPath.exec(pathname);
    if (city) return this.cityAds(city[1]!, query);
    return undefined;
  }

  private allAds(query: URLSearchParams): SiteResponse | undefined {
    const total = this.layout.classifiedsCount;
    const pages = listingPages(total);
    const page = pageNumber(query, pages);
    if (page === undefined) return undefined;
    const ads: ClassifiedsAd[] = [];
    for (let local = (page - 1) * cardsPerPage; local < Math.min(total, page * cardsPerPage); local++) ads.push(this.layout.classifiedsAd(local));
    return htmlResponse(classifiedsListing({
      heading: 'All ads', page, pages, total, ads, seed: this.layout.seed,
      href: (number) => `/ads?page=${number}`,
      canonicalPath: `/ads?page=${page}`,
      privateHref: page <= this.layout.privateClassifiedsCount ? `/private/ads/${page}` : undefined,
    }));
  }

  private cityAds(slug: string, query: URLSearchParams): SiteResponse | undefined {
    const city = cityBySlug(slug);
    if (city === undefined) return undefined;
    const locals = this.layout.cityAds[cityIndexOf(slug)]!;
    const pages = listingPages(locals.length);
    const page = pageNumber(query, pages);
    if (page === undefined) return undefined;
    const ads = Array.from(locals.subarray((page - 1) * cardsPerPage, page * cardsPerPage), (local) => this.layout.classifiedsAd(local));
    return htmlResponse(classifiedsListing({
      heading: `Ads in ${city.name}, ${city.area}`, page, pages, total: locals.length, ads, seed: this.layout.seed,
      href: (number) => `/city/${slug}?page=${number}`,
      canonicalPath: `/city/${slug}?page=${page}`,
    }));
  }

  private adPage(id: number): SiteResponse | undefined {
    if (id < 1 || id > this.layout.classifiedsCount) return undefined;
    const ad = this.layout.classifiedsAd(id - 1);
    return htmlResponse(classifiedsAdPage(ad, `/ads?page=${Math.floor(ad.localIndex / cardsPerPage) + 1}`), 200, { 'last-modified': httpDate(ad.postedAt) });
  }

  private privateAdPage(id: number): SiteResponse | undefined {
    if (id < 1 || id > this.layout.privateClassifiedsCount) return undefined;
    return htmlResponse(classifiedsAdPage(this.layout.classifiedsAd(id - 1, 'robots-blocked'), '/private/archive'));
  }

  private privateAds(): ClassifiedsAd[] {
    return Array.from({ length: this.layout.privateClassifiedsCount }, (_, local) => this.layout.classifiedsAd(local, 'robots-blocked'));
  }
}

/** Listing pages of the classifieds site: all ads plus every city. */
export function classifiedsListingPageCount(layout: TestbedLayout): number {
  return listingPages(layout.classifiedsCount) + classifiedsCities.reduce((sum, _city, index) => sum + listingPages(layout.cityAds[index]!.length), 0);
}

import type { ImageAd } from './ad-model.js';
import type { AdPicture } from './ad-pictures.js';
import { badMediaResponse } from './bad-media-routes.js';
import type { SiteContext } from './common-routes.js';
import { httpDate } from './human-date.js';
import { imageAdPage, imageAdsAbout, imageAdsBadMedia, imageAdsHome, imageAdsListing, imageAdsName, imageAdsTerms } from './image-ads-pages.js';
import { pageNumber } from './pagination.js';
import type { PictureCache } from './picture-cache.js';
import { contactCardPicture } from './picture-recipes.js';
import { pictureResponse } from './picture-response.js';
import { sharedPhotoAt } from './shared-photo-route.js';
import { imageAdsHost, siteOf, type TestbedSite } from './site-hosts.js';
import { htmlResponse, type SiteRequest, type SiteResponse } from './site-response.js';
import { cardsPerPage, listingPages, type TestbedLayout } from './testbed-layout.js';
import type { VirtualSite } from './virtual-site.js';

const adPath = /^\/ads\/(\d{1,9})$/;
const adPicturePath = /^\/img\/ads\/(\d{1,9})-\d{1,2}\.(?:png|jpg)$/;
const cardPath = /^\/img\/cards\/(\d{1,9})-(\d)\.png$/;
const photoPath = /^\/photos\/(\d{1,9})-(\d)\.jpg$/;

/** Routes of picture-board.test: pages as HTML, pictures rendered on request. */
export class ImageAdsSite implements VirtualSite {
  readonly info: TestbedSite = siteOf(imageAdsHost);
  readonly context: SiteContext;

  constructor(
    private readonly layout: TestbedLayout,
    private readonly pictures: PictureCache,
  ) {
    this.context = {
      siteName: imageAdsName,
      listingHref: '/ads?page=1',
      goTarget: (id) => (id >= 1 && id <= layout.imageCount ? `http://${imageAdsHost}/ads/${id}` : undefined),
    };
  }

  private get firstAdId(): number | undefined {
    return this.layout.imageCount > 0 ? 1 : undefined;
  }

  respond(request: SiteRequest): SiteResponse | undefined {
    const { pathname, query } = request;
    switch (pathname) {
      case '/':
        return htmlResponse(imageAdsHome({ adCount: this.layout.imageCount, firstAdId: this.firstAdId }));
      case '/about':
        return htmlResponse(imageAdsAbout(this.firstAdId));
      case '/terms':
        return htmlResponse(imageAdsTerms());
      case '/ads':
        return this.listing(query);
    }
    const badMedia = badMediaResponse(request, imageAdsBadMedia);
    if (badMedia) return badMedia;
    const ad = adPath.exec(pathname);
    if (ad) return this.adPage(Number(ad[1]));
    const picture = this.pictureAt(pathname);
    return picture === undefined ? undefined : pictureResponse(this.pictures, picture);
  }

  private listing(query: URLSearchParams): SiteResponse | undefined {
    const total = this.layout.imageCount;
    const pages = listingPages(total);
    const page = pageNumber(query, pages);
    if (page === undefined) return undefined;
    const ads: ImageAd[] = [];
    for (let local = (page - 1) * cardsPerPage; local < Math.min(total, page * cardsPerPage); local++) ads.push(this.layout.imageAd(local));
    return htmlResponse(imageAdsListing({ page, pages, total, ads }));
  }

  private adPage(id: number): SiteResponse | undefined {
    if (id < 1 || id > this.layout.imageCount) return undefined;
    const ad = this.layout.imageAd(id - 1);
    return htmlResponse(imageAdPage(ad, `/ads?page=${Math.floor(ad.localIndex / cardsPerPage) + 1}`), 200, { 'last-modified': httpDate(ad.postedAt) });
  }

  private pictureAt(pathname: string): AdPicture | undefined {
    const ofAd = adPicturePath.exec(pathname);
    if (ofAd) {
      const id = Number(ofAd[1]);
      if (id < 1 || id > this.layout.imageCount) return undefined;
      return this.layout.imageAd(id - 1).pictures.find((picture) => picture.path === pathname);
    }
    const card = cardPath.exec(pathname);
    if (card) {
      const operator = this.layout.operators[Number(card[1])];
      const slot = Number(card[2]);
      return operator !== undefined && slot < operator.phones.length ? contactCardPicture(this.layout.seed, operator, slot, imageAdsHost) : undefined;
    }
    return sharedPhotoAt(this.layout, pathname, photoPath, { host: imageAdsHost, prefix: '/photos' });
  }
}

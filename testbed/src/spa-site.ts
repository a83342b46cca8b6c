import type { SpaAd } from './ad-model.js';
import type { SiteContext } from './common-routes.js';
import { pageNumber } from './pagination.js';
import type { PictureCache } from './picture-cache.js';
import { pictureResponse } from './picture-response.js';
import { sharedPhotoAt } from './shared-photo-route.js';
import { siteOf, spaHost, type TestbedSite } from './site-hosts.js';
import { htmlResponse, type SiteRequest, type SiteResponse } from './site-response.js';
import { spaAppScript } from './spa-app-script.js';
import { spaAdJson, spaListingJson, spaName, spaShell } from './spa-pages.js';
import { isSpaTrapPath, livePollResponse, spaLivePollPath } from './spa-trap-pages.js';
import { cardsPerPage, listingPages, type TestbedLayout } from './testbed-layout.js';
import type { VirtualSite } from './virtual-site.js';

const adPath = /^\/ad\/(\d{1,9})$/;
const adApiPath = /^\/api\/ads\/(\d{1,9})$/;
const photoPath = /^\/media\/(\d{1,9})-(\d)\.jpg$/;

function jsonResponse(value: unknown, status = 200): SiteResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

/** Routes of night-scroll.test: one HTML shell, a script, a JSON API and photos. */
export class SpaSite implements VirtualSite {
  readonly info: TestbedSite = siteOf(spaHost);
  readonly context: SiteContext;

  constructor(
    private readonly layout: TestbedLayout,
    private readonly pictures: PictureCache,
  ) {
    this.context = {
      siteName: spaName,
      listingHref: '/',
      goTarget: (id) => (this.hasAd(id) ? `http://${spaHost}/ad/${id}` : undefined),
    };
  }

  private hasAd(id: number): boolean {
    return id >= 1 && id <= this.layout.spaCount;
  }

  respond(request: SiteRequest): SiteResponse | undefined {
    const { pathname, query } = request;
    switch (pathname) {
      case '/':
        return htmlResponse(spaShell);
      case '/app.js':
        return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: spaAppScript };
      case '/api/listings':
        return this.listing(query);
      case spaLivePollPath:
        return livePollResponse();
    }
    if (isSpaTrapPath(pathname)) return htmlResponse(spaShell);
    const ad = adPath.exec(pathname);
    if (ad) return this.hasAd(Number(ad[1])) ? htmlResponse(spaShell) : undefined;
    const adApi = adApiPath.exec(pathname);
    if (adApi) {
      const id = Number(adApi[1]);
      return this.hasAd(id) ? jsonResponse(spaAdJson(this.layout.spaAd(id - 1))) : jsonResponse({ error: 'no such ad' }, 404);
    }
    const photo = sharedPhotoAt(this.layout, pathname, photoPath, { host: spaHost, prefix: '/media' });
    return photo === undefined ? undefined : pictureResponse(this.pictures, photo);
  }

  private listing(query: URLSearchParams): SiteResponse {
    const total = this.layout.spaCount;
    const pages = listingPages(total);
    const page = pageNumber(query, pages);
    if (page === undefined) return jsonResponse({ error: `no page ${query.get('page')}` }, 404);
    const ads: SpaAd[] = [];
    for (let local = (page - 1) * cardsPerPage; local < Math.min(total, page * cardsPerPage); local++) ads.push(this.layout.spaAd(local));
    return jsonResponse(spaListingJson({ page, pages, total, ads }));
  }
}

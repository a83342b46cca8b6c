import { ClassifiedsSite } from './classifieds-site.js';
import { CommonRoutes } from './common-routes.js';
import { HostileAdsSite } from './hostile-ads-site.js';
import { ImageAdsSite } from './image-ads-site.js';
import { PictureCache } from './picture-cache.js';
import { RecruitmentSite } from './recruitment-site.js';
import { SpaSite } from './spa-site.js';
import { notFoundResponse, parseTarget, type SiteResponse } from './site-response.js';
import type { TestbedLayout } from './testbed-layout.js';
import type { VirtualSite } from './virtual-site.js';

/** Every site of the testbed by host name, as one web server with virtual hosts would hold them. */
export class VirtualHosts {
  readonly sites: VirtualSite[];
  private readonly byHost: Map<string, VirtualSite>;
  private readonly common = new CommonRoutes();

  constructor(layout: TestbedLayout) {
    // One cache for both sites that show pictures: an operator's photo is rendered once for both.
    const pictures = new PictureCache();
    this.sites = [new ClassifiedsSite(layout), new RecruitmentSite(layout), new SpaSite(layout, pictures), new ImageAdsSite(layout, pictures), new HostileAdsSite()];
    this.byHost = new Map(this.sites.map((site) => [site.info.host, site]));
  }

  has(host: string): boolean {
    return this.byHost.has(host);
  }

  /** The response for an origin-form target ("/ads?page=2") on a known host. */
  respond(host: string, method: string, target: string): SiteResponse {
    const site = this.byHost.get(host);
    if (site === undefined) throw new RangeError(`no testbed site ${host}`);
    const { pathname, query } = parseTarget(target);
    const request = { host, method, pathname, query };
    return site.respond(request) ?? this.common.respond(request, site.context) ?? notFoundResponse();
  }
}
